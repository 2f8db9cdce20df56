//! The desk as a clerk meets it, on a headless terminal: the real `Desk` built the way `main`
//! builds it, opening the database in the background, the first frame, the first search, and
//! searching while typing.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use xfdesk::app::visits::{CHROME_ROWS, first_search_rows};
use xfdesk::app::{Action, App, Setup, SystemClock};
use xfdesk::i18n::Lang;
use xfdesk::tui::{Desk, Message};

use crate::child::{Measures, ms, since_spawn_ms};
use crate::queries::{self, Typed};
use crate::report::summarise;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// People whose name, pinyin, identity number and phone are typed; a third through the desk
/// (key to frame), a third straight into the store's search, a third into a clerk's search by
/// `FEW_OWN`, so each path meets cold data.
const PEOPLE: usize = 18;
/// A code that registered few of the demo's visits (the leader's secretary registers some of
/// the walk-ins on reception days): a clerk's search by it passes over most matches, as a
/// clerk's does in an office of many clerks. The demo clerk registered about half.
const FEW_OWN: &str = "demo-secretary";
/// A common surname, to search for before anyone else is looked up.
const FIRST_SEARCH: char = '李';

type Term = Desk<TestBackend>;

pub fn measure(db: &Path, started: Instant) -> Result<Measures, String> {
    let mut m = Measures::new();
    let mut desk = build(db)?;

    let open_started = Instant::now();
    desk.open_in_background(db.to_path_buf());
    desk.handle(Message::App(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    }));
    draw(&mut desk)?;
    m.insert("first_frame_ms".into(), ms(started.elapsed()));
    if let Some(t) = since_spawn_ms() {
        m.insert("first_frame_spawn_ms".into(), t);
    }

    // The clerk signs in as soon as the database is open (the demo clerk), goes to the search
    // box and types. The sign-in's PIN check counts in `search_usable_ms`.
    m.insert("open_ms".into(), wait_opened(&mut desk, open_started)?);
    for c in "demo-clerk".chars() {
        key(&mut desk, KeyCode::Char(c));
    }
    key(&mut desk, KeyCode::Tab);
    for c in "123456".chars() {
        key(&mut desk, KeyCode::Char(c));
    }
    key(&mut desk, KeyCode::Enter);
    if desk.app.session.is_none() {
        return Err("the demo clerk could not sign in".into());
    }
    key(&mut desk, KeyCode::F(3));
    draw(&mut desk)?;
    let t = Instant::now();
    key(&mut desk, KeyCode::Char(FIRST_SEARCH));
    draw(&mut desk)?;
    m.insert("first_search_ms".into(), ms(t.elapsed()));
    m.insert("search_usable_ms".into(), ms(started.elapsed()));
    if desk.app.visits.rows.is_empty() {
        return Err(format!("searching for {FIRST_SEARCH} found nothing"));
    }

    let people = queries::people(&*desk.store, PEOPLE)?;
    let third = |n: usize| people.iter().skip(n).step_by(3);
    let mut keys = Vec::new();
    for visit in third(0) {
        for typed in queries::typed(visit) {
            keys.extend(type_into_desk(&mut desk, &typed)?);
        }
    }
    let rows = first_search_rows(usize::from(HEIGHT - CHROME_ROWS));
    let mut searches = Vec::new();
    let mut slowest: BTreeMap<&str, f64> = BTreeMap::new();
    for visit in third(1) {
        for typed in queries::typed(visit) {
            for prefix in typed.prefixes() {
                let t = Instant::now();
                desk.store
                    .search_visits(prefix, rows)
                    .map_err(|e| e.to_string())?;
                let took = ms(t.elapsed());
                searches.push(took);
                let worst = slowest.entry(typed.kind).or_default();
                *worst = worst.max(took);
            }
        }
    }
    let mut few_own = Vec::new();
    for visit in third(2) {
        for typed in queries::typed(visit) {
            for prefix in typed.prefixes() {
                let t = Instant::now();
                desk.store
                    .search_visits_received_by(prefix, FEW_OWN, rows)
                    .map_err(|e| e.to_string())?;
                few_own.push(ms(t.elapsed()));
            }
        }
    }
    summarise(&mut m, "key", &mut keys);
    summarise(&mut m, "search", &mut searches);
    summarise(&mut m, "few_own", &mut few_own);
    for (kind, worst) in slowest {
        m.insert(format!("search_max_ms.{kind}"), worst);
    }
    m.insert("people".into(), people.len() as f64);
    Ok(m)
}

/// The desk as `main` builds it: office settings from the database folder, the user's key map
/// and theme.
fn build(db: &Path) -> Result<Term, String> {
    let lang = Lang::Zh;
    let (settings, _) = xfdesk::config::office_settings(db, lang);
    let user = xfdesk::config::config_dir();
    let (keymap, _) = xfdesk::config::keymap(user.as_deref(), lang);
    let (theme, _) = xfdesk::config::theme(None, user.as_deref(), lang);
    let app = App::new(Setup {
        lang,
        settings,
        keymap,
        clock: Arc::new(SystemClock { today: None }),
        db_path: db.to_path_buf(),
        demo_visits: 2_000,
        policy: Default::default(),
        calendar: xfdesk::domain::calendar::HolidayCalendar::built_in(),
    });
    let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).map_err(|e| e.to_string())?;
    Ok(Desk::new(terminal, app, theme, false))
}

/// Handles messages until the background open answers; returns how long opening took.
fn wait_opened(desk: &mut Term, open_started: Instant) -> Result<f64, String> {
    loop {
        let message = desk
            .recv_timeout(Duration::from_secs(600))
            .map_err(|e| format!("the database did not open: {e}"))?;
        let opened = match &message {
            Message::Opened(Ok(_)) => Some(ms(open_started.elapsed())),
            Message::Opened(Err(e)) => return Err(e.to_string()),
            _ => None,
        };
        desk.handle(message);
        if let Some(t) = opened {
            return Ok(t);
        }
    }
}

/// Clears the search box, then types `typed` a key at a time, each key handled and drawn.
fn type_into_desk(desk: &mut Term, typed: &Typed) -> Result<Vec<f64>, String> {
    if !desk.app.visits.search.is_empty() {
        key(desk, KeyCode::Esc);
    }
    let mut took = Vec::new();
    for c in typed.text.chars() {
        let t = Instant::now();
        key(desk, KeyCode::Char(c));
        draw(desk)?;
        took.push(ms(t.elapsed()));
    }
    Ok(took)
}

fn key(desk: &mut Term, code: KeyCode) {
    desk.handle(Message::Term(Event::Key(KeyEvent::new(
        code,
        KeyModifiers::NONE,
    ))));
}

fn draw(desk: &mut Term) -> Result<(), String> {
    desk.draw().map_err(|e| e.to_string())
}
