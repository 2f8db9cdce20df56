//! Driving the real desk (key map, update, views) on a headless backend, as a clerk would.
#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use xfdesk::app::keymap::KeyMap;
use xfdesk::app::{App, FixedClock, Setup};
use xfdesk::domain::id_number::check_char;
use xfdesk::domain::office::OfficeSettings;
use xfdesk::domain::operator::{NewOperator, Operator, PinHash};
use xfdesk::domain::organisation::{Department, Leader, LeaderId, NewDepartment, NewLeader};
use xfdesk::domain::permission::Role;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;
use xfdesk::theme::Theme;
use xfdesk::tui::{Desk, Message};

pub mod faulty;
pub mod hostile;
pub mod week;

pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 18)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

/// A valid identity number for a birth date and sequence (odd sequence: a man).
pub fn id_number(region: &str, birth: &str, seq: &str) -> String {
    let body = format!("{region}{birth}{seq}");
    format!("{body}{}", check_char(&body))
}

pub struct TestDesk {
    pub desk: Desk<TestBackend>,
    pub store: Arc<MemoryStore>,
    pub clock: Arc<FixedClock>,
}

/// The PIN of every operator the tests add.
pub const PIN: &str = "123456";

/// One hash for all test operators: argon2 is slow on purpose.
pub fn pin_hash() -> PinHash {
    static HASH: OnceLock<PinHash> = OnceLock::new();
    HASH.get_or_init(|| PinHash::new(PIN).unwrap()).clone()
}

/// The test operator of a role: its login code, which is also its name.
pub fn code_of(role: Role) -> &'static str {
    match role {
        Role::Clerk => "clerk1",
        Role::Secretary => "sec1",
        Role::Supervisor => "sup1",
        Role::Administrator => "admin1",
    }
}

/// Adds the test operator of `role` (PIN `PIN`) unless the store has it already.
pub fn add_operator(store: &dyn Store, role: Role, leader: Option<LeaderId>) -> Operator {
    let code = code_of(role);
    if let Some(op) = store.operator_by_code(code).unwrap() {
        return op;
    }
    store
        .add_operator(&NewOperator {
            code: code.into(),
            name: code.into(),
            role,
            pin: pin_hash(),
            leader,
        })
        .unwrap()
}

/// A desk on an open in-memory database (or still opening, when `open` is false), signed in as
/// a clerk once open.
pub fn desk(lang: Lang, width: u16, height: u16, store: Arc<MemoryStore>, open: bool) -> TestDesk {
    desk_as(Role::Clerk, lang, width, height, store, open)
}

/// As `desk`, signed in as the test operator of `role`.
pub fn desk_as(
    role: Role,
    lang: Lang,
    width: u16,
    height: u16,
    store: Arc<MemoryStore>,
    open: bool,
) -> TestDesk {
    add_operator(&*store, role, None);
    let mut d = bare_desk(lang, width, height);
    if open {
        d.desk
            .handle(Message::Opened(Ok(store.clone() as Arc<dyn Store>)));
        d.sign_in(code_of(role), PIN);
        // The welcome would sit on the status line of every screen a test looks at.
        d.desk.app.status = None;
    }
    d.store = store;
    d
}

/// A desk whose database is still opening, on the sign-in screen.
pub fn bare_desk(lang: Lang, width: u16, height: u16) -> TestDesk {
    let clock = Arc::new(FixedClock::new(now()));
    let app = App::new(Setup {
        lang,
        settings: OfficeSettings::default(),
        keymap: KeyMap::default(),
        clock: clock.clone(),
        db_path: "/srv/xfdesk/desk".into(),
        demo_visits: 2000,
        policy: Default::default(),
        calendar: xfdesk::domain::calendar::HolidayCalendar::built_in(),
    });
    let theme = Theme::built_in("dark").unwrap();
    let terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut desk = Desk::new(terminal, app, theme, false);
    desk.handle(Message::Term(Event::Resize(width, height)));
    let store = Arc::new(MemoryStore::new());
    TestDesk { desk, store, clock }
}

impl TestDesk {
    /// Types the code and PIN on the sign-in screen and presses Enter.
    pub fn sign_in(&mut self, code: &str, pin: &str) -> &mut Self {
        self.type_text(code)
            .tab(1)
            .type_text(pin)
            .key(KeyCode::Enter)
    }

    /// Ctrl-L: locks the screen for the next operator.
    pub fn switch(&mut self) -> &mut Self {
        self.ctrl('l')
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.desk.handle(Message::Term(Event::Key(KeyEvent::new(
            code,
            KeyModifiers::NONE,
        ))));
        self
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.desk.handle(Message::Term(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        ))));
        self
    }

    pub fn shift_tab(&mut self) -> &mut Self {
        self.desk.handle(Message::Term(Event::Key(KeyEvent::new(
            KeyCode::BackTab,
            KeyModifiers::SHIFT,
        ))));
        self
    }

    /// Types text key by key, as an input method delivers committed characters.
    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    pub fn paste(&mut self, text: &str) -> &mut Self {
        self.desk
            .handle(Message::Term(Event::Paste(text.to_string())));
        self
    }

    pub fn tab(&mut self, times: usize) -> &mut Self {
        for _ in 0..times {
            self.key(KeyCode::Tab);
        }
        self
    }

    pub fn app(&self) -> &App {
        &self.desk.app
    }

    /// Draws and returns the screen as text, one line per row.
    pub fn screen(&mut self) -> String {
        self.desk.draw().unwrap();
        let buffer = self.desk.terminal.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                line.push_str(symbol);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    pub fn backend(&mut self) -> &TestBackend {
        self.desk.draw().unwrap();
        self.desk.terminal.backend()
    }

    pub fn cursor(&mut self) -> (u16, u16) {
        self.desk.draw().unwrap();
        let p = self.desk.terminal.get_cursor_position().unwrap();
        (p.x, p.y)
    }

    /// Fills the form for 张三 from the name onwards (focus on the name field).
    pub fn fill_zhang_san(&mut self) -> &mut Self {
        self.type_text("张三").tab(1).fill_after_name()
    }

    /// Fills 张三's form from the ID number onwards (focus on the ID number field).
    pub fn fill_after_name(&mut self) -> &mut Self {
        self.type_text("11010519491231002X")
            .tab(2)
            .type_text("13812345678")
            .tab(1)
            .type_text("云南省普洱市思茅区南屏镇曼连村")
            .tab(6)
            .type_text("要求落实征地补偿款")
    }
}

/// The administrator who sets up leaders and departments in the tests, and when.
#[allow(dead_code)]
pub fn admin() -> xfdesk::domain::ledger::Stamp {
    xfdesk::domain::ledger::Stamp::new(now(), "管理员")
}

/// A walk-in visit by a new petitioner with a mobile phone, registered by clerk1: what most
/// tests start from. A test changes what it is about with struct update syntax.
pub fn walk_in(name: &str, phone: &str, at: NaiveDateTime) -> xfdesk::domain::visit::NewVisit {
    use xfdesk::domain::petitioner::Person;
    use xfdesk::domain::phone::Phone;
    use xfdesk::domain::visit::{CaseLink, Channel, Kind, NewVisit};
    NewVisit {
        channel: Channel::WalkIn,
        received_at: at,
        recorded_at: None,
        received_by: "clerk1".into(),
        petitioner: Person {
            name: name.into(),
            phone: Some(Phone::parse(phone).expect("a valid phone")),
            ..Person::default()
        },
        existing_petitioner: None,
        co_petitioners: vec![],
        head_count: 1,
        group: false,
        kind: Kind::Appeal,
        category: "其他".into(),
        summary: String::new(),
        case: CaseLink::New,
        receiving_leader: None,
    }
}

/// 2026-`month`-`day` at `hour`:`minute`.
pub fn on(month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, month, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("a real date")
}

/// A leader the administrator added, with no portfolio.
pub fn add_leader(store: &dyn Store, name: &str, title: &str) -> Leader {
    let leader = NewLeader {
        name: name.into(),
        title: title.into(),
        portfolio: String::new(),
    };
    store.add_leader(&leader, &admin()).unwrap()
}

/// A department the administrator added, with neither contact nor phone.
pub fn add_department(store: &dyn Store, name: &str) -> Department {
    let department = NewDepartment {
        name: name.into(),
        contact: String::new(),
        phone: None,
    };
    store.add_department(&department, &admin()).unwrap()
}
