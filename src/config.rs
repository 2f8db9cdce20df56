//! Where things live on disk, and the small files an office may edit: `office.toml` in the
//! database directory (group threshold, categories), `keys.toml` and `themes/` in the user's
//! config folder. A broken file never stops the desk: it starts with defaults and says why.

use std::path::{Path, PathBuf};

use crate::app::keymap::KeyMap;
use crate::domain::office::OfficeSettings;
use crate::i18n::{Lang, T};
use crate::theme::{Theme, ThemeProblem};

pub const OFFICE_FILE: &str = "office.toml";

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
            Ok(_) => (
                OfficeSettings::default(),
                Some(lang.f(T::OfficeBroken, &[&file.display(), &"categories = []"])),
            ),
            Err(e) => (
                OfficeSettings::default(),
                Some(lang.f(T::OfficeBroken, &[&file.display(), &e])),
            ),
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
        "# 本单位设置 / office settings\n# group_threshold: 几人以上为集体访 (visitors from which a visit is a group visit)\n# categories: 事项类别 (subject categories offered at intake)\n# idle_lock_minutes: 几分钟无操作自动锁屏 (minutes without a key before the screen locks; 0: never)\n# sign_in_attempts: 密码连续错几次锁定登录代码 (wrong PINs in a row that lock a login code)\n{body}"
    );
    std::fs::write(file, text)
}

pub fn keymap(lang: Lang) -> (KeyMap, Option<String>) {
    let Some(file) = config_dir()
        .map(|d| d.join("keys.toml"))
        .filter(|f| f.is_file())
    else {
        return (KeyMap::default(), None);
    };
    match std::fs::read_to_string(&file)
        .map_err(|e| e.to_string())
        .and_then(|t| KeyMap::default().patch(&t))
    {
        Ok(map) => (map, None),
        Err(e) => (
            KeyMap::default(),
            Some(lang.f(T::KeysBroken, &[&file.display(), &e])),
        ),
    }
}

pub fn theme(name: Option<&str>, lang: Lang) -> (Theme, Option<String>) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dir = config_dir().map(|d| d.join("themes"));
    let (theme, problem) = Theme::load(name, dir.as_deref(), no_color);
    let message = problem.map(|p| match p {
        ThemeProblem::Unknown(n) => lang.f(T::ThemeUnknown, &[&n]),
        ThemeProblem::Broken { file, reason } => {
            lang.f(T::ThemeBroken, &[&file.display(), &reason])
        }
    });
    (theme, message)
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
