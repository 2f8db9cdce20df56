//! Broken settings files: each one is named with its line, in the user's language, on the
//! screen at start, and the desk runs on defaults. Arbitrary text in any of them never panics.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::hostile::hostile_text;
use proptest::prelude::*;
use xfdesk::app::Tone;
use xfdesk::app::keymap::KeyMap;
use xfdesk::config::{self, Loaded};
use xfdesk::domain::calendar::HolidayCalendar;
use xfdesk::domain::config_text::line_of_key;
use xfdesk::domain::deadline::DeadlinePolicy;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;
use xfdesk::theme::Theme;
use xfdesk::tui::Message;

/// A database folder and a user config folder with one broken file of each kind.
fn broken_files(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = root.join("desk");
    let user = root.join("user");
    std::fs::create_dir_all(&db).unwrap();
    std::fs::create_dir_all(user.join("themes")).unwrap();
    // Valid TOML, wrong type, on line 3.
    std::fs::write(
        db.join("policy.toml"),
        "due_soon_days = 3\n[handle]\ndays = \"sixty\"\n",
    )
    .unwrap();
    // A bad date on line 4.
    std::fs::write(
        db.join("holidays.json"),
        "{\n \"year\": 2027,\n \"days\": [\n  {\"name\": \"x\", \"date\": \"2027-02-30\", \"isOffDay\": true}\n ]\n}",
    )
    .unwrap();
    // A command that does not exist, on line 2.
    std::fs::write(
        user.join("keys.toml"),
        "help = [\"f1\"]\nsavee = [\"f9\"]\n",
    )
    .unwrap();
    // A colour name that does not exist, on line 3.
    std::fs::write(
        user.join("themes/dark.toml"),
        "[styles]\nerror = { fg = \"red\" }\nwarning = { fg = \"orangeish\" }\n",
    )
    .unwrap();
    (db, user)
}

fn load(root: &Path, lang: Lang) -> Loaded {
    let (db, user) = broken_files(root);
    config::load(&db, Some(&user), None, lang)
}

#[test]
fn every_broken_file_is_named_with_its_line_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let zh = load(dir.path(), Lang::Zh);
    let en = load(dir.path(), Lang::En);
    let expect = [
        ("keys.toml", 2, "savee"),
        ("dark.toml", 3, "orangeish"),
        ("policy.toml", 3, "sixty"),
        ("holidays.json", 4, "column 36"),
    ];
    assert_eq!(zh.problems.len(), expect.len(), "{:?}", zh.problems);
    for ((file, line, what), (zh, en)) in expect.iter().zip(zh.problems.iter().zip(&en.problems)) {
        assert!(
            zh.contains(file) && zh.contains(&format!("第{line}行")),
            "{zh}"
        );
        assert!(
            en.contains(file) && en.contains(&format!("line {line}")),
            "{en}"
        );
        assert!(zh.contains(what) || en.contains(what), "{zh} / {en}");
        assert!(
            !zh.contains('\n') && !en.contains('\n'),
            "one line for the status bar: {zh}"
        );
    }
}

#[test]
fn the_desk_starts_on_defaults_when_every_file_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = load(dir.path(), Lang::Zh);
    assert_eq!(loaded.keymap, KeyMap::default());
    assert_eq!(loaded.theme, Theme::built_in("dark").unwrap());
    assert_eq!(loaded.policy, DeadlinePolicy::default());
    assert_eq!(loaded.calendar, HolidayCalendar::built_in());
}

#[test]
fn the_first_problem_is_on_screen_at_start_with_a_count_of_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = load(dir.path(), Lang::Zh);
    let warning = loaded.warning(Lang::Zh).expect("a warning");
    let mut d = common::bare_desk(Lang::Zh, 400, 30);
    d.desk.app.say(Tone::Warn, warning);
    // As at start: the database opens after the first frame; the warning stays.
    d.desk.handle(Message::Opened(Ok(
        Arc::new(MemoryStore::new()) as Arc<dyn Store>
    )));
    let screen = d.screen();
    assert!(screen.contains("keys.toml 第2行"), "{screen}");
    assert!(screen.contains("savee"), "{screen}");
    assert!(screen.contains("另有3个设置文件有误"), "{screen}");

    let en = load(dir.path(), Lang::En).warning(Lang::En).unwrap();
    let mut d = common::bare_desk(Lang::En, 400, 30);
    d.desk.app.say(Tone::Warn, en);
    let screen = d.screen();
    assert!(screen.contains("keys.toml, line 2"), "{screen}");
    assert!(
        screen.contains("3 more settings files are wrong"),
        "{screen}"
    );
}

#[test]
fn a_broken_office_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("office.toml"),
        "group_threshold = 5\n\ncategories = 3\n",
    )
    .unwrap();
    let (_, problem) = config::office_settings(dir.path(), Lang::En);
    let problem = problem.unwrap();
    assert!(problem.contains("office.toml, line 3"), "{problem}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_in_a_settings_file_is_read_or_refused_never_a_panic(text in hostile_text()) {
        let _ = KeyMap::default().patch(&text);
        let _ = DeadlinePolicy::from_toml(&text).map_err(|e| e.line_in(&text));
        let _ = HolidayCalendar::empty().merge_json("holidays.json", &text);
        let _ = line_of_key(&text, &["handle", "days"]);
    }

    /// Lines that look like the real files, shuffled and damaged: the parsers get past the
    /// first character and into the values.
    #[test]
    fn near_miss_settings_files_never_panic(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("[handle]".to_string()),
                Just("[[tiers]]".to_string()),
                Just("[styles]".to_string()),
                Just("name = \"急\"".to_string()),
                Just("days = 0".to_string()),
                Just("days = 4294967295".to_string()),
                Just("days = -1".to_string()),
                Just("count = \"working\"".to_string()),
                Just("error = { fg = \"#ff00zz\", bold = 1 }".to_string()),
                Just("save = [\"ctrl-\", \"f99\", \"f\", \"ctrl-ctrl-\"]".to_string()),
                Just("{\"year\": 99999, \"days\": [{\"name\": \"x\", \"date\": \"+10000-01-01\", \"isOffDay\": true}]}".to_string()),
                hostile_text(),
            ],
            0..12,
        ),
    ) {
        let text = lines.join("\n");
        let _ = KeyMap::default().patch(&text);
        if let Err(e) = DeadlinePolicy::from_toml(&text) {
            let _ = e.line_in(&text);
        }
        let _ = HolidayCalendar::empty().merge_json("holidays.json", &text);
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("themes")).unwrap();
        std::fs::write(dir.path().join("themes/dark.toml"), &text).unwrap();
        let (_, problem) = config::theme(Some("dark"), Some(dir.path()), Lang::Zh);
        if let Some(p) = problem {
            prop_assert!(p.contains("dark.toml"));
        }
    }
}
