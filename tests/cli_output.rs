//! A script that reads only the start of what a command prints (`xfdesk search … | head`):
//! the command stops quietly, with no error message and a success exit.

#[path = "common/cli.rs"]
mod cli;

use std::io::Read;
use std::process::Stdio;

use cli::xfdesk_as;

#[test]
fn a_reader_that_stops_reading_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let xfdesk = || {
        let mut c = xfdesk_as(&db, "demo-supervisor");
        c.args(["--today", "2026-11-18"]);
        c
    };
    let demo = xfdesk()
        .args(["demo", "--visits", "1000"])
        .output()
        .unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );

    // Everyone whose name starts with z: far more than a pipe holds (64 KiB), so the command
    // is still writing when the reader goes.
    let mut child = xfdesk()
        .args(["search", "z", "--format", "json", "--limit", "1000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    assert_eq!(&first, b"[");
    let done = child.wait_with_output().unwrap();
    assert!(
        done.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(done.status.success());

    // The same search read to the end is longer than the pipe, or the test proves nothing.
    let all = xfdesk()
        .args(["search", "z", "--format", "json", "--limit", "1000"])
        .output()
        .unwrap();
    assert!(all.stdout.len() > 64 * 1024, "{} bytes", all.stdout.len());
}
