//! The real binary in a real terminal: tmux runs it, `send-keys` types, `capture-pane` reads
//! the screen. Each test gets its own tmux server (socket in a temp dir).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

const SESSION: &str = "desk";
const EXITED: &str = "[xfdesk exited with status]";

impl Tmux {
    /// Starts `xfdesk args…` in a `width`×`height` terminal with a UTF-8 locale.
    pub fn start(args: &[&str], width: u16, height: u16) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let tmux = Tmux {
            socket: dir.path().join("tmux.sock"),
            _dir: dir,
        };
        let bin = env!("CARGO_BIN_EXE_xfdesk");
        let mut command = vec![bin.to_string()];
        command.extend(args.iter().map(|a| a.to_string()));
        // The shell reports the exit status on the restored screen; the pane stays for reading.
        let line = format!("{}; echo \"{EXITED} $?\"; sleep 3600", shell_line(&command));
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-e",
            "LANG=C.UTF-8",
            "-e",
            "TERM=xterm-256color",
            &line,
        ]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-u")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .env("LANG", "C.UTF-8")
            .output()
            .expect("tmux must be installed for the end-to-end tests (.ci/run installs it)");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Named keys: `F2`, `Tab`, `Enter`, `Escape`, `C-s`, `Down`, …
    pub fn keys(&self, keys: &[&str]) -> &Self {
        for k in keys {
            self.run(&["send-keys", "-t", SESSION, k]);
        }
        self
    }

    /// Text as typed (Chinese characters arrive as an input method commits them).
    pub fn text(&self, text: &str) -> &Self {
        self.run(&["send-keys", "-t", SESSION, "-l", text]);
        self
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", SESSION])
    }

    /// Waits until the screen shows `needle`; fails with the screen after `secs` seconds.
    pub fn wait_for(&self, needle: &str, secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited {secs}s for “{needle}”; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows every one of `needles` at once: a capture can catch a
    /// frame half drawn, with one part already new and another not yet.
    pub fn wait_for_all(&self, needles: &[&str], secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let screen = self.screen();
            if needles.iter().all(|n| screen.contains(n)) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited {secs}s for {needles:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the program to end and returns its exit status. The screen must then hold
    /// nothing but the shell's report: the terminal was restored.
    pub fn wait_exit(&self, secs: u64) -> i32 {
        let screen = self.wait_for(EXITED, secs);
        let rest: Vec<&str> = screen.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(rest.len(), 1, "the terminal was not restored:\n{screen}");
        rest[0]
            .trim()
            .trim_start_matches(EXITED)
            .trim()
            .parse()
            .unwrap_or(-1)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn shell_line(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', "'\\''")))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn db_arg(path: &Path) -> String {
    path.display().to_string()
}

/// Adds an operator to a database no desk has open (PIN `123456`), so a test can start
/// as that role.
pub fn seed_operator(db: &Path, code: &str, role: xfdesk::domain::permission::Role) {
    use xfdesk::domain::operator::{NewOperator, PinHash};
    use xfdesk::store::Store;
    let store = xfdesk::store::sled_store::SledStore::open(db).expect("open the database");
    store
        .add_operator(&NewOperator {
            code: code.into(),
            name: code.into(),
            role,
            pin: PinHash::new("123456").expect("hash"),
            leader: None,
        })
        .expect("add the operator");
}

impl Tmux {
    /// On a fresh database: the first administrator's form, filled and sent.
    pub fn create_first_admin(&self, name: &str, code: &str, pin: &str) -> &Self {
        self.wait_for("首次使用:设置管理员", 20);
        self.text(name).keys(&["Tab"]).text(code).keys(&["Tab"]);
        self.text(pin).keys(&["Tab"]).text(pin).keys(&["Enter"]);
        self
    }

    /// Signs in on the sign-in screen.
    pub fn sign_in(&self, code: &str, pin: &str) -> &Self {
        self.wait_for("操作员登录", 20);
        // The header counts the visits once the database is open.
        self.wait_for("条来访", 20);
        self.text(code).keys(&["Tab"]).text(pin).keys(&["Enter"]);
        self
    }
}
