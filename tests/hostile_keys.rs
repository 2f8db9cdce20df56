//! Long random key sequences through the real key map, `update` and views, as a clerk with an
//! input method, a cat on the keyboard or a resizing window would send them. After every step:
//! no panic, a frame of the terminal's size whose every cell a terminal can draw, and the App's
//! own rules kept. `XFDESK_KEY_CASES` runs more sequences than CI's few hundred.

mod common;

use std::sync::Arc;

use common::hostile::hostile_char;
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;
use xfdesk::app::{App, Screen};
use xfdesk::domain::permission::{Permission, Role};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;
use xfdesk::tui::Message;

#[derive(Clone, Debug)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
    /// On the sign-in screen, the operator signs in again (after Ctrl-L or an idle lock), so
    /// that a sequence goes on past a lock into restored drafts.
    SignIn,
}

fn key() -> impl Strategy<Value = Step> {
    let plain = |s: BoxedStrategy<KeyCode>| s.prop_map(|c| Step::Key(c, KeyModifiers::NONE));
    let named = prop::sample::select(vec![
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Char(' '),
    ]);
    prop_oneof![
        6 => plain(hostile_char().prop_map(KeyCode::Char).boxed()),
        4 => plain(named.boxed()),
        2 => plain((1u8..=12).prop_map(KeyCode::F).boxed()),
        2 => proptest::char::range('a', 'z').prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => proptest::char::range('a', 'z').prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::ALT)),
        1 => prop::sample::select(vec![KeyCode::Up, KeyCode::Down, KeyCode::Tab, KeyCode::Enter])
            .prop_map(|c| Step::Key(c, KeyModifiers::SHIFT)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        40 => key(),
        1 => (proptest::collection::vec(hostile_char(), 1..30), 1usize..400).prop_map(|(run, n)| {
            // Up to 10 000 characters, as a clerk pasting a whole document would.
            let run: String = run.into_iter().collect();
            Step::Paste(run.repeat(n).chars().take(10_000).collect())
        }),
        1 => Just(Step::SignIn),
        1 => prop_oneof![
            Just((1u16, 1u16)),
            Just((500, 200)),
            Just((80, 24)),
            Just((2, 40)),
            (1u16..200, 1u16..60),
        ].prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// A desk on a database with a few visits, signed in as `role`; or, without a role, a desk on
/// a fresh database that has no operator yet.
fn desk(role: Option<Role>, lang: Lang) -> common::TestDesk {
    let store = Arc::new(MemoryStore::new());
    match role {
        Some(role) => {
            for (name, phone) in [
                ("张三", "13812345678"),
                ("李四", "13987654321"),
                ("王五", "0871-65123456"),
            ] {
                store
                    .register_visit(&common::walk_in(name, phone, common::on(11, 17, 9, 0)))
                    .unwrap();
            }
            common::desk_as(role, lang, 100, 30, store, true)
        }
        None => {
            let mut d = common::bare_desk(lang, 100, 30);
            d.desk
                .handle(Message::Opened(Ok(store.clone() as Arc<dyn Store>)));
            d.store = store;
            d
        }
    }
}

fn apply(d: &mut common::TestDesk, step: &Step) {
    let event = match step {
        Step::SignIn => {
            if d.app().screen == Screen::SignIn
                && let Some(role) = Role::ALL.into_iter().find(|r| {
                    d.store
                        .operator_by_code(common::code_of(*r))
                        .ok()
                        .flatten()
                        .is_some()
                })
            {
                d.sign_in(common::code_of(role), common::PIN);
            }
            return;
        }
        Step::Key(code, mods) => Event::Key(KeyEvent::new(*code, *mods)),
        Step::Paste(text) => Event::Paste(text.clone()),
        Step::Resize(w, h) => {
            d.desk.terminal.backend_mut().resize(*w, *h);
            Event::Resize(*w, *h)
        }
    };
    d.desk.handle(Message::Term(event));
}

/// What the operator may open; `None` before anyone signs in.
fn may_show(screen: Screen, role: Option<Role>) -> bool {
    let Some(role) = role else {
        return matches!(screen, Screen::SignIn | Screen::FirstAdmin);
    };
    let needs = match screen {
        Screen::SignIn | Screen::FirstAdmin | Screen::Organisation => return true,
        Screen::Start => Permission::LoadDemo,
        Screen::Intake => Permission::RegisterVisit,
        Screen::Visits | Screen::Detail => Permission::ViewVisits,
        Screen::Matters | Screen::Matter => Permission::ViewMatters,
        Screen::Ledger => Permission::ViewEvidence,
        Screen::Operators => Permission::ManageOperators,
        Screen::Supervisor => Permission::SupervisorView,
        Screen::Week => Permission::ViewSchedule,
    };
    role.may(needs)
}

/// A selection points into its list (or at 0 when the list is empty).
fn within(selected: usize, len: usize) -> bool {
    selected < len.max(1)
}

fn check_app(app: &App, size: (u16, u16)) -> Result<(), String> {
    let role = app.session.as_ref().map(|s| s.role);
    let rules = [
        (app.size == size, "the app knows the terminal's size"),
        (
            may_show(app.screen, role),
            "the screen is one the operator may open",
        ),
        (
            within(app.visits.selected, app.visits.rows.len()),
            "visits selection in its list",
        ),
        (
            within(app.matters.selected, app.matters.shown.len()),
            "matters selection in its list",
        ),
        (
            app.matters.shown.iter().all(|&i| {
                i < app.matters.open.len()
                    || app.matters.finished.as_ref().is_some_and(|f| i < f.len())
            }),
            "matters rows shown exist",
        ),
        (
            within(app.org.selected[0], app.org.leaders.len()),
            "leader selection in its list",
        ),
        (
            within(app.org.selected[1], app.org.departments.len()),
            "department selection in its list",
        ),
        (
            within(app.ops.selected, app.ops.list.len()),
            "operator selection in its list",
        ),
        (
            within(app.ledger.selected, app.ledger.rows.len()),
            "evidence selection in its list",
        ),
        (
            within(app.supervisor.selected, app.supervisor.rows().len()),
            "supervisor selection in its list",
        ),
        (
            within(app.week.selected, app.week.sessions.len()),
            "session selection in its list",
        ),
        (
            !(app.session.is_none() && !app.details.is_empty() && app.screen == Screen::Detail),
            "no visit detail shown to nobody",
        ),
    ];
    match rules.iter().find(|(ok, _)| !ok) {
        Some((_, rule)) => Err(format!("broken rule: {rule} (screen {:?})", app.screen)),
        None => Ok(()),
    }
}

/// The frame has the terminal's size, every cell holds something a terminal draws in its own
/// cells (no control character, no wide character cut at the right edge), and the cursor,
/// when shown, is inside it.
fn check_frame(d: &mut common::TestDesk, size: (u16, u16)) -> Result<(), String> {
    d.desk.draw().map_err(|e| e.to_string())?;
    let backend = d.desk.terminal.backend();
    let buffer = backend.buffer();
    let (w, h) = size;
    if (buffer.area.width, buffer.area.height) != (w, h) {
        return Err(format!("frame {:?} for a {w}×{h} terminal", buffer.area));
    }
    for (i, cell) in buffer.content().iter().enumerate() {
        let (x, y) = ((i % usize::from(w)) as u16, (i / usize::from(w)) as u16);
        let symbol = cell.symbol();
        if symbol.chars().any(char::is_control) {
            return Err(format!("control character {symbol:?} drawn at ({x}, {y})"));
        }
        if x + symbol.width() as u16 > w {
            return Err(format!("{symbol:?} at ({x}, {y}) runs past the right edge"));
        }
    }
    if backend.cursor_visible() {
        let at = backend.cursor_position();
        if at.x >= w || at.y >= h {
            return Err(format!("cursor at {at:?} outside {w}×{h}"));
        }
    }
    Ok(())
}

/// What the intake form holds, to see that a refused save keeps it.
fn typed(app: &App) -> Vec<String> {
    let f = &app.intake;
    let mut out: Vec<String> = [
        &f.received_at,
        &f.name,
        &f.id_number,
        &f.phone,
        &f.address,
        &f.head_count,
    ]
    .iter()
    .map(|t| t.value().to_string())
    .collect();
    out.push(f.summary_text());
    out
}

fn run(role: Option<Role>, lang: Lang, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut d = desk(role, lang);
    let mut size = (100u16, 30u16);
    for (i, step) in steps.iter().enumerate() {
        if let Step::Resize(w, h) = step {
            size = (*w, *h);
        }
        let before = typed(d.app());
        let saved_before = d.store.visit_count().unwrap_or(0);
        let on_intake = d.app().screen == Screen::Intake && d.app().overlay.is_none();
        apply(&mut d, step);
        let at = |e: String| TestCaseError::fail(format!("step {i} {step:?}: {e}"));
        check_app(d.app(), size).map_err(at)?;
        check_frame(&mut d, size).map_err(at)?;
        let is_save =
            matches!(step, Step::Key(KeyCode::Char('s'), m) if *m == KeyModifiers::CONTROL);
        if on_intake && is_save && d.store.visit_count().unwrap_or(0) == saved_before {
            prop_assert_eq!(
                typed(d.app()),
                before,
                "step {}: a refused save lost what was typed",
                i
            );
        }
        if d.app().quit {
            break;
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("XFDESK_KEY_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(96)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), max_shrink_iters: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_signed_in_operator_survives_any_keys(
        role in prop::sample::select(Role::ALL.to_vec()),
        lang in prop::sample::select(vec![Lang::Zh, Lang::En]),
        steps in proptest::collection::vec(step(), 1..120),
    ) {
        run(Some(role), lang, &steps)?;
    }

    #[test]
    fn a_fresh_database_survives_any_keys(
        lang in prop::sample::select(vec![Lang::Zh, Lang::En]),
        steps in proptest::collection::vec(step(), 1..120),
    ) {
        run(None, lang, &steps)?;
    }
}

/// Found by the sequences above: ratatui's wrapping of the "too small" notice indexed outside
/// the buffer in a terminal two columns wide, and the desk panicked on the resize.
#[test]
fn a_terminal_a_column_or_two_wide_asks_to_be_enlarged() {
    for (w, h) in [(2, 40), (1, 1), (1, 40), (3, 10), (39, 9)] {
        let mut d = desk(None, Lang::Zh);
        apply(&mut d, &Step::Resize(w, h));
        check_frame(&mut d, (w, h)).unwrap();
        if w >= 2 && h >= 4 {
            let screen = d.screen();
            assert!(
                screen.contains('窗') && screen.contains('小'),
                "{w}×{h}:\n{screen}"
            );
        }
    }
}

/// Found by the sequences above: Esc from a list went to the intake form whatever the role, so
/// a supervisor or an administrator landed on a form they may not use.
#[test]
fn esc_from_a_list_goes_to_a_screen_the_role_may_open() {
    for role in Role::ALL {
        let mut d = desk(Some(role), Lang::Zh);
        for command in [KeyCode::F(3), KeyCode::F(4), KeyCode::F(11)] {
            apply(&mut d, &Step::Key(command, KeyModifiers::NONE));
            apply(&mut d, &Step::Key(KeyCode::Esc, KeyModifiers::NONE));
            apply(&mut d, &Step::Key(KeyCode::Esc, KeyModifiers::NONE));
            let screen = d.app().screen;
            assert!(may_show(screen, Some(role)), "{role:?} on {screen:?}");
        }
    }
}

/// Found by the sequences above: in a 40×10 terminal the first administrator's form put the
/// cursor on row 11, below the screen, where the input method would follow it.
#[test]
fn the_cursor_stays_on_screen_in_a_small_terminal() {
    let mut d = desk(None, Lang::Zh);
    apply(&mut d, &Step::Resize(40, 10));
    for _ in 0..4 {
        apply(&mut d, &Step::Key(KeyCode::BackTab, KeyModifiers::NONE));
        check_frame(&mut d, (40, 10)).unwrap();
    }
}

/// Found by the sequences above: an administrator adding a leader named “０” (a full-width
/// digit from an input method) crashed the desk while the name's search keys were built.
#[test]
fn a_leader_named_with_a_full_width_digit_is_saved() {
    let mut d = desk(Some(Role::Administrator), Lang::Zh);
    for step in [
        Step::Key(KeyCode::Char('n'), KeyModifiers::CONTROL),
        Step::Key(KeyCode::Char('０'), KeyModifiers::NONE),
        Step::Key(KeyCode::Enter, KeyModifiers::NONE),
    ] {
        apply(&mut d, &step);
        check_frame(&mut d, (100, 30)).unwrap();
    }
    let leaders = d.store.leaders().unwrap();
    assert!(
        leaders.iter().any(|l| l.name == "0" || l.name == "０"),
        "{leaders:?}"
    );
}
