//! A disk that fills up or turns read-only under the desk: the save is refused with a clear
//! message, the form keeps what was typed, and nothing saved before is damaged.
//!
//! The real thing needs root: a small tmpfs is mounted for each test (and unmounted by a
//! guard, also on panic). Without root the tests say so loudly and fall back to the
//! fault-injecting store and to permission bits.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use xfdesk::domain::permission::Role;
use xfdesk::domain::serial::SerialNo;
use xfdesk::i18n::{Lang, Localize};
use xfdesk::store::sled_store::SledStore;
use xfdesk::store::{Store, StoreError};
use xfdesk::tui::Message;

/// A tmpfs mounted on a fresh directory, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None` when mounting is refused (not root): the caller says so and falls back.
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = mount(
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            dir.path(),
        );
        mounted.then_some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, options: &str) {
        assert!(
            mount(&["-o", &format!("remount,{options}")], self.path()),
            "remount {options}"
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        if !umount(&[], self.path()) {
            // Still busy (a store not yet closed on a panicking path): detach it anyway.
            umount(&["-l"], self.path());
        }
    }
}

fn mount(args: &[&str], dir: &Path) -> bool {
    run("mount", args, dir)
}

fn umount(args: &[&str], dir: &Path) -> bool {
    run("umount", args, dir)
}

fn run(program: &str, args: &[&str], dir: &Path) -> bool {
    Command::new(program)
        .args(args)
        .arg(dir)
        .output()
        .is_ok_and(|out| out.status.success())
}

fn not_on_a_real_disk(what: &str, fallback: &str) {
    eprintln!(
        "\n!!!!!!!! {what}: mount was refused (not root?). NOT tested on a real disk; \
         falling back to {fallback}. Run as root to test the real thing. !!!!!!!!\n"
    );
}

/// A desk signed in as the clerk, on `store`.
fn desk_on(store: Arc<dyn Store>) -> common::TestDesk {
    common::add_operator(&*store, Role::Clerk, None);
    let mut d = common::bare_desk(Lang::Zh, 120, 34);
    d.desk.handle(Message::Opened(Ok(store)));
    d.sign_in(common::code_of(Role::Clerk), common::PIN);
    d
}

/// A desk signed in as the administrator, on `store` at `db` (its backups folder is there).
fn admin_desk_on(store: Arc<SledStore>, db: &Path) -> common::TestDesk {
    common::add_operator(&*store, Role::Administrator, None);
    let mut d = common::bare_desk(Lang::Zh, 140, 34);
    d.desk.handle(Message::Opened(Ok(store)));
    d.desk.app.db_path = db.to_path_buf();
    d.sign_in(common::code_of(Role::Administrator), common::PIN);
    d
}

/// The clerk fills in 张三 and presses Ctrl-S: the disk is full, the form stays.
fn save_is_refused_and_the_form_kept(d: &mut common::TestDesk, db: &Path) {
    d.fill_zhang_san().ctrl('s');
    let screen = d.screen();
    let told = format!("数据库所在的磁盘已满({}),请腾出空间", db.display());
    assert!(screen.contains("保存失败"), "{screen}");
    assert!(screen.contains(&told), "{screen}");
    assert_eq!(d.app().intake.name.value(), "张三");
    assert_eq!(d.app().intake.summary_text(), "要求落实征地补偿款");
}

#[test]
fn a_full_disk_refuses_the_save_keeps_the_form_and_loses_nothing_saved_before() {
    let Some(disk) = Tmpfs::mount("20m") else {
        not_on_a_real_disk("disk full", "a fault-injecting store");
        let faulty = Arc::new(common::faulty::UnconfirmingDisk::default());
        faulty.full.store(true, Ordering::SeqCst);
        let mut d = desk_on(faulty.clone());
        save_is_refused_and_the_form_kept(&mut d, Path::new(common::faulty::DB_PATH));
        assert_eq!(faulty.visit_count().unwrap(), 0, "nothing half-saved");
        return;
    };
    let db = disk.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    let saved = fill_until_refused(&store);

    let mut d = desk_on(store.clone());
    save_is_refused_and_the_form_kept(&mut d, &db);
    // What an office does: make room (here, a bigger disk) and press Ctrl-S again.
    disk.remount("size=64m");
    d.ctrl('s');
    let screen = d.screen();
    assert!(screen.contains("已保存:来访"), "{screen}");
    assert_eq!(d.app().intake.name.value(), "", "a fresh form after saving");
    drop(d);
    drop(store);

    let store = SledStore::open(&db).unwrap();
    for number in &saved {
        let visit = store.visit_by_number(*number).unwrap();
        assert!(
            visit.is_some_and(|v| v.summary.starts_with("诉求")),
            "{number}"
        );
    }
    assert_eq!(store.visit_count().unwrap(), saved.len() as u64 + 1);
    assert_eq!(store.petitioners_by_name("张三").unwrap().len(), 1);
    let report = store.check().unwrap();
    assert!(
        report.problems.is_empty() && report.chain.is_none(),
        "{report:?}"
    );
}

/// Saves visits until the store refuses one; returns the numbers of those it took. The refusal
/// must be an error saying the disk is full, not an unconfirmed write or a panic.
fn fill_until_refused(store: &SledStore) -> Vec<SerialNo> {
    let mut saved = Vec::new();
    for i in 0..20_000 {
        let mut visit = common::walk_in("李四", "13812345678", common::on(11, 18, 9, 30));
        visit.summary = format!("诉求{i}:{}", "征地补偿".repeat(300));
        match store.register_visit(&visit) {
            Ok(done) => saved.push(done.visit.number),
            Err(e @ StoreError::Disk { .. }) => {
                assert!(
                    e.localize(Lang::En).contains("is full"),
                    "{}",
                    e.localize(Lang::En)
                );
                assert!(!saved.is_empty(), "the disk was full before the first save");
                return saved;
            }
            Err(other) => panic!("after {} saves: {other:?}", saved.len()),
        }
    }
    panic!("20 000 saves fitted on a 20 MB disk");
}

#[test]
fn a_read_only_database_is_named_when_it_is_opened() {
    let disk = Tmpfs::mount("24m");
    let fallback = tempfile::tempdir().unwrap();
    let base: PathBuf = match &disk {
        Some(disk) => disk.path().to_path_buf(),
        None => {
            not_on_a_real_disk("read-only", "permission bits");
            fallback.path().to_path_buf()
        }
    };
    let db = base.join("desk");
    {
        let store = SledStore::open(&db).unwrap();
        store
            .register_visit(&common::walk_in("王五", "13812345678", common::now()))
            .unwrap();
    }
    match &disk {
        Some(disk) => disk.remount("ro"),
        None => set_mode(&db, 0o500),
    }
    let Err(e) = SledStore::open(&db) else {
        panic!("a read-only database opened for writing");
    };
    let zh = format!("数据库目录 {} 是只读的或无权写入", db.display());
    assert!(
        e.localize(Lang::Zh).starts_with(&zh),
        "{}",
        e.localize(Lang::Zh)
    );

    let out = assert_cmd::Command::cargo_bin("xfdesk")
        .unwrap()
        .env("XFDESK_OPERATOR", "clerk1")
        .env("XFDESK_PIN", common::PIN)
        .args(["--lang", "en", "--db"])
        .arg(&db)
        .args(["search", "王五"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let en = format!("the database directory {} is read-only", db.display());
    assert!(err.contains(&en), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    if disk.is_none() {
        set_mode(&db, 0o700); // so that the temporary directory can be removed
    }
}

/// Without root, permission bits do stop writes: the database directory and its lock file.
fn set_mode(db: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    for path in [db.join(xfdesk::store::lock::LOCK_FILE), db.to_path_buf()] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

/// Ctrl-B on a disk without room for another backup the size of the last one and the saves
/// after it: refused before a byte is written, with what to do; the last backup stays.
#[test]
fn a_backup_the_disk_has_no_room_for_is_refused_before_it_fills_the_disk() {
    let Some(disk) = Tmpfs::mount("48m") else {
        not_on_a_real_disk(
            "backup room",
            "the unit test of backup_folder::room_for_another",
        );
        return;
    };
    let db = disk.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    let folder = db.join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    let last = folder.join("xfdesk-20261117-180000.xfbak");
    std::fs::write(&last, vec![7_u8; 12 * 1024 * 1024]).unwrap();
    let mut d = admin_desk_on(store.clone(), &db);

    d.ctrl('b');
    let told = &d.app().status.as_ref().unwrap().text;
    assert!(
        told.contains("不够再存一份约 12 MB 的备份并继续登记"),
        "{told}"
    );
    let names: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing written: {names:?}");
    assert_eq!(std::fs::metadata(&last).unwrap().len(), 12 * 1024 * 1024);
    assert_eq!(store.last_backup().unwrap(), None);
    drop(d);
    drop(store);
}

/// Fourteen backups nearly fill the disk: the oldest, which the backup would replace anyway,
/// goes first to make room, and the backup is written.
#[test]
fn a_full_backups_folder_makes_room_by_dropping_the_oldest_first() {
    let Some(disk) = Tmpfs::mount("100m") else {
        not_on_a_real_disk("backup room", "the unit tests of backup_folder");
        return;
    };
    let db = disk.path().join("desk");
    let store = Arc::new(SledStore::open(&db).unwrap());
    let folder = db.join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    let mb = 1024 * 1024;
    let oldest = folder.join("xfdesk-20261101-180000.xfbak");
    std::fs::write(&oldest, vec![1_u8; 20 * mb]).unwrap();
    for day in 2..=14 {
        let name = format!("xfdesk-202611{day:02}-180000.xfbak");
        std::fs::write(folder.join(name), vec![2_u8; mb]).unwrap();
    }
    let mut d = admin_desk_on(store.clone(), &db);

    d.ctrl('b');
    let told = &d.app().status.as_ref().unwrap().text;
    assert!(told.starts_with("已备份"), "{told}");
    assert!(!oldest.exists());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 14);
    assert!(store.last_backup().unwrap().is_some());
    drop(d);
    drop(store);
}
