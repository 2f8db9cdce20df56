//! Where things live on disk, and the small files an office may edit: `office.toml` in the
//! database directory (group threshold, categories), `policy.toml` and `holidays.json` beside
//! it (time limits, the holiday calendar), `keys.toml` and `themes/` in the user's config
//! folder. A broken file never stops the desk: it starts with defaults and says why.

use std::path::{Path, PathBuf};

use crate::app::keymap::KeyMap;
use crate::domain::calendar::{CalendarError, HolidayCalendar};
use crate::domain::config_text::{ConfigProblem, ConfigReason};
use crate::domain::deadline::DeadlinePolicy;
use crate::domain::office::OfficeSettings;
use crate::i18n::{Lang, Localize, T};
use crate::theme::{Theme, ThemeProblem};

pub const OFFICE_FILE: &str = "office.toml";
/// The office's time limits; see `domain::deadline::EXAMPLE_POLICY`.
pub const POLICY_FILE: &str = "policy.toml";
/// The office's additions to the built-in holiday calendar (holiday-cn format).
pub const HOLIDAYS_FILE: &str = "holidays.json";

/// The per-user directories, when the platform has them.
fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "xfdesk")
}

/// The database used without `--db`: `<data dir>/desk`, e.g. `~/.local/share/xfdesk/desk`.
pub fn default_db() -> Option<PathBuf> {
    project().map(|p| p.data_dir().join("desk"))
}

pub fn config_dir() -> Option<PathBuf> {
    project().map(|p| p.config_dir().to_path_buf())
}

/// The office settings of a database; missing means defaults.
pub fn office_settings(db: &Path, lang: Lang) -> (OfficeSettings, Option<String>) {
    let file = db.join(OFFICE_FILE);
    match std::fs::read_to_string(&file) {
        Err(_) => (OfficeSettings::default(), None),
        Ok(text) => match toml::from_str::<OfficeSettings>(&text) {
            Ok(s) if !s.categories.is_empty() => (s, None),
            Ok(_) => {
                let line = crate::domain::config_text::line_of_key(&text, &["categories"]);
                let place = file_line(&file, line, lang);
                (
                    OfficeSettings::default(),
                    Some(lang.f(T::OfficeBroken, &[&place, &"categories = []"])),
                )
            }
            Err(e) => {
                let p = ConfigProblem::toml(&text, &e);
                let place = file_line(&file, p.line, lang);
                (
                    OfficeSettings::default(),
                    Some(lang.f(T::OfficeBroken, &[&place, &p.reason.localize(lang)])),
                )
            }
        },
    }
}

/// Writes the default `office.toml` into a new database so an office can see what to edit.
pub fn write_default_office(db: &Path) -> std::io::Result<()> {
    let file = db.join(OFFICE_FILE);
    if file.exists() {
        return Ok(());
    }
    let defaults = OfficeSettings::default();
    let body = toml::to_string(&defaults).map_err(std::io::Error::other)?;
    let text = format!(
        "# 本单位设置 / office settings\n# group_threshold: 几人以上为集体访 (visitors from which a visit is a group visit)\n# categories: 事项类别 (subject categories offered at intake)\n# idle_lock_minutes: 几分钟无操作自动锁屏 (minutes without a key before the screen locks; 0: never)\n# sign_in_attempts: 密码连续错几次锁定登录代码 (wrong PINs in a row that lock a login code)\n# [reception]: 领导接访日 weekday (1=周一…7=周日), start, end, place, capacity (appointments per session)\n{body}"
    );
    std::fs::write(file, text)
}

/// The deadline policy and holiday calendar of a database: `policy.toml` and `holidays.json`
/// in its directory when present, the statutory limits and the built-in calendar otherwise.
/// A file that cannot be read or understood gives a warning naming it, and its defaults.
pub fn deadline_setup(db: &Path, lang: Lang) -> (DeadlinePolicy, HolidayCalendar, Vec<String>) {
    let mut warnings = Vec::new();
    let read = |name: &str| {
        let file = db.join(name);
        match std::fs::read_to_string(&file) {
            Ok(text) => Some(Ok((file, text))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => Some(Err((file, e))),
        }
    };
    let policy = match read(POLICY_FILE) {
        None => DeadlinePolicy::default(),
        Some(Err((file, e))) => {
            warnings.push(lang.f(T::PolicyFallback, &[&file.display(), &e]));
            DeadlinePolicy::default()
        }
        Some(Ok((file, text))) => DeadlinePolicy::from_toml(&text).unwrap_or_else(|e| {
            let place = file_line(&file, e.line_in(&text), lang);
            warnings.push(lang.f(T::PolicyFallback, &[&place, &e.localize(lang)]));
            DeadlinePolicy::default()
        }),
    };
    let calendar = match read(HOLIDAYS_FILE) {
        None => HolidayCalendar::built_in(),
        Some(Err((file, e))) => {
            warnings.push(lang.f(T::HolidaysFallback, &[&file.display(), &e]));
            HolidayCalendar::built_in()
        }
        Some(Ok((file, text))) => {
            let origin = file.display().to_string();
            HolidayCalendar::built_in_with_override(&origin, &text).unwrap_or_else(|e| {
                let CalendarError::Json { line, .. } = &e;
                let place = file_line(&file, Some(*line), lang);
                warnings.push(lang.f(T::HolidaysFallback, &[&place, &e.localize(lang)]));
                HolidayCalendar::built_in()
            })
        }
    };
    (policy, calendar, warnings)
}

/// `keys.toml` in the user's config folder (`dir`), over the built-in keys.
pub fn keymap(dir: Option<&Path>, lang: Lang) -> (KeyMap, Option<String>) {
    let Some(file) = dir.map(|d| d.join("keys.toml")).filter(|f| f.is_file()) else {
        return (KeyMap::default(), None);
    };
    match std::fs::read_to_string(&file)
        .map_err(|e| ConfigProblem {
            line: None,
            reason: ConfigReason::Unreadable(e.to_string()),
        })
        .and_then(|t| KeyMap::default().patch(&t))
    {
        Ok(map) => (map, None),
        Err(p) => (
            KeyMap::default(),
            Some(lang.f(
                T::KeysBroken,
                &[&file_line(&file, p.line, lang), &p.reason.localize(lang)],
            )),
        ),
    }
}

/// A file named for a message, with the line when it is known.
fn file_line(file: &Path, line: Option<usize>, lang: Lang) -> String {
    match line {
        Some(line) => lang.f(T::ConfigFileLine, &[&file.display(), &line]),
        None => file.display().to_string(),
    }
}

/// Theme `name`, patched by its file in `themes/` of the user's config folder (`dir`).
pub fn theme(name: Option<&str>, dir: Option<&Path>, lang: Lang) -> (Theme, Option<String>) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dir = dir.map(|d| d.join("themes"));
    let (theme, problem) = Theme::load(name, dir.as_deref(), no_color);
    let message = problem.map(|p| match p {
        ThemeProblem::Unknown(n) => lang.f(T::ThemeUnknown, &[&n]),
        ThemeProblem::Broken { file, problem } => lang.f(
            T::ThemeBroken,
            &[
                &file_line(&file, problem.line, lang),
                &problem.reason.localize(lang),
            ],
        ),
    });
    (theme, message)
}

/// Everything the desk reads at start, and what was wrong with it.
pub struct Loaded {
    pub settings: OfficeSettings,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub policy: DeadlinePolicy,
    pub calendar: HolidayCalendar,
    /// One sentence per broken file, each naming the file (and its line when known).
    pub problems: Vec<String>,
}

/// Reads the office files beside the database `db` and the user's files in `config_dir`;
/// a broken one is replaced by its defaults and listed in `problems`.
pub fn load(db: &Path, config_dir: Option<&Path>, theme_name: Option<&str>, lang: Lang) -> Loaded {
    let (settings, office_problem) = office_settings(db, lang);
    let (keymap, keys_problem) = keymap(config_dir, lang);
    let (theme, theme_problem) = theme(theme_name, config_dir, lang);
    let (policy, calendar, deadline_problems) = deadline_setup(db, lang);
    let problems = [office_problem, keys_problem, theme_problem]
        .into_iter()
        .flatten()
        .chain(deadline_problems)
        .collect();
    Loaded {
        settings,
        keymap,
        theme,
        policy,
        calendar,
        problems,
    }
}

impl Loaded {
    /// What the status line says at start: the first problem, and how many more the log has.
    pub fn warning(&self, lang: Lang) -> Option<String> {
        let first = self.problems.first()?;
        Some(match self.problems.len() - 1 {
            0 => first.clone(),
            more => format!("{first} {}", lang.f(T::ConfigMoreProblems, &[&more])),
        })
    }
}

/// Logs go to `<db>/logs/`, never to the terminal the desk is drawn on.
pub fn init_logging(db: &Path) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let dir = db.join("logs");
    crate::store::lock::create_private_dir(&dir).ok()?;
    let appender = tracing_appender::rolling::daily(dir, "xfdesk.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("XFDESK_LOG").unwrap_or_else(|_| "info".into());
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_office_file_reads_back_as_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        write_default_office(dir.path()).unwrap();
        let (settings, problem) = office_settings(dir.path(), Lang::Zh);
        assert_eq!(problem, None);
        assert_eq!(settings, OfficeSettings::default());
    }

    #[test]
    fn a_broken_office_file_names_file_and_line_and_falls_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(OFFICE_FILE),
            "group_threshold = 5\ncategories = [\"土地\"\n",
        )
        .unwrap();
        let (settings, problem) = office_settings(dir.path(), Lang::En);
        assert_eq!(settings, OfficeSettings::default());
        let problem = problem.unwrap();
        assert!(
            problem.contains("office.toml") && problem.contains("line"),
            "{problem}"
        );
    }

    #[test]
    fn without_files_the_statutory_limits_and_built_in_holidays_apply() {
        let dir = tempfile::tempdir().unwrap();
        let (policy, calendar, warnings) = deadline_setup(dir.path(), Lang::Zh);
        assert_eq!(policy, DeadlinePolicy::default());
        assert_eq!(calendar, HolidayCalendar::built_in());
        assert!(warnings.is_empty());
    }

    #[test]
    fn an_offices_policy_and_holidays_are_read_beside_the_database() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(POLICY_FILE), "due_soon_days = 5\n").unwrap();
        let holidays =
            r#"{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
        std::fs::write(dir.path().join(HOLIDAYS_FILE), holidays).unwrap();
        let (policy, calendar, warnings) = deadline_setup(dir.path(), Lang::Zh);
        assert_eq!(policy.due_soon_days, 5);
        assert!(calendar.covers(2027) && calendar.covers(2026));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn broken_deadline_files_are_named_and_the_defaults_used() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(POLICY_FILE), "[handel]\ndays = 9\n").unwrap();
        std::fs::write(dir.path().join(HOLIDAYS_FILE), "{not json").unwrap();
        let (policy, calendar, warnings) = deadline_setup(dir.path(), Lang::Zh);
        assert_eq!(policy, DeadlinePolicy::default());
        assert_eq!(calendar, HolidayCalendar::built_in());
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].contains("policy.toml") && warnings[0].contains("使用法定时限"),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[1].contains("holidays.json") && warnings[1].contains("内置"),
            "{}",
            warnings[1]
        );
    }

    #[test]
    fn an_office_can_change_threshold_and_categories() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(OFFICE_FILE),
            "group_threshold = 10\ncategories = [\"土地\", \"劳资\"]\n",
        )
        .unwrap();
        let (settings, problem) = office_settings(dir.path(), Lang::Zh);
        assert_eq!(problem, None);
        assert_eq!(settings.group_threshold, 10);
        assert_eq!(settings.categories, vec!["土地", "劳资"]);
    }
}
