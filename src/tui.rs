//! The edge: terminal set-up and restore, the event loop, and background work. The loop is
//! generic over the backend so tests and benchmarks drive the real app without a terminal.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::{Action, App, Effect, update};
use crate::store::backup_request;
use crate::store::opening::OpeningStore;
use crate::store::sled_store::SledStore;
use crate::store::{Store, StoreError};
use crate::theme::Theme;

/// What reaches the loop: the terminal's events, the opened database, background progress.
pub enum Message {
    Term(Event),
    Opened(Result<Arc<dyn Store>, StoreError>),
    App(Action),
}

/// The running desk: app state, theme, the store handle and the loop's mailbox.
pub struct Desk<B: Backend> {
    pub terminal: Terminal<B>,
    pub app: App,
    pub theme: Theme,
    pub store: Arc<dyn Store>,
    pub tx: Sender<Message>,
    rx: Receiver<Message>,
    /// Wrap each frame in a synchronized update (real terminals), against flicker.
    sync: bool,
}

impl<B: Backend> Desk<B> {
    pub fn new(terminal: Terminal<B>, app: App, theme: Theme, sync: bool) -> Desk<B> {
        let (tx, rx) = mpsc::channel();
        Desk {
            terminal,
            app,
            theme,
            store: Arc::new(OpeningStore),
            tx,
            rx,
            sync,
        }
    }

    pub fn draw(&mut self) -> io::Result<()> {
        if self.sync {
            execute!(io::stdout(), BeginSynchronizedUpdate)?;
        }
        let (app, theme) = (&self.app, &self.theme);
        let drawn = self
            .terminal
            .draw(|f| crate::ui::view(app, theme, f))
            .map(|_| ());
        if self.sync {
            execute!(io::stdout(), EndSynchronizedUpdate)?;
        }
        drawn.map_err(|e| io::Error::other(e.to_string()))
    }

    /// Turns one message into an action, applies it, starts the effects it asks for.
    pub fn handle(&mut self, message: Message) {
        let action = match message {
            Message::Term(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                match self.app.keymap.lookup(&key, self.app.text_focus()) {
                    Some(c) => Action::Command(c),
                    None => Action::Key(key),
                }
            }
            Message::Term(Event::Paste(text)) => Action::Paste(text),
            Message::Term(Event::Resize(width, height)) => Action::Resize { width, height },
            Message::Term(_) => return,
            Message::Opened(Ok(store)) => {
                self.store = store;
                Action::StoreReady
            }
            Message::Opened(Err(e)) => Action::StoreFailed(Arc::new(e)),
            Message::App(action) => action,
        };
        for effect in update(&mut self.app, action, &*self.store) {
            self.start(effect);
        }
    }

    /// Takes a backup the command line asks for (`store::backup_request`), once the database
    /// is open; checked on idle seconds, as the request can wait a few.
    /// The backup runs between two actions, so the screen says so first.
    fn serve_backup_request(&mut self) -> io::Result<()> {
        if !self.app.db_ready() {
            return Ok(());
        }
        if let Some(taken) = backup_request::take(&self.app.db_path) {
            if let backup_request::Taken::Request(r) = &taken {
                let operator = r.operator.clone();
                self.handle(Message::App(Action::BackupStarting { operator }));
                self.draw()?;
            }
            self.handle(Message::App(Action::BackupRequested(taken)));
        }
        Ok(())
    }

    fn start(&self, effect: Effect) {
        match effect {
            Effect::AnswerBackup { id, answer } => {
                if let Err(e) = backup_request::answer(&self.app.db_path, &id, &answer) {
                    tracing::error!("the answer to a backup request could not be written: {e}");
                }
            }
            Effect::LoadDemo { visits } => {
                let store = Arc::clone(&self.store);
                let tx = self.tx.clone();
                let opts = crate::demo::DemoOptions {
                    visits,
                    seed: 1,
                    today: crate::demo::history_end(self.app.clock.today()),
                    settings: self.app.settings.clone(),
                };
                thread::spawn(move || {
                    let mut progress = |done, total| {
                        let _ = tx.send(Message::App(Action::DemoProgress(done, total)));
                    };
                    let result = crate::demo::fill(&*store, &opts, &mut progress)
                        .map(|s| (s.visits, s.petitioners))
                        .map_err(Arc::new);
                    let _ = tx.send(Message::App(Action::DemoFinished(result)));
                });
            }
        }
    }

    /// Waits up to `timeout` for the next message, for drivers other than `run` (benchmarks
    /// that need the background open's answer).
    pub fn recv_timeout(&self, timeout: Duration) -> Result<Message, RecvTimeoutError> {
        self.rx.recv_timeout(timeout)
    }

    /// Opens the database on a background thread; the first frame does not wait for it.
    pub fn open_in_background(&self, path: PathBuf) {
        let tx = self.tx.clone();
        thread::spawn(move || {
            let opened = SledStore::open(&path).map(|s| Arc::new(s) as Arc<dyn Store>);
            if opened.is_ok()
                && let Err(e) = crate::config::write_default_office(&path)
            {
                tracing::warn!("could not write the default office settings: {e}");
            }
            let _ = tx.send(Message::Opened(opened));
        });
    }

    /// Draws, then waits for messages until the app asks to quit. A second of silence is a
    /// tick, for messages that fade.
    pub fn run(&mut self) -> io::Result<()> {
        let size = self
            .terminal
            .size()
            .map_err(|e| io::Error::other(e.to_string()))?;
        self.handle(Message::App(Action::Resize {
            width: size.width,
            height: size.height,
        }));
        self.draw()?;
        while !self.app.quit {
            let message = match self.rx.recv_timeout(Duration::from_secs(1)) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    self.serve_backup_request()?;
                    Message::App(Action::Tick)
                }
                Err(RecvTimeoutError::Disconnected) => break,
            };
            self.handle(message);
            // Apply what queued up meanwhile (a fast typist, a burst of progress) before
            // drawing once.
            while let Ok(m) = self.rx.try_recv() {
                self.handle(m);
                if self.app.quit {
                    break;
                }
            }
            self.draw()?;
        }
        Ok(())
    }
}

/// Reads terminal events on their own thread into the loop's mailbox.
fn forward_terminal_events(tx: Sender<Message>) {
    thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Message::Term(ev)).is_err() {
                break;
            }
        }
    });
}

/// Runs the desk in the real terminal, restoring it on every way out, panics included.
pub fn run(app: App, theme: Theme, db: PathBuf) -> color_eyre::Result<()> {
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste)?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui_hook(info);
    }));
    let mut desk = Desk::new(terminal, app, theme, true);
    desk.open_in_background(db);
    forward_terminal_events(desk.tx.clone());
    let result = desk.run();
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    Ok(result?)
}
