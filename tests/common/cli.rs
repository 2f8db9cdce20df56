//! The real binary on the command line, signed in as an operator by the environment, as a
//! script at an office runs it. The demo's operators all have PIN 123456.

use assert_cmd::Command;

pub fn run_as(db: &std::path::Path, operator: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("xfdesk")
        .unwrap()
        .env("XFDESK_OPERATOR", operator)
        .env("XFDESK_PIN", "123456")
        .arg("--db")
        .arg(db)
        .args(args)
        .assert()
}
