//! Identity numbers and phones on screen: masked by default (`domain::id_number` and
//! `domain::phone` say how), shown in full for one petitioner at a time, for a few seconds,
//! on a key. Every reveal is recorded in the evidence log before the values show, so a reveal
//! that could not be recorded shows nothing.

use crate::domain::audit::{AuditEvent, AuditKind, subject};
use crate::domain::id_number::IdNumber;
use crate::domain::petitioner::PetitionerId;
use crate::domain::phone::Phone;
use crate::i18n::{Localize, T};
use crate::store::Store;

use super::{App, Screen, Tone};

/// Ticks (about seconds) the full values stay on screen.
pub const REVEAL_TICKS: u16 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reveal {
    pub petitioner: PetitionerId,
    pub ticks_left: u16,
}

impl App {
    fn shows_in_full(&self, petitioner: PetitionerId) -> bool {
        self.reveal.is_some_and(|r| r.petitioner == petitioner)
    }

    /// The identity number as this screen may show it.
    pub fn id_text(&self, petitioner: PetitionerId, id: &IdNumber) -> String {
        if self.shows_in_full(petitioner) {
            id.to_string()
        } else {
            id.masked()
        }
    }

    pub fn phone_text(&self, petitioner: PetitionerId, phone: &Phone) -> String {
        if self.shows_in_full(petitioner) {
            phone.to_string()
        } else {
            phone.masked()
        }
    }
}

/// The petitioner the current screen is about, with the numbers that name them in the log.
fn selected(app: &App) -> Option<(PetitionerId, String)> {
    match app.screen {
        Screen::Detail => app.details.last().map(|d| {
            let v = &d.visit;
            let s = [
                subject::token(subject::PETITIONER, v.petitioner_id.0),
                subject::visit(v.number),
            ];
            (v.petitioner_id, s.join(" "))
        }),
        Screen::Matter => app.matter.as_ref().map(|m| {
            let c = &m.matter.case;
            let s = [
                subject::token(subject::PETITIONER, c.petitioner_id.0),
                subject::matter(c.number),
            ];
            (c.petitioner_id, s.join(" "))
        }),
        Screen::Intake => {
            let entry = app.intake.matches.get(app.intake.match_cursor?)?;
            let p = entry.found.petitioner.id;
            Some((p, subject::token(subject::PETITIONER, p.0)))
        }
        _ => None,
    }
}

/// The reveal key: records the reveal, then shows the selected petitioner's full values.
pub fn reveal(app: &mut App, store: &dyn Store) {
    let Some((petitioner, about)) = selected(app) else {
        let msg = app.t(T::RevealNothing).to_string();
        app.say(Tone::Info, msg);
        return;
    };
    let event = AuditEvent {
        at: app.clock.now(),
        operator: app.operator_code().to_string(),
        kind: AuditKind::Revealed,
        subject: about,
        detail: String::new(),
    };
    match store.record_audit(&event) {
        Ok(_) => {
            app.reveal = Some(Reveal {
                petitioner,
                ticks_left: REVEAL_TICKS,
            });
            let msg = app.lang.f(T::Revealed, &[&REVEAL_TICKS]);
            app.say(Tone::Warn, msg);
        }
        Err(e) => {
            let msg = app.lang.f(T::RevealNotRecorded, &[&e.localize(app.lang)]);
            app.say(Tone::Error, msg);
        }
    }
}

/// Time passes: the full values go once their time is up, and at once when the screen
/// changes to another record.
pub fn tick(app: &mut App) {
    if let Some(r) = app.reveal.as_mut() {
        r.ticks_left = r.ticks_left.saturating_sub(1);
        if r.ticks_left == 0 {
            app.reveal = None;
        }
    }
    if selected(app).map(|(p, _)| p) != app.reveal.map(|r| r.petitioner) {
        app.reveal = None;
    }
}
