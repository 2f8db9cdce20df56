//! Building what the contract tests register: times, identity numbers with real check digits,
//! phones, and visits of people with Chinese names.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use xfdesk::domain::id_number::{IdNumber, check_char};
use xfdesk::domain::organisation::LeaderId;
use xfdesk::domain::petitioner::{Person, PetitionerId, Sex};
use xfdesk::domain::phone::Phone;
use xfdesk::domain::visit::{CaseLink, Channel, Kind, NewVisit};
use xfdesk::store::Registered;
use xfdesk::store::sled_store::SledStore;

/// A day the identity numbers are checked against: every birth date below is before it.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// 2026-11-`day` at `hour`:00.
pub fn nov(day: u32, hour: u32) -> NaiveDateTime {
    at(2026, 11, day, hour, 0)
}

pub fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
}

/// The 18 characters of a valid identity number: region, birth date (YYYYMMDD), a three-digit
/// sequence (odd for a man), and the GB 11643 check character.
pub fn id_text(region: &str, birth: &str, seq: &str) -> String {
    let body = format!("{region}{birth}{seq}");
    assert_eq!(body.len(), 17, "region 6 + birth 8 + sequence 3");
    format!("{body}{}", check_char(&body))
}

/// Parses an identity number as the intake form does (full width folded, `x` upper-cased).
pub fn id(text: &str) -> IdNumber {
    IdNumber::parse(text, today()).unwrap()
}

pub fn phone(text: &str) -> Phone {
    Phone::parse(text).unwrap()
}

/// ASCII digits and `X` as the full-width characters a Chinese input method delivers.
pub fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
            other => other,
        })
        .collect()
}

/// The administrator who sets up leaders and departments in the tests, and when.
pub fn admin() -> xfdesk::domain::ledger::Stamp {
    xfdesk::domain::ledger::Stamp::new(at(2026, 11, 1, 8, 0), "管理员")
}

/// A first walk-in visit by `name`, opening a new matter.
pub fn walk_in(name: &str, received_at: NaiveDateTime) -> NewVisit {
    NewVisit {
        channel: Channel::WalkIn,
        received_at,
        recorded_at: None,
        received_by: "登记员甲".into(),
        petitioner: Person {
            name: name.into(),
            sex: Sex::Unknown,
            id_number: None,
            phone: None,
            address: "云南省普洱市思茅区南屏镇".into(),
        },
        existing_petitioner: None,
        co_petitioners: vec![],
        head_count: 1,
        group: false,
        kind: Kind::Appeal,
        category: "劳动社保".into(),
        summary: format!("{name}反映工资被拖欠"),
        case: CaseLink::New,
        receiving_leader: None,
    }
}

/// Changes to a visit under construction, read as a sentence: `walk_in(…).phone(…).id(…)`.
pub trait VisitBuilder: Sized {
    fn phone(self, text: &str) -> Self;
    fn id(self, text: &str) -> Self;
    fn address(self, text: &str) -> Self;
    fn channel(self, channel: Channel) -> Self;
    fn summary(self, text: &str) -> Self;
    /// The clerk picked this known petitioner in the repeat panel; a new matter.
    fn by(self, petitioner: PetitionerId) -> Self;
    /// The same petitioner again, on the same matter as `earlier`.
    fn again_on(self, earlier: &Registered) -> Self;
    /// Received at this leader's reception.
    fn at_reception_of(self, leader: LeaderId) -> Self;
}

impl VisitBuilder for NewVisit {
    fn phone(mut self, text: &str) -> Self {
        self.petitioner.phone = Some(phone(text));
        self
    }

    fn id(mut self, text: &str) -> Self {
        let number = id(text);
        self.petitioner.sex = number.sex();
        self.petitioner.id_number = Some(number);
        self
    }

    fn address(mut self, text: &str) -> Self {
        self.petitioner.address = text.into();
        self
    }

    fn channel(mut self, channel: Channel) -> Self {
        self.channel = channel;
        self
    }

    fn summary(mut self, text: &str) -> Self {
        self.summary = text.into();
        self
    }

    fn by(mut self, petitioner: PetitionerId) -> Self {
        self.existing_petitioner = Some(petitioner);
        self
    }

    fn again_on(mut self, earlier: &Registered) -> Self {
        self.existing_petitioner = Some(earlier.petitioner.id);
        self.case = CaseLink::Existing(earlier.case.id);
        self
    }

    fn at_reception_of(mut self, leader: LeaderId) -> Self {
        self.receiving_leader = Some(leader);
        self
    }
}

/// A sled database in a temporary directory that a test can close and open again.
pub struct TempSled {
    store: Option<SledStore>,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl TempSled {
    pub fn new() -> TempSled {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("xfdesk");
        TempSled {
            store: Some(SledStore::open(&path).unwrap()),
            path,
            _dir: dir,
        }
    }

    pub fn store(&self) -> &SledStore {
        self.store.as_ref().expect("the database is open")
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Drops the store, as quitting xfdesk does, releasing the lock.
    pub fn close(&mut self) {
        self.store = None;
    }

    /// Takes the open store out, for an operation that consumes it (compaction).
    pub fn take(&mut self) -> SledStore {
        self.store.take().expect("the database is open")
    }

    /// Closes the database and opens its sled directly, as someone with a hex editor would
    /// reach it. The closed store's flusher may hold sled's file lock a moment longer.
    pub fn raw(&mut self) -> sled::Db {
        self.close();
        let started = std::time::Instant::now();
        loop {
            match sled::open(self.path.join("sled")) {
                Ok(raw) => return raw,
                Err(_) if started.elapsed().as_secs() < 3 => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => panic!("cannot open the closed database: {e}"),
            }
        }
    }

    /// Closes the database and opens the same directory again.
    pub fn reopen(&mut self) -> &SledStore {
        self.close();
        self.store = Some(SledStore::open(&self.path).unwrap());
        self.store()
    }
}
