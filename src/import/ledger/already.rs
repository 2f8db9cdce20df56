//! Recognising a row imported before, so importing the same file twice adds nothing.

use chrono::NaiveDateTime;

use crate::domain::case::CaseId;
use crate::domain::petitioner::{Person, PetitionerId};
use crate::domain::text::tidy;
use crate::domain::visit::NewVisit;
use crate::store::Store;

/// What makes two rows the same visit: the person (by ID number, else phone, else name), the
/// day, and the request.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Fingerprint {
    who: String,
    day: chrono::NaiveDate,
    request: String,
}

impl Fingerprint {
    pub(super) fn of(v: &NewVisit) -> Fingerprint {
        Fingerprint::new(&v.petitioner, v.received_at, &v.summary)
    }

    fn new(p: &Person, at: NaiveDateTime, summary: &str) -> Self {
        let who = match (&p.id_number, &p.phone) {
            (Some(id), _) => id.to_string(),
            (None, Some(phone)) => format!("{}/{phone}", p.name),
            (None, None) => p.name.clone(),
        };
        Fingerprint {
            who,
            day: at.date(),
            request: tidy(summary),
        }
    }
}

/// The matter of the visit when it is already in the store, and the stored petitioner it
/// belongs to (the one with its ID number), so a known person is not registered a second time.
pub(super) fn in_store(
    store: &dyn Store,
    visit: &NewVisit,
) -> crate::store::Result<(Option<CaseId>, Option<PetitionerId>)> {
    let person = &visit.petitioner;
    let mut candidates = match (&person.id_number, &person.phone) {
        (Some(id), _) => store.petitioners_by_id_number(id)?,
        (None, Some(phone)) => store.petitioners_by_phone(phone)?,
        (None, None) => store.petitioners_by_name(&person.name)?,
    };
    candidates.retain(|p| p.person.name == person.name);
    let print = Fingerprint::of(visit);
    for p in &candidates {
        for v in store.visits_of_petitioner(p.id, usize::MAX)? {
            if Fingerprint::new(&v.petitioner, v.received_at, &v.summary) == print {
                return Ok((Some(v.case_id), Some(p.id)));
            }
        }
    }
    let existing = candidates
        .iter()
        .find(|p| person.id_number.is_some() && p.person.id_number == person.id_number)
        .map(|p| p.id);
    Ok((None, existing))
}
