use std::process::ExitCode;
use std::sync::Arc;

use xfdesk::app::{App, Setup, SystemClock};
use xfdesk::cli::{self, Sub};
use xfdesk::domain::permission::Permission;
use xfdesk::i18n::T;
use xfdesk::import::What;

fn main() -> ExitCode {
    xfdesk::heap::keep_small();
    let cli = cli::parse();
    let lang = cli.lang;
    let fail = |msg: String| {
        eprintln!("{}", lang.f(T::CliError, &[&msg]));
        ExitCode::FAILURE
    };
    let db = match cli::db_path(&cli) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    match cli.command {
        Some(Sub::Demo { visits, seed }) => match cli::demo(&db, visits, seed, lang, cli.today) {
            Ok(done) => {
                println!("{done}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Some(Sub::Search {
            ref query,
            format,
            limit,
            reveal,
        }) => {
            let operator = match authorize(&cli, &db, Permission::Reports, "search") {
                Ok(code) => code,
                Err(e) => return fail(e),
            };
            match cli::search(
                &db,
                query,
                format,
                limit,
                reveal,
                &operator,
                lang,
                &mut std::io::stdout().lock(),
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Some(Sub::Compact) => {
            if let Err(e) = authorize(&cli, &db, Permission::Maintain, "compact") {
                return fail(e);
            }
            match cli::compact(&db, lang) {
                Ok(text) => {
                    println!("{text}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        Some(Sub::Backup { ref out, wait }) => printed(
            cli::backup::backup(&db, out, wait, cli.operator.as_deref(), lang),
            fail,
        ),
        Some(Sub::Restore { ref file }) => printed(
            cli::backup::restore(file, &db, cli.operator.as_deref(), lang),
            fail,
        ),
        Some(Sub::Leaders { ref action }) => imported(
            authorize(&cli, &db, Permission::Import, "import").and_then(|operator| {
                cli::import(&db, What::Leaders, action, &operator, lang, &mut out())
            }),
            fail,
        ),
        Some(Sub::Departments { ref action }) => imported(
            authorize(&cli, &db, Permission::Import, "import").and_then(|operator| {
                cli::import(&db, What::Departments, action, &operator, lang, &mut out())
            }),
            fail,
        ),
        Some(Sub::Check) => {
            if let Err(e) = authorize(&cli, &db, Permission::Verify, "check") {
                return fail(e);
            }
            match cli::check(&db, lang, &mut out()) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(2),
                Err(e) => fail(e),
            }
        }
        Some(Sub::Notice {
            week,
            month,
            ref out,
        }) => {
            let date = week.or(cli.today).unwrap_or_else(|| {
                use xfdesk::app::Clock;
                SystemClock { today: None }.today()
            });
            match cli::notice::notice(&db, date, month, out.as_ref(), lang, &mut self::out()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Some(Sub::Board) => match cli::board::board(&db, lang, cli.today) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e),
        },
        Some(Sub::Report {
            which,
            format,
            limit,
            quarter,
            year,
        }) => {
            if let Err(e) = authorize(&cli, &db, Permission::Reports, "report") {
                return fail(e);
            }
            let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
            let request = cli::Request {
                which,
                format,
                limit,
                quarter,
                year,
            };
            match cli::report(&db, request, lang, cli.today, &mut out, &mut err) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Some(Sub::Export {
            format,
            ref out,
            from,
            to,
        }) => {
            let request = cli::ledger::ExportRequest {
                format,
                out,
                from,
                to,
                today: cli.today,
            };
            match authorize(&cli, &db, Permission::ViewMatters, "export")
                .and_then(|operator| cli::ledger::export(&db, &request, &operator, lang))
            {
                Ok(done) => {
                    println!("{done}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        Some(Sub::Import {
            ref file,
            dry_run,
            ref map,
        }) => {
            let options = xfdesk::import::ledger::LedgerOptions {
                dry_run,
                map: map.clone(),
            };
            imported(
                authorize(&cli, &db, Permission::Import, "import").and_then(|operator| {
                    cli::ledger::import(&db, file, options, &operator, lang, &mut out())
                }),
                fail,
            )
        }
        Some(Sub::Document {
            which,
            ref matter,
            ref urge,
            ref out,
        }) => {
            let request = cli::document::DocumentRequest {
                kind: which,
                matter,
                urge: urge.as_deref(),
                out,
                today: cli.today,
            };
            let needs = cli::document::needs(which);
            match authorize(&cli, &db, needs, "document")
                .and_then(|operator| cli::document::document(&db, &request, &operator, lang))
            {
                Ok(done) => {
                    println!("{done}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        None => match run_desk(&cli, db) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e.to_string()),
        },
    }
}

/// The operator the subcommand runs as, checked and recorded: their code.
fn authorize(
    cli: &cli::Cli,
    db: &std::path::Path,
    needs: Permission,
    what: &str,
) -> Result<String, String> {
    cli::auth::authorize(db, cli.operator.as_deref(), needs, what, cli.lang)
}

fn out() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

fn printed(result: Result<String, String>, fail: impl Fn(String) -> ExitCode) -> ExitCode {
    match result {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

fn imported(result: Result<(), String>, fail: impl Fn(String) -> ExitCode) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn run_desk(cli: &cli::Cli, db: std::path::PathBuf) -> color_eyre::Result<()> {
    color_eyre::install()?;
    let _log = xfdesk::config::init_logging(&db);
    let lang = cli.lang;
    // policy.toml and holidays.json beside the database, keys and themes in the user's
    // folder; a broken one falls back to its defaults, and the screen says so.
    let config_dir = xfdesk::config::config_dir();
    let loaded = xfdesk::config::load(&db, config_dir.as_deref(), cli.theme.as_deref(), lang);
    for problem in &loaded.problems {
        tracing::warn!("{problem}");
    }
    let warning = loaded.warning(lang);
    let mut app = App::new(Setup {
        lang,
        settings: loaded.settings,
        keymap: loaded.keymap,
        clock: Arc::new(SystemClock { today: cli.today }),
        db_path: db.clone(),
        demo_visits: 2_000,
        policy: loaded.policy,
        calendar: loaded.calendar,
    });
    if let Some(warning) = warning {
        app.say(xfdesk::app::Tone::Warn, warning);
    }
    let theme = loaded.theme;
    xfdesk::tui::run(app, theme, db)
}
