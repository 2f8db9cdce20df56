//! What the lobby board (`xfdesk board`) shows, published beside the database as a small file
//! each time the schedule or the leaders and departments change.
//!
//! The board cannot share the database with a running desk (one process holds it), and opening
//! it every refresh could stop a desk from starting. So the store that makes the change writes
//! the public notice fields of the sessions from a week back on, with the names they need, and
//! the board reads only that file. Nothing private goes in: no queue, no appointments, no notes,
//! no matters, no phone numbers.

use std::io::Write;
use std::path::Path;

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::organisation::{Department, Leader};
use crate::domain::schedule::Session;

use super::{Result, Store};

pub const LOBBY_FILE: &str = "lobby.json";

/// Sessions further back than this are of no interest to the lobby.
const DAYS_BACK: u64 = 7;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lobby {
    pub sessions: Vec<Session>,
    pub leaders: Vec<Leader>,
    pub departments: Vec<Department>,
    /// When it was read from the database.
    pub written_at: Option<NaiveDateTime>,
}

impl Lobby {
    /// The public part of `store`'s schedule from a week before `at` on.
    pub fn of(store: &dyn Store, at: NaiveDateTime) -> Result<Lobby> {
        let from = at
            .date()
            .checked_sub_days(Days::new(DAYS_BACK))
            .unwrap_or(at.date());
        let mut sessions = store.sessions_between(from, NaiveDate::MAX)?;
        for s in &mut sessions {
            s.queue.clear();
            s.appointments.clear();
            s.plan.carried.clear();
            s.plan.note.clear();
        }
        let mut departments = store.departments()?;
        for d in &mut departments {
            d.contact.clear();
            d.phone = None;
        }
        Ok(Lobby {
            sessions,
            leaders: store.leaders()?,
            departments,
            written_at: Some(at),
        })
    }

    /// Writes the file in `dir` whole or not at all (a board reading it mid-write sees the
    /// previous one).
    pub fn publish(&self, dir: &Path) -> std::io::Result<()> {
        let text = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        let partial = dir.join(format!("{LOBBY_FILE}.partial"));
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(&text)?;
        file.sync_all()?;
        std::fs::rename(&partial, dir.join(LOBBY_FILE))
    }

    /// The file in `dir`: `None` when there is none yet, an error text when it cannot be read.
    pub fn read(dir: &Path) -> Option<std::result::Result<Lobby, String>> {
        let path = dir.join(LOBBY_FILE);
        let text = match std::fs::read(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => return Some(Err(format!("{}: {e}", path.display()))),
        };
        Some(serde_json::from_slice(&text).map_err(|e| format!("{}: {e}", path.display())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::Stamp;
    use crate::domain::organisation::{NewDepartment, NewLeader};
    use crate::domain::schedule::{Mode, ScheduleChange, SessionPlan};
    use crate::store::memory::MemoryStore;

    fn at(m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, m, d)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap()
    }

    #[test]
    fn the_lobby_holds_the_public_notice_from_a_week_back_and_nothing_private() {
        let store = MemoryStore::new();
        let stamp = Stamp::new(at(11, 1), "admin");
        let leader = store
            .add_leader(
                &NewLeader {
                    name: "李建国".into(),
                    title: "副县长".into(),
                    portfolio: "财政".into(),
                },
                &stamp,
            )
            .unwrap();
        let dept = store
            .add_department(
                &NewDepartment {
                    name: "县自然资源局".into(),
                    contact: "赵科长".into(),
                    phone: None,
                },
                &stamp,
            )
            .unwrap();
        for date in [at(11, 4), at(11, 18), at(11, 25)] {
            let plan = SessionPlan {
                date: date.date(),
                start: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                end: chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
                place: "接待大厅".into(),
                mode: Mode::FixedPlace,
                leader: leader.id,
                sitting_in: vec![dept.id],
                note: "内部备注".into(),
                carried: vec![],
            };
            store
                .change_schedule(&ScheduleChange::Add(plan), &stamp)
                .unwrap();
        }
        let lobby = Lobby::of(&store, at(11, 18)).unwrap();
        let dates: Vec<_> = lobby.sessions.iter().map(|s| s.plan.date).collect();
        assert_eq!(dates, [at(11, 18).date(), at(11, 25).date()]);
        assert!(lobby.sessions.iter().all(|s| s.plan.note.is_empty()));
        assert_eq!(lobby.departments[0].contact, "");
        assert_eq!(lobby.leaders[0].name, "李建国");

        let dir = tempfile::tempdir().unwrap();
        assert!(Lobby::read(dir.path()).is_none());
        lobby.publish(dir.path()).unwrap();
        assert_eq!(Lobby::read(dir.path()).unwrap().unwrap(), lobby);
        std::fs::write(dir.path().join(LOBBY_FILE), b"{not json").unwrap();
        let broken = Lobby::read(dir.path()).unwrap().unwrap_err();
        assert!(broken.contains(LOBBY_FILE), "{broken}");
    }
}
