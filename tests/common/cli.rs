//! The real binary on the command line, signed in as an operator by the environment, as a
//! script at an office runs it. The demo's operators all have PIN 123456.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;

/// The binary as `operator` on `db`: a plain `Command`, so a test may pipe its output as well
/// as assert on it.
pub fn xfdesk_as(db: &Path, operator: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xfdesk"));
    cmd.env("XFDESK_OPERATOR", operator)
        .env("XFDESK_PIN", "123456")
        .arg("--db")
        .arg(db);
    cmd
}

pub fn run_as(db: &Path, operator: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    xfdesk_as(db, operator).args(args).assert()
}
