use std::process::ExitCode;
use std::sync::Arc;

use xfdesk::app::{App, Setup, SystemClock};
use xfdesk::cli::{self, Sub};
use xfdesk::i18n::T;

fn main() -> ExitCode {
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
        }) => {
            match cli::search(
                &db,
                query,
                format,
                limit,
                lang,
                &mut std::io::stdout().lock(),
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Some(Sub::Report {
            which,
            format,
            limit,
        }) => {
            let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
            match cli::report(
                &db, which, format, limit, lang, cli.today, &mut out, &mut err,
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        None => match run_desk(&cli, db) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(e.to_string()),
        },
    }
}

fn run_desk(cli: &cli::Cli, db: std::path::PathBuf) -> color_eyre::Result<()> {
    color_eyre::install()?;
    let _log = xfdesk::config::init_logging(&db);
    let lang = cli.lang;
    let (settings, office_problem) = xfdesk::config::office_settings(&db, lang);
    let (keymap, keys_problem) = xfdesk::config::keymap(lang);
    let (theme, theme_problem) = xfdesk::config::theme(cli.theme.as_deref(), lang);
    let operator = std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "desk".into());
    let mut app = App::new(Setup {
        lang,
        operator,
        settings,
        keymap,
        clock: Arc::new(SystemClock { today: cli.today }),
        db_path: db.clone(),
        demo_visits: 2_000,
    });
    if let Some(problem) = office_problem.or(keys_problem).or(theme_problem) {
        tracing::warn!("{problem}");
        app.say(xfdesk::app::Tone::Warn, problem);
    }
    xfdesk::tui::run(app, theme, db)
}
