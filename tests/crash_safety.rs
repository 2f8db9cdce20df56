//! Power cuts, imitated: a writer process registers visits through the sled store the intake
//! screen saves with, and prints each number only once the save has returned. The test kills
//! it with SIGKILL at random moments, reopens the database and checks that every printed visit
//! is there whole, that the indexes agree with the records and that `xfdesk check` passes;
//! then it starts the writer again on the same database, and again.
//!
//! `XFDESK_CRASH_KILLS=200 cargo test --test crash_safety` runs the long form (default 20).
//! `XFDESK_CRASH_SEED` replays one run.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::PetitionerId;
use xfdesk::domain::serial::SerialNo;
use xfdesk::domain::visit::CaseLink;
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

/// Set in the writer process: the database it writes to.
const WRITER_DB: &str = "XFDESK_CRASH_WRITER_DB";
const NAMES: [&str; 5] = ["张三", "李四", "王五", "欧阳娜娜", "买买提·艾力"];

/// What the writer promised: the visit's number, petitioner and summary.
#[derive(Debug)]
struct Promise {
    name: String,
    summary: String,
}

/// The writer: registers visits until it is killed. Every third one is a repeat visit of the
/// petitioner before, on their matter, so a save also rewrites existing records and indexes.
/// In any other test run this test does nothing.
#[test]
fn writer_child() {
    let Some(db) = std::env::var_os(WRITER_DB) else {
        return;
    };
    let store = SledStore::open(Path::new(&db)).expect("the writer opens the database");
    let pid = std::process::id();
    let mut last: Option<(PetitionerId, xfdesk::domain::case::CaseId)> = None;
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let name = NAMES[(i % NAMES.len() as u64) as usize];
        let mut visit = common::walk_in(name, "13812345678", common::on(11, 18, 9, 30));
        // Lengths vary so that writes straddle sled's buffers at different places.
        visit.summary = format!("诉求{pid}-{i}:{}", "征地补偿".repeat((i % 40) as usize));
        if let (2, Some((petitioner, case))) = (i % 3, last) {
            visit.existing_petitioner = Some(petitioner);
            visit.case = CaseLink::Existing(case);
            visit.petitioner.name = store.petitioner(petitioner).unwrap().unwrap().person.name;
        }
        let done = store.register_visit(&visit).expect("the save returns");
        last = Some((done.petitioner.id, done.case.id));
        writeln!(
            out,
            "saved\t{}\t{}\t{}",
            done.visit.number, visit.petitioner.name, visit.summary
        )
        .unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn every_visit_a_killed_writer_acknowledged_is_there_after_reopening() {
    let kills: usize = env_or("XFDESK_CRASH_KILLS", 20);
    let seed: u64 = env_or("XFDESK_CRASH_SEED", rand::random());
    println!("crash safety: {kills} kills, XFDESK_CRASH_SEED={seed}");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    {
        let store = SledStore::open(&db).unwrap();
        common::add_operator(&store, Role::Supervisor, None);
    }
    let mut promised = BTreeMap::new();
    for round in 0..kills {
        // Up to 400 ms: some kills land while the writer opens the database, most mid-save.
        let delay = Duration::from_millis(rng.random_range(0..400));
        let printed = run_writer_and_kill(&db, delay);
        println!(
            "round {round}: killed after {delay:?}, {} saves",
            printed.len()
        );
        promised.extend(printed);
        verify(&db, &promised, round);
        xfdesk_check_passes(&db);
    }
    assert!(
        promised.len() >= kills,
        "the writers saved only {} visits in {kills} rounds: the kills proved little",
        promised.len()
    );
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Starts the writer, kills it after `delay` and returns the saves it reported whole.
fn run_writer_and_kill(db: &Path, delay: Duration) -> BTreeMap<SerialNo, Promise> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["writer_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(WRITER_DB, db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        // A line cut short by the kill has no newline: its save returned, but its number
        // was not told, so nothing was promised.
        while reader.read_line(&mut line).unwrap_or(0) > 0 {
            if line.ends_with('\n') {
                lines.push(line.trim_end().to_string());
            }
            line.clear();
        }
        lines
    });
    std::thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert!(
        status.code().is_none(),
        "the writer must die by the kill, not end by itself: {status}"
    );
    reader
        .join()
        .unwrap()
        .into_iter()
        .filter_map(|line| {
            let mut parts = line.strip_prefix("saved\t")?.split('\t');
            let number: SerialNo = parts.next()?.parse().ok()?;
            let name = parts.next()?.to_string();
            let summary = parts.next()?.to_string();
            Some((number, Promise { name, summary }))
        })
        .collect()
}

/// Reopens (the dead writer's locks must not stand in the way) and reads every promise back.
fn verify(db: &Path, promised: &BTreeMap<SerialNo, Promise>, round: usize) {
    let store = SledStore::open(db)
        .unwrap_or_else(|e| panic!("round {round}: reopening after the kill failed: {e}"));
    for (number, promise) in promised {
        let visit = store
            .visit_by_number(*number)
            .unwrap()
            .unwrap_or_else(|| panic!("round {round}: acknowledged visit {number} is lost"));
        assert_eq!(visit.summary, promise.summary, "visit {number}");
        let petitioner = store.petitioner(visit.petitioner_id).unwrap().unwrap();
        assert_eq!(petitioner.person.name, promise.name, "visit {number}");
        let case_visits = store.visits_of_case(visit.case_id).unwrap();
        assert!(
            case_visits.iter().any(|v| v.id == visit.id),
            "visit {number} is missing from its matter's index"
        );
    }
    let report = store.check().unwrap();
    assert!(
        report.problems.is_empty() && report.chain.is_none(),
        "round {round}: {report:?}"
    );
    assert!(store.visit_count().unwrap() >= promised.len() as u64);
}

fn xfdesk_check_passes(db: &Path) {
    let out = assert_cmd::Command::cargo_bin("xfdesk")
        .unwrap()
        .env("XFDESK_OPERATOR", common::code_of(Role::Supervisor))
        .env("XFDESK_PIN", common::PIN)
        .args(["--lang", "en", "--db"])
        .arg(db)
        .arg("check")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("All is well"), "{text}");
}
