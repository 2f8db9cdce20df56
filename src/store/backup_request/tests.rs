use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::*;
use crate::i18n::Lang;

fn request(db: &Path, id: &str, wait: Duration) -> BackupRequest {
    BackupRequest {
        id: id.into(),
        out: db.join(format!("{id}-夜间备份.xfbak")),
        operator: "管理员甲".into(),
        pin: "123456".into(),
        lang: Lang::Zh,
        take_by: take_by(wait),
    }
}

fn files(db: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(db)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A desk that takes and answers `count` requests, giving up after ten seconds.
fn desk(db: &Path, count: usize) -> std::thread::JoinHandle<Vec<Taken>> {
    let db = db.to_path_buf();
    std::thread::spawn(move || {
        let started = Instant::now();
        let mut seen = Vec::new();
        while seen.len() < count && started.elapsed() < Duration::from_secs(10) {
            match take(&db) {
                Some(Taken::Request(r)) => {
                    let said = BackupAnswer {
                        ok: true,
                        message: format!("已备份到 {}", r.out.display()),
                    };
                    answer(&db, &r.id, &said).unwrap();
                    seen.push(Taken::Request(r));
                }
                Some(other) => seen.push(other),
                None => std::thread::sleep(Duration::from_millis(20)),
            }
        }
        seen
    })
}

const ALIVE: &dyn Fn() -> bool = &|| true;

#[test]
fn two_command_lines_at_once_each_get_their_own_answer_and_nothing_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path();
    let (a, b) = (
        request(db, "7x1", Duration::from_secs(10)),
        request(db, "8x1", Duration::from_secs(10)),
    );
    send(db, &a).unwrap();
    send(db, &b).unwrap();
    let desk = desk(db, 2);
    let waiting_b = {
        let (db, b) = (db.to_path_buf(), b.clone());
        std::thread::spawn(move || wait(&db, &b, Duration::from_secs(10), ALIVE).unwrap())
    };
    let got_a = wait(db, &a, Duration::from_secs(10), ALIVE).unwrap();
    let got_b = waiting_b.join().unwrap();
    assert!(got_a.message.contains("7x1-夜间备份"), "{}", got_a.message);
    assert!(got_b.message.contains("8x1-夜间备份"), "{}", got_b.message);
    assert_eq!(
        desk.join().unwrap(),
        [Taken::Request(a), Taken::Request(b)],
        "the older request first, each once"
    );
    assert!(files(db).is_empty(), "{:?}", files(db));
}

#[test]
fn a_request_no_desk_takes_is_withdrawn_by_its_own_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path();
    let mine = request(db, "9x1", Duration::from_secs(1));
    let other = request(db, "9x2", Duration::from_secs(60));
    send(db, &mine).unwrap();
    send(db, &other).unwrap();
    let waited = wait(db, &mine, Duration::from_secs(5), ALIVE);
    assert!(matches!(waited, Err(Unanswered::NotTaken)), "{waited:?}");
    assert_eq!(
        files(db),
        ["backup.request-9x2"],
        "another's request is not touched"
    );
}

#[test]
fn a_desk_that_ends_after_taking_the_request_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path();
    let mine = request(db, "5x1", Duration::from_secs(10));
    send(db, &mine).unwrap();
    assert_eq!(take(db), Some(Taken::Request(mine.clone())));
    let alive = Arc::new(AtomicBool::new(false));
    let is_alive = {
        let alive = alive.clone();
        move || alive.load(Ordering::SeqCst)
    };
    let started = Instant::now();
    let waited = wait(db, &mine, Duration::from_secs(60), &is_alive);
    assert!(matches!(waited, Err(Unanswered::DeskGone)), "{waited:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_late_or_unusable_request_is_never_carried_out_and_never_left_with_its_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path();
    let mut late = request(db, "1x1", Duration::ZERO);
    late.take_by -= 5;
    send(db, &late).unwrap();
    assert_eq!(take(db), None, "past its time: removed unread");
    assert!(files(db).is_empty(), "{:?}", files(db));

    let mut relative = request(db, "2x1", Duration::from_secs(60));
    relative.out = PathBuf::from("backup.xfbak");
    send(db, &relative).unwrap();
    assert_eq!(take(db), Some(Taken::Unusable { id: "2x1".into() }));
    std::fs::write(db.join("backup.request-3x1"), b"not json").unwrap();
    assert_eq!(take(db), Some(Taken::Unusable { id: "3x1".into() }));
    std::fs::write(db.join("backup.request-..x"), b"{}").unwrap();
    assert_eq!(take(db), None);
    assert!(files(db).is_empty(), "{:?}", files(db));
}

#[test]
fn leftovers_are_cleared_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path();
    for name in [
        "backup.request-1x1",
        "backup.taken-1x2",
        "backup.answer-1x3",
        "backup.writing-1x4",
        "office.toml",
        "backups",
    ] {
        std::fs::write(db.join(name), b"x").unwrap();
    }
    clear_leftovers(db);
    assert_eq!(files(db), ["backups", "office.toml"]);
}
