//! The whole state of the screen in one `App`, and `update` as the only place it changes.
//! Per-screen state lives in its own module; views in `ui` only read it.

pub mod action;
pub mod backup;
pub mod clock;
pub mod co_petitioner;
mod confidential;
pub mod detail;
pub mod dialog;
pub mod directory;
pub mod field;
pub mod first_admin;
pub mod intake;
pub mod keymap;
pub mod ledger;
pub mod matter;
pub mod matter_action;
pub mod matters;
pub mod operators;
pub mod org;
pub mod org_form;
pub mod privacy;
pub mod reacceptance;
pub mod receiving;
pub mod reception_day;
pub mod repeat;
pub mod rota;
pub mod session;
pub mod session_form;
pub mod start;
pub mod supervisor;
mod update;
pub mod visits;
pub mod week;

use std::path::PathBuf;
use std::sync::Arc;

pub use action::{Action, Command};
pub use clock::{Clock, FixedClock, SystemClock};
pub use update::{Effect, update};

use crate::domain::calendar::HolidayCalendar;
use crate::domain::deadline::DeadlinePolicy;
use crate::domain::office::OfficeSettings;
use crate::i18n::{Lang, T};
use crate::store::Store;

use self::detail::VisitDetail;
use self::directory::Directory;
use self::first_admin::FirstAdminForm;
use self::intake::IntakeForm;
use self::keymap::KeyMap;
use self::matter::MatterView;
use self::matters::MattersList;
use self::operators::OperatorsScreen;
use self::org::OrgScreen;
use self::session::{Drafts, SignInScreen, SignedIn};
use self::start::StartScreen;
use self::visits::VisitsList;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Login code and PIN: before anything else, and after a switch or an idle lock.
    SignIn,
    /// An empty database's first administrator, before anything else.
    FirstAdmin,
    /// Offered once on an empty database: demo data or an empty start.
    Start,
    Intake,
    Visits,
    Detail,
    /// Open matters with their deadlines, tabs and filters.
    Matters,
    /// One matter in full, with the actions its state allows.
    Matter,
    /// Leaders and departments (F7).
    Organisation,
    /// The evidence log, filtered (F11).
    Ledger,
    /// Operators, for administrators: the third tab of F7.
    Operators,
    /// The supervisor view (Ctrl-G), supervisors only.
    Supervisor,
    /// The week of reception sessions and one session's detail (Ctrl-W).
    Week,
}

/// Where the database stands. The first frame is drawn while it is still opening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbStatus {
    Opening,
    Ready { visits: u64, demo: bool },
    Failed(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmKind {
    Discard,
    Quit,
    /// Delete the selected leader or department.
    Delete,
    /// Close the leader or department form with its changes unsaved.
    DiscardForm,
    /// Remove the selected reception session.
    RemoveSession,
    /// Receive the selected arrival, giving up the intake form's unsaved typing.
    ReceiveOver,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// `act` is true when the destructive button is chosen; it starts false.
    Confirm {
        kind: ConfirmKind,
        act: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Ok,
    Warn,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
    /// Ticks (about seconds) left before it fades.
    pub ttl: u16,
}

/// Settings fixed at start-up.
pub struct Setup {
    pub lang: Lang,
    pub settings: OfficeSettings,
    pub keymap: KeyMap,
    pub clock: Arc<dyn Clock>,
    pub db_path: PathBuf,
    /// How many visits "load demo data" on the start screen generates.
    pub demo_visits: u64,
    pub policy: DeadlinePolicy,
    pub calendar: HolidayCalendar,
}

pub struct App {
    pub lang: Lang,
    /// Who is signed in; nobody before the sign-in and after a lock.
    pub session: Option<SignedIn>,
    pub signin: SignInScreen,
    pub first_admin: FirstAdminForm,
    /// Unfinished work of operators who locked the screen, by login code.
    pub drafts: Drafts,
    /// The last key, for the idle lock.
    pub last_input: chrono::NaiveDateTime,
    pub settings: OfficeSettings,
    pub keymap: KeyMap,
    pub clock: Arc<dyn Clock>,
    pub db_path: PathBuf,
    pub demo_visits: u64,
    pub db: DbStatus,
    pub screen: Screen,
    pub intake: IntakeForm,
    pub visits: VisitsList,
    /// Open visit details, the last one on top; Enter on a history row opens another.
    pub details: Vec<VisitDetail>,
    pub start: StartScreen,
    pub matters: MattersList,
    pub matter: Option<MatterView>,
    /// Where Esc leaves the matter screen for.
    pub matter_back: Screen,
    pub policy: DeadlinePolicy,
    pub calendar: HolidayCalendar,
    /// Years (this one or the next) the holiday calendar lacks: working-day limits may be
    /// off, and the header says so.
    pub calendar_missing: Vec<i32>,
    pub org: OrgScreen,
    pub ledger: ledger::LedgerScreen,
    /// The one petitioner whose full ID number and phone show, for a few more ticks.
    pub reveal: Option<privacy::Reveal>,
    pub ops: OperatorsScreen,
    pub supervisor: supervisor::SupervisorScreen,
    pub week: week::WeekScreen,
    pub overlay: Option<Overlay>,
    /// Rows of the key list scrolled past, when it is longer than the window.
    pub help_scroll: usize,
    pub status: Option<Status>,
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    pub fn new(setup: Setup) -> App {
        let intake = IntakeForm::new(&setup.settings);
        let calendar_missing = setup.calendar.missing_years(setup.clock.today());
        App {
            lang: setup.lang,
            session: None,
            signin: SignInScreen::default(),
            first_admin: FirstAdminForm::default(),
            drafts: Drafts::default(),
            last_input: setup.clock.now(),
            settings: setup.settings,
            keymap: setup.keymap,
            clock: setup.clock,
            db_path: setup.db_path,
            demo_visits: setup.demo_visits,
            db: DbStatus::Opening,
            screen: Screen::SignIn,
            intake,
            visits: VisitsList::default(),
            details: Vec::new(),
            start: StartScreen::default(),
            matters: MattersList::default(),
            matter: None,
            matter_back: Screen::Matters,
            policy: setup.policy,
            calendar: setup.calendar,
            calendar_missing,
            org: OrgScreen::default(),
            ledger: ledger::LedgerScreen::default(),
            reveal: None,
            ops: OperatorsScreen::default(),
            supervisor: supervisor::SupervisorScreen::default(),
            week: week::WeekScreen::default(),
            overlay: None,
            help_scroll: 0,
            status: None,
            size: (80, 24),
            quit: false,
        }
    }

    /// Names of leaders and departments, from the lists the F7 screen keeps.
    pub fn directory(&self) -> Directory<'_> {
        Directory {
            leaders: &self.org.leaders,
            departments: &self.org.departments,
        }
    }

    /// Text typed into a matter's action dialog and not yet recorded.
    pub fn matter_dialog_typed(&self) -> bool {
        self.matter
            .as_ref()
            .and_then(|m| m.dialog.as_ref())
            .is_some_and(|d| d.has_typing())
    }

    pub fn db_ready(&self) -> bool {
        matches!(self.db, DbStatus::Ready { .. })
    }

    pub fn say(&mut self, tone: Tone, text: String) {
        let ttl = match tone {
            Tone::Error | Tone::Warn => 20,
            Tone::Info | Tone::Ok => 10,
        };
        self.status = Some(Status { text, tone, ttl });
    }

    pub fn t(&self, key: T) -> &'static str {
        self.lang.t(key)
    }

    /// Whether the focused widget takes typed characters; plain-letter keys are then typing.
    pub fn text_focus(&self) -> bool {
        if self.overlay.is_some() {
            return false;
        }
        match self.screen {
            Screen::Intake => self.intake.text_focus(),
            Screen::Visits => self.visits.search_focus,
            Screen::Matters => self.matters.search_focus && self.matters.filter_dialog.is_none(),
            Screen::Matter => self
                .matter
                .as_ref()
                .and_then(|m| m.dialog.as_ref())
                .and_then(|d| d.fields.get(d.focus))
                .is_some_and(dialog::DialogField::takes_typing),
            Screen::Organisation => self.org.form.is_some(),
            Screen::Ledger => self.ledger.filter_focus(),
            Screen::SignIn | Screen::FirstAdmin => true,
            Screen::Operators => self
                .ops
                .form
                .as_ref()
                .is_some_and(|f| f.text(f.focused_field()).is_some()),
            Screen::Week => {
                self.week.entry.is_some()
                    || self.week.form.as_ref().is_some_and(|f| {
                        matches!(
                            f.fields.get(f.focus).map(|d| &d.input),
                            Some(dialog::Input::Text(_))
                        )
                    })
            }
            Screen::Start | Screen::Detail | Screen::Supervisor => false,
        }
    }

    /// The store's handle is needed by `update` only when the database is ready; the shell
    /// passes a placeholder before that (see `store::opening`).
    pub fn needs_store(&self) -> bool {
        self.db_ready()
    }
}

/// The database handle for a screen that must not wait for it.
pub type SharedStore = Arc<dyn Store>;
