//! Who is at the desk: signing in with code and PIN, the wait after wrong PINs, locking the
//! screen for the next operator (a key, or minutes without one), and each operator's unfinished
//! work kept as their draft, out of sight of whoever signs in next.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::audit::{AuditEvent, AuditKind, detail};
use crate::domain::operator::{Operator, OperatorId, retry_delay};
use crate::domain::organisation::LeaderId;
use crate::domain::permission::{Home, Permission, Role};
use crate::i18n::{Label, Localize, T};
use crate::store::Store;

use super::action::Command;
use super::detail::VisitDetail;
use super::field::TextField;
use super::intake::IntakeForm;
use super::matter::MatterView;
use super::matters::MattersList;
use super::org_form::OrgForm;
use super::visits::VisitsList;
use super::{App, DbStatus, Screen, Tone, intake, matters, org};

/// The operator signed in now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    pub id: OperatorId,
    pub code: String,
    pub name: String,
    pub role: Role,
    pub leader: Option<LeaderId>,
}

impl SignedIn {
    fn of(op: &Operator) -> SignedIn {
        SignedIn {
            id: op.id,
            code: op.code.clone(),
            name: op.name.clone(),
            role: op.role,
            leader: op.leader,
        }
    }
}

/// An operator's work in progress while someone else uses the desk.
#[derive(Clone, Debug)]
pub struct Draft {
    screen: Screen,
    matter_back: Screen,
    intake: IntakeForm,
    matter: Option<MatterView>,
    details: Vec<VisitDetail>,
    org_form: Option<OrgForm>,
}

impl Draft {
    /// The queue arrival the draft's intake form is receiving, if any.
    pub fn receiving(&self) -> Option<super::reception_day::Receiving> {
        self.intake.receiving
    }

    /// Whether losing it would lose typing (asked before quitting from the sign-in screen).
    pub fn has_typing(&self) -> bool {
        self.intake.is_dirty()
            || self.org_form.as_ref().is_some_and(OrgForm::is_dirty)
            || self
                .matter
                .as_ref()
                .and_then(|m| m.dialog.as_ref())
                .is_some_and(|d| d.has_typing())
    }
}

#[derive(Clone, Debug)]
pub struct SignInScreen {
    pub code: TextField,
    pub pin: TextField,
    /// 0: code, 1: PIN.
    pub focus: usize,
    pub error: Option<String>,
    /// No try before this time (after a wrong PIN).
    pub wait_until: Option<NaiveDateTime>,
    /// Wrong tries on this screen with a code nobody has: they wait too.
    pub unknown_failures: u32,
    /// The demo operators, listed only on a demo database.
    pub demo_list: bool,
    /// Enter was pressed while the database was still opening: the sign-in goes ahead, with
    /// what the fields then hold, as soon as it is open.
    pub when_open: bool,
}

impl Default for SignInScreen {
    fn default() -> Self {
        SignInScreen {
            code: TextField::new(crate::domain::operator::CODE_MAX_CHARS),
            pin: TextField::new(crate::domain::operator::PIN_MAX_DIGITS),
            focus: 0,
            error: None,
            wait_until: None,
            unknown_failures: 0,
            demo_list: false,
            when_open: false,
        }
    }
}

impl SignInScreen {
    pub fn focused(&mut self) -> &mut TextField {
        if self.focus == 0 {
            &mut self.code
        } else {
            &mut self.pin
        }
    }

    /// Whole seconds left before the next try, if it must wait.
    pub fn wait_secs(&self, now: NaiveDateTime) -> Option<i64> {
        let until = self.wait_until?;
        let ms = (until - now).num_milliseconds();
        (ms > 0).then(|| (ms + 999) / 1000)
    }
}

/// All drafts, by operator code.
pub type Drafts = HashMap<String, Draft>;

impl App {
    pub fn role(&self) -> Option<Role> {
        self.session.as_ref().map(|s| s.role)
    }

    /// The operators who locked the desk with typing unsaved, by code.
    pub fn codes_with_drafts(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = self
            .drafts
            .iter()
            .filter(|(_, d)| d.has_typing())
            .map(|(code, _)| code.as_str())
            .collect();
        codes.sort_unstable();
        codes
    }

    /// Whether the signed-in operator has typing unsaved in a form other than intake's.
    pub fn own_form_typed(&self) -> bool {
        self.matter_dialog_typed() || self.org.form_dirty() || self.ops.form_dirty()
    }

    /// Whether the signed-in operator may take `action`; nobody signed in may do nothing.
    pub fn may(&self, action: Permission) -> bool {
        self.role().is_some_and(|r| r.may(action))
    }

    /// Says that the role may not do this, when it may not; true when refused. `screen` picks
    /// the wording for whole screens rather than actions.
    pub fn refused(&mut self, action: Permission, screen: bool) -> bool {
        if self.may(action) {
            return false;
        }
        let role = self.role().map_or("", |r| r.label(self.lang));
        let key = if screen { T::RefusedScreen } else { T::Refused };
        let msg = self.lang.f(key, &[&role]);
        self.say(Tone::Error, msg);
        true
    }

    /// For a role that sees only its own visits, the code they were registered under.
    pub fn own_visits_only(&self) -> Option<&str> {
        self.session
            .as_ref()
            .filter(|s| !s.role.sees_every_visit())
            .map(|s| s.code.as_str())
    }

    /// The code stamps and the evidence log carry: empty before anyone signed in.
    pub fn operator_code(&self) -> &str {
        self.session.as_ref().map_or("", |s| s.code.as_str())
    }
}

/// Records an event in the evidence log. A log that cannot be written is told on screen; the
/// desk goes on, since refusing a sign-in for it would lock everyone out.
pub(super) fn audit(
    app: &mut App,
    store: &dyn Store,
    kind: AuditKind,
    subject: &str,
    detail: &str,
) {
    let event = AuditEvent {
        at: app.clock.now(),
        operator: app.operator_code().to_string(),
        kind,
        subject: subject.to_string(),
        detail: detail.to_string(),
    };
    if let Err(e) = store.record_audit(&event) {
        tracing::error!("the evidence log could not be written: {e}");
        let msg = e.localize(app.lang);
        app.say(Tone::Error, msg);
    }
}

/// Locks the screen: the operator's work becomes their draft, every list that shows people is
/// emptied, and the sign-in screen waits for the next one.
pub(super) fn lock(app: &mut App, store: &dyn Store, idle: bool) {
    let Some(me) = app.session.clone() else {
        return;
    };
    let detail = if idle { detail::IDLE } else { detail::SWITCH };
    audit(app, store, AuditKind::SignedOut, &me.code, detail);
    let draft = Draft {
        screen: app.screen,
        matter_back: app.matter_back,
        intake: std::mem::replace(&mut app.intake, IntakeForm::new(&app.settings)),
        matter: app.matter.take(),
        details: std::mem::take(&mut app.details),
        org_form: app.org.form.take(),
    };
    app.drafts.insert(me.code.clone(), draft);
    app.session = None;
    intake::leaders_changed(app);
    app.visits = VisitsList::default();
    app.matters = MattersList::default();
    // The supervisor view names petitioners too: it goes with the lists, and so do the
    // names of a session's appointments, veiled for one reader and not for another.
    app.supervisor = super::supervisor::SupervisorScreen::default();
    app.week.appointment_shown.clear();
    app.overlay = None;
    app.screen = Screen::SignIn;
    let demo_list = app.signin.demo_list;
    app.signin = SignInScreen {
        demo_list,
        ..SignInScreen::default()
    };
    let msg = if idle {
        app.lang
            .f(T::IdleLocked, &[&app.settings.idle_lock_minutes])
    } else {
        app.lang.f(T::Locked, &[&me.name])
    };
    app.say(Tone::Info, msg);
}

/// Locks after the office's minutes without a key.
pub(super) fn tick(app: &mut App, store: &dyn Store) {
    let minutes = i64::from(app.settings.idle_lock_minutes);
    if app.session.is_some()
        && minutes > 0
        && app.clock.now() - app.last_input >= chrono::Duration::minutes(minutes)
    {
        lock(app, store, true);
    }
}

/// Starts the session of `op` and brings back their draft, or their role's first screen.
pub(super) fn start(app: &mut App, store: &dyn Store, op: &Operator) {
    app.session = Some(SignedIn::of(op));
    app.last_input = app.clock.now();
    app.signin = SignInScreen {
        demo_list: app.signin.demo_list,
        ..SignInScreen::default()
    };
    let role = app.role().map_or("", |r| r.label(app.lang));
    let msg = if let Some(draft) = app.drafts.remove(&op.code) {
        app.intake = draft.intake;
        app.matter = draft.matter;
        app.matter_back = draft.matter_back;
        app.details = draft.details;
        app.org.form = draft.org_form;
        app.screen = draft.screen;
        intake::leaders_changed(app);
        if app.screen == Screen::Supervisor {
            // Computed afresh: others may have worked on the matters meanwhile.
            super::supervisor::reload(app, store);
        }
        // The week as this operator may see it, whichever screen the draft comes back to.
        super::week::load_matter_numbers(app, store);
        app.lang.f(T::SignInDraftBack, &[&op.name, &role])
    } else {
        go_home(app, store);
        // An empty database still offers demo data to whoever may load it.
        if app.may(Permission::LoadDemo) && store.is_empty().unwrap_or(false) {
            app.screen = Screen::Start;
        }
        app.lang.f(T::SignInWelcome, &[&op.name, &role])
    };
    match super::backup::reminder(app, store) {
        Some(reminder) => app.say(Tone::Warn, format!("{msg}  {reminder}")),
        None => app.say(Tone::Ok, msg),
    }
}

/// The first screen of the signed-in operator's role.
pub(super) fn go_home(app: &mut App, store: &dyn Store) {
    match app.role().map(Role::home) {
        Some(Home::Intake) => {
            app.screen = Screen::Intake;
            app.intake.focus = crate::domain::intake::Field::Name;
        }
        Some(Home::Matters) => {
            app.screen = Screen::Matters;
            matters::reload(app, store);
        }
        Some(Home::Organisation) => org::open(app, store),
        None => app.screen = Screen::SignIn,
    }
}

/// Esc from a list: back to the role's first screen. The intake form keeps its focus; a role
/// that may not register visits is never left on it.
pub(super) fn back_home(app: &mut App, store: &dyn Store) {
    match app.role().map(Role::home) {
        Some(Home::Intake) => app.screen = Screen::Intake,
        _ => go_home(app, store),
    }
}

pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    let s = &mut app.signin;
    match c {
        Command::NextField | Command::PrevField | Command::Down | Command::Up => {
            s.focus = 1 - s.focus;
        }
        Command::Open if s.focus == 0 => s.focus = 1,
        Command::Open | Command::Save => sign_in(app, store),
        Command::Back => {
            s.code.clear();
            s.pin.clear();
            s.focus = 0;
            s.when_open = false;
        }
        _ => {}
    }
}

/// The database has opened: a sign-in asked for meanwhile goes ahead.
pub(super) fn store_ready(app: &mut App, store: &dyn Store) {
    if std::mem::take(&mut app.signin.when_open) && app.screen == Screen::SignIn {
        sign_in(app, store);
    }
}

pub(super) fn key(app: &mut App, key: KeyEvent) {
    let s = &mut app.signin;
    if key.code == KeyCode::Enter {
        return;
    }
    s.focused().handle_key(key);
}

pub(super) fn paste(app: &mut App, text: &str) {
    app.signin.focused().paste(text);
}

fn sign_in(app: &mut App, store: &dyn Store) {
    // A clerk who types ahead while a large database opens keeps what they typed.
    app.signin.when_open = app.db == DbStatus::Opening;
    if app.signin.when_open {
        app.signin.error = None;
        return;
    }
    let now = app.clock.now();
    if let Some(secs) = app.signin.wait_secs(now) {
        app.signin.error = Some(app.lang.f(T::SignInWait, &[&secs]));
        return;
    }
    let code = app.signin.code.value().to_string();
    let pin = app.signin.pin.value().to_string();
    app.signin.pin.clear();
    let found = match store.operator_by_code(&code) {
        Ok(found) => found,
        Err(e) => {
            app.signin.error = Some(app.lang.f(T::SignInFailed, &[&e.localize(app.lang)]));
            return;
        }
    };
    let Some(op) = found else {
        audit(
            app,
            store,
            AuditKind::SignInFailed,
            &code,
            detail::UNKNOWN_CODE,
        );
        let s = &mut app.signin;
        s.unknown_failures += 1;
        s.wait_until = retry_delay(s.unknown_failures).map(|d| now + d);
        let secs = s.wait_secs(now).unwrap_or(1);
        s.error = Some(app.lang.f(T::SignInWait, &[&secs]));
        return;
    };
    if op.locked {
        audit(
            app,
            store,
            AuditKind::SignInFailed,
            &op.code,
            detail::LOCKED,
        );
        app.signin.error = Some(app.lang.f(T::SignInLocked, &[&op.code]));
        return;
    }
    if let Some(at) = op.retry_at().filter(|at| *at > now) {
        app.signin.wait_until = Some(at);
        let secs = app.signin.wait_secs(now).unwrap_or(1);
        app.signin.error = Some(app.lang.f(T::SignInWait, &[&secs]));
        return;
    }
    if !op.pin.verify(&pin) {
        wrong_pin(app, store, &op, now);
        return;
    }
    if !op.active {
        audit(
            app,
            store,
            AuditKind::SignInFailed,
            &op.code,
            detail::DEACTIVATED,
        );
        app.signin.error = Some(app.lang.f(T::SignInInactive, &[&op.code]));
        return;
    }
    let op = match store.note_signed_in(op.id) {
        Ok(op) => op,
        Err(e) => {
            app.signin.error = Some(app.lang.f(T::SignInFailed, &[&e.localize(app.lang)]));
            return;
        }
    };
    start(app, store, &op);
    audit(app, store, AuditKind::SignedIn, &op.code, "");
}

fn wrong_pin(app: &mut App, store: &dyn Store, op: &Operator, now: NaiveDateTime) {
    audit(
        app,
        store,
        AuditKind::SignInFailed,
        &op.code,
        detail::WRONG_PIN,
    );
    let lock_after = app.settings.sign_in_attempts;
    match store.note_failed_sign_in(op.id, now, lock_after) {
        Ok(after) if after.locked => {
            audit(app, store, AuditKind::CodeLocked, &op.code, "");
            app.signin.error = Some(app.lang.f(T::SignInNowLocked, &[&op.code]));
        }
        Ok(after) => {
            app.signin.wait_until = after.retry_at();
            let secs = app.signin.wait_secs(now).unwrap_or(1);
            app.signin.error = Some(app.lang.f(T::SignInWait, &[&secs]));
        }
        Err(e) => {
            app.signin.error = Some(app.lang.f(T::SignInFailed, &[&e.localize(app.lang)]));
        }
    }
}
