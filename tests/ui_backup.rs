//! Backups from the desk: an administrator presses Ctrl-B and the file lands in the database's
//! `backups` folder; an administrator who signs in is reminded when the last backup is more
//! than a week old, or when a database with records was never backed up.

mod common;

use std::sync::Arc;

use chrono::Duration;
use common::{PIN, TestDesk, add_operator, bare_desk, code_of, now, on, walk_in};
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::permission::Role;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;
use xfdesk::store::sled_store::SledStore;
use xfdesk::tui::Message;

/// `role` signs in on a desk whose database is `store`; the welcome stays on the status line.
fn signs_in(role: Role, store: Arc<dyn Store>, lang: Lang) -> TestDesk {
    add_operator(&*store, role, None);
    let mut d = bare_desk(lang, 140, 30);
    d.desk.handle(Message::Opened(Ok(store)));
    d.sign_in(code_of(role), PIN);
    d
}

fn with_a_visit() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    store
        .register_visit(&walk_in("张三", "13800138000", on(11, 2, 9, 0)))
        .unwrap();
    store
}

fn status(d: &TestDesk) -> String {
    d.app()
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn an_administrator_is_reminded_when_the_last_backup_is_more_than_a_week_old() {
    let store = with_a_visit();
    store.set_last_backup(now() - Duration::days(8));
    let mut d = signs_in(Role::Administrator, store, Lang::Zh);
    let screen = d.screen();
    assert!(
        screen.contains("上次备份在 8 天前(2026-11-10):请按 Ctrl-B 备份"),
        "{screen}"
    );
}

#[test]
fn a_backup_of_this_week_reminds_nobody() {
    let store = with_a_visit();
    store.set_last_backup(now() - Duration::days(6));
    let d = signs_in(Role::Administrator, store, Lang::En);
    assert_eq!(status(&d), "admin1 (Administrator) signed in");
}

#[test]
fn a_database_with_records_never_backed_up_is_named_so_in_english_too() {
    let mut d = signs_in(Role::Administrator, with_a_visit(), Lang::En);
    let screen = d.screen();
    assert!(
        screen.contains("This database has never been backed up: press Ctrl-B"),
        "{screen}"
    );
}

#[test]
fn an_empty_database_and_a_clerk_are_not_reminded() {
    let empty = signs_in(Role::Administrator, Arc::new(MemoryStore::new()), Lang::En);
    assert!(!status(&empty).contains("backed up"), "{}", status(&empty));
    let store = with_a_visit();
    store.set_last_backup(now() - Duration::days(30));
    let clerk = signs_in(Role::Clerk, store, Lang::En);
    assert!(!status(&clerk).contains("back up"), "{}", status(&clerk));
}

#[test]
fn ctrl_b_writes_a_backup_into_the_databases_folder_and_records_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    store
        .register_visit(&walk_in("张三", "13800138000", on(11, 2, 9, 0)))
        .unwrap();
    let mut d = signs_in(Role::Administrator, store.clone(), Lang::Zh);
    d.desk.app.db_path = db.clone();
    assert!(status(&d).contains("从未备份"), "{}", status(&d));

    d.ctrl('b');
    let file = db.join("backups").join("xfdesk-20261118-093000.xfbak");
    assert!(file.is_file(), "{}", status(&d));
    let screen = d.screen();
    assert!(
        screen.contains("已备份 1 条来访、1 件事项、1 名操作员"),
        "{screen}"
    );
    assert_eq!(store.last_backup().unwrap(), Some(now()));
    let log = store.audit_log_back(None, 1).unwrap();
    assert_eq!(log[0].1.kind, AuditKind::BackedUp);
    assert_eq!(log[0].1.operator, code_of(Role::Administrator));

    // Signing in again the same day: no reminder.
    d.switch().sign_in(code_of(Role::Administrator), PIN);
    assert!(!status(&d).contains("备份"), "{}", status(&d));
}

#[test]
fn a_clerk_pressing_ctrl_b_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    let mut d = signs_in(Role::Clerk, store.clone(), Lang::Zh);
    d.desk.app.db_path = db.clone();
    // The matters list: no text field has focus, so Ctrl-B arrives as a command.
    d.key(ratatui::crossterm::event::KeyCode::F(4)).ctrl('b');
    assert!(!db.join("backups").exists());
    assert_eq!(store.last_backup().unwrap(), None);
    assert_eq!(status(&d), "您的角色(登记员)不能办理此事项操作");
}

#[test]
fn the_help_overlay_lists_ctrl_b_with_what_it_does() {
    let store = Arc::new(MemoryStore::new());
    let mut d = signs_in(Role::Administrator, store, Lang::Zh);
    d.key(ratatui::crossterm::event::KeyCode::F(1));
    for _ in 0..4 {
        d.key(ratatui::crossterm::event::KeyCode::PageDown);
    }
    let screen = d.screen();
    assert!(screen.contains("Ctrl-B"), "{screen}");
    assert!(
        screen.contains("备份数据库,文件存入数据库目录下的 backups 文件夹"),
        "{screen}"
    );
}

/// A clerk is at the desk when the nightly job asks for a backup with the administrator's code
/// and PIN: the desk takes it between two actions, answers the command line and says so; a
/// wrong PIN gets nothing written, and the refusal is in the evidence log.
#[test]
fn a_backup_the_command_line_asks_for_is_taken_by_the_desk_whoever_is_signed_in() {
    use xfdesk::app::Action;
    use xfdesk::store::backup_request::{self, BackupRequest, Taken};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    store
        .register_visit(&walk_in("欧阳明月", "13800138000", on(11, 2, 9, 0)))
        .unwrap();
    add_operator(&*store, Role::Administrator, None);
    let mut d = signs_in(Role::Clerk, store.clone(), Lang::Zh);
    d.desk.app.db_path = db.clone();
    let ask = |d: &mut TestDesk, id: &str, pin: &str| {
        let request = BackupRequest {
            id: id.into(),
            out: dir.path().join(format!("{id}.xfbak")),
            operator: code_of(Role::Administrator).into(),
            pin: pin.into(),
            lang: Lang::En,
            take_by: backup_request::take_by(std::time::Duration::from_secs(5)),
        };
        d.desk
            .handle(Message::App(Action::BackupRequested(Taken::Request(
                request.clone(),
            ))));
        let finish = std::time::Duration::from_secs(5);
        backup_request::wait(&db, &request, finish, &|| true).unwrap()
    };

    let taken = ask(&mut d, "2x1", PIN);
    assert!(taken.ok, "{}", taken.message);
    assert!(
        taken.message.contains("Backed up 1 visit,"),
        "{}",
        taken.message
    );
    assert!(dir.path().join("2x1.xfbak").is_file());
    let screen = d.screen();
    assert!(
        screen.contains("已按命令行的请求(admin1)备份到"),
        "{screen}"
    );
    let log = store.audit_log_back(None, 1).unwrap();
    assert_eq!(log[0].1.kind, AuditKind::BackedUp);
    assert_eq!(log[0].1.operator, code_of(Role::Administrator));

    // After the backup: a wrong PIN makes the next try wait a second.
    let refused = ask(&mut d, "1x1", "000000");
    assert!(!refused.ok);
    assert_eq!(refused.message, "Wrong login code or PIN");
    assert!(!dir.path().join("1x1.xfbak").exists());
    assert!(
        status(&d).contains("命令行的备份请求(admin1)未完成"),
        "{}",
        status(&d)
    );
    let log = store.audit_log_back(None, 1).unwrap();
    assert_eq!(log[0].1.kind, AuditKind::SignInFailed);

    assert_eq!(
        d.app().operator_code(),
        code_of(Role::Clerk),
        "the clerk stays signed in"
    );
}

/// The desk's backups sit on the database's own disk: Ctrl-B keeps the last fourteen and
/// removes the older ones, leaving anything else in the folder alone.
#[test]
fn ctrl_b_keeps_the_last_fourteen_backups_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    let folder = db.join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    for day in 1..=14 {
        let name = format!("xfdesk-202611{day:02}-180000.xfbak");
        std::fs::write(folder.join(name), b"an older backup").unwrap();
    }
    std::fs::write(folder.join("档案室副本.xfbak"), b"kept").unwrap();
    let mut d = signs_in(Role::Administrator, store, Lang::Zh);
    d.desk.app.db_path = db.clone();

    d.ctrl('b');
    assert!(
        status(&d).contains("(已删除 1 份较早的备份,保留最近 14 份)"),
        "{}",
        status(&d)
    );
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 15);
    assert_eq!(names[0], "xfdesk-20261102-180000.xfbak", "the oldest went");
    assert!(names.contains(&"xfdesk-20261118-093000.xfbak".to_string()));
    assert!(names.contains(&"档案室副本.xfbak".to_string()));
}

/// A clerk's error on the status line stays while the desk takes a backup for the command
/// line; a request the desk cannot use is answered so, not left to time out.
#[test]
fn a_requested_backup_leaves_an_error_on_the_status_line_and_answers_an_unusable_request() {
    use xfdesk::app::{Action, Tone};
    use xfdesk::store::backup_request::{self, BackupRequest, Taken};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    add_operator(&*store, Role::Administrator, None);
    let mut d = signs_in(Role::Clerk, store.clone(), Lang::Zh);
    d.desk.app.db_path = db.clone();
    d.desk
        .app
        .say(Tone::Error, "来访 2026-000001 未能确认写入磁盘".into());

    let request = BackupRequest {
        id: "4x1".into(),
        out: dir.path().join("4x1.xfbak"),
        operator: code_of(Role::Administrator).into(),
        pin: PIN.into(),
        lang: Lang::Zh,
        take_by: backup_request::take_by(std::time::Duration::from_secs(5)),
    };
    let operator = request.operator.clone();
    d.desk
        .handle(Message::App(Action::BackupStarting { operator }));
    d.desk
        .handle(Message::App(Action::BackupRequested(Taken::Request(
            request.clone(),
        ))));
    let finish = std::time::Duration::from_secs(5);
    let answer = backup_request::wait(&db, &request, finish, &|| true).unwrap();
    assert!(answer.ok, "{}", answer.message);
    assert_eq!(status(&d), "来访 2026-000001 未能确认写入磁盘");

    let mut unusable = request.clone();
    unusable.id = "4x2".into();
    d.desk
        .handle(Message::App(Action::BackupRequested(Taken::Unusable {
            id: "4x2".into(),
        })));
    let answer = backup_request::wait(&db, &unusable, finish, &|| true).unwrap();
    assert!(!answer.ok);
    assert!(
        answer.message.contains("无法执行这个备份请求"),
        "{}",
        answer.message
    );
}
