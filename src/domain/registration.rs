//! What registering a visit does to the records, independent of where they are kept: the visit
//! is numbered, a first visit opens a matter, a returning petitioner's details are brought up to
//! date without forgetting what today's visit did not mention.

use chrono::Datelike;

use super::case::{Case, CaseId, CaseState};
use super::id_number::IdNumber;
use super::petitioner::{Person, Petitioner, PetitionerId, Sex};
use super::serial::SerialNo;
use super::visit::{NewVisit, Visit, VisitId};

/// Ids and numbers the store handed out for one registration. `case` is set only when the
/// visit opens a new matter, `petitioner` only for a new petitioner.
#[derive(Clone, Copy, Debug)]
pub struct Allocation {
    pub visit: VisitId,
    pub visit_number: SerialNo,
    pub petitioner: Option<PetitionerId>,
    pub case: Option<(CaseId, SerialNo)>,
}

/// Petitioners a batch of registrations created so far (an imported ledger), by the identity
/// number and name they were created with.
#[derive(Clone, Debug, Default)]
pub struct BatchPeople(Vec<(IdNumber, String, PetitionerId)>);

impl BatchPeople {
    /// `new` as it is to be registered: a newcomer with the identity number and name of
    /// someone this batch already created is that person, not a second petitioner.
    pub fn resolve<'a>(&self, new: &'a NewVisit) -> std::borrow::Cow<'a, NewVisit> {
        let p = &new.petitioner;
        let same = new.existing_petitioner.is_none().then(|| {
            self.0
                .iter()
                .find(|(id, name, _)| p.id_number.as_ref() == Some(id) && *name == p.name)
                .map(|(_, _, pid)| *pid)
        });
        match same.flatten() {
            Some(pid) => std::borrow::Cow::Owned(NewVisit {
                existing_petitioner: Some(pid),
                ..new.clone()
            }),
            None => std::borrow::Cow::Borrowed(new),
        }
    }

    /// Remembers the petitioner a registration of `new` created.
    pub fn created(&mut self, new: &NewVisit, petitioner: PetitionerId) {
        if let Some(id) = &new.petitioner.id_number {
            self.0
                .push((id.clone(), new.petitioner.name.clone(), petitioner));
        }
    }
}

/// The year whose counter numbers this visit (and the matter it opens).
pub fn numbering_year(visit: &NewVisit) -> i32 {
    visit.received_at.year()
}

/// Builds the stored records. `petitioner` and `case` are the existing records the visit refers
/// to (already loaded by the store); the allocation supplies ids for whatever is new.
pub fn assemble(
    new: &NewVisit,
    petitioner: Option<Petitioner>,
    case: Option<Case>,
    alloc: Allocation,
) -> (Visit, Petitioner, Case) {
    let at = new.received_at;
    let petitioner = match petitioner {
        Some(mut p) => {
            p.person = merge_person(&p.person, &new.petitioner);
            p.first_visit_at = p.first_visit_at.min(at);
            p.last_visit_at = p.last_visit_at.max(at);
            p.visit_count += 1;
            p
        }
        None => Petitioner {
            id: alloc.petitioner.unwrap_or(PetitionerId(0)),
            person: new.petitioner.clone(),
            first_visit_at: at,
            last_visit_at: at,
            visit_count: 1,
        },
    };
    let case = match (case, alloc.case) {
        (Some(mut c), _) => {
            c.visit_count += 1;
            c.last_visit_at = c.last_visit_at.max(at);
            c
        }
        (None, new_case) => {
            let (id, number) = new_case.unwrap_or((CaseId(0), alloc.visit_number));
            Case {
                id,
                number,
                petitioner_id: petitioner.id,
                first_visit: alloc.visit,
                opened_at: at,
                last_visit_at: at,
                visit_count: 1,
                kind: new.kind,
                category: new.category.clone(),
                summary: new.summary.clone(),
                state: CaseState::Registered,
            }
        }
    };
    let visit = Visit {
        id: alloc.visit,
        number: alloc.visit_number,
        case_id: case.id,
        petitioner_id: petitioner.id,
        channel: new.channel,
        received_at: at,
        received_by: new.received_by.clone(),
        petitioner: new.petitioner.clone(),
        co_petitioners: new.co_petitioners.clone(),
        head_count: new.head_count,
        group: new.group,
        kind: new.kind,
        category: new.category.clone(),
        summary: new.summary.clone(),
    };
    (visit, petitioner, case)
}

/// Today's details win; what today's visit left empty keeps its earlier value (a letter has
/// no phone, that does not erase the phone we knew).
fn merge_person(old: &Person, new: &Person) -> Person {
    Person {
        name: if new.name.is_empty() {
            old.name.clone()
        } else {
            new.name.clone()
        },
        sex: if new.sex == Sex::Unknown {
            old.sex
        } else {
            new.sex
        },
        id_number: new.id_number.clone().or_else(|| old.id_number.clone()),
        phone: new.phone.clone().or_else(|| old.phone.clone()),
        address: if new.address.is_empty() {
            old.address.clone()
        } else {
            new.address.clone()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::phone::Phone;
    use crate::domain::visit::{CaseLink, Channel, Kind};
    use chrono::{NaiveDate, NaiveDateTime};

    fn at(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    fn new_visit(day: u32, phone: Option<&str>) -> NewVisit {
        NewVisit {
            channel: Channel::WalkIn,
            received_at: at(day),
            recorded_at: None,
            received_by: "clerk".into(),
            petitioner: Person {
                name: "王芳".into(),
                phone: phone.map(|p| Phone::parse(p).unwrap()),
                address: "思茅区".into(),
                ..Person::default()
            },
            existing_petitioner: None,
            co_petitioners: vec![],
            head_count: 1,
            group: false,
            kind: Kind::Appeal,
            category: "劳动社保".into(),
            summary: "讨要工资".into(),
            case: CaseLink::New,
            receiving_leader: None,
        }
    }

    #[test]
    fn a_first_visit_opens_a_matter_with_its_own_number() {
        let alloc = Allocation {
            visit: VisitId(1),
            visit_number: SerialNo { year: 2026, seq: 1 },
            petitioner: Some(PetitionerId(5)),
            case: Some((CaseId(9), SerialNo { year: 2026, seq: 3 })),
        };
        let (visit, p, case) = assemble(&new_visit(10, None), None, None, alloc);
        assert_eq!(case.number, SerialNo { year: 2026, seq: 3 });
        assert_eq!(case.first_visit, VisitId(1));
        assert_eq!(visit.case_id, CaseId(9));
        assert_eq!(visit.petitioner_id, PetitionerId(5));
        assert_eq!(p.visit_count, 1);
        assert_eq!(case.summary, "讨要工资");
    }

    #[test]
    fn a_returning_petitioner_keeps_what_today_did_not_mention() {
        let alloc = Allocation {
            visit: VisitId(1),
            visit_number: SerialNo { year: 2026, seq: 1 },
            petitioner: Some(PetitionerId(5)),
            case: Some((CaseId(9), SerialNo { year: 2026, seq: 1 })),
        };
        let (_, p, case) = assemble(&new_visit(10, Some("13900001111")), None, None, alloc);
        let alloc2 = Allocation {
            visit: VisitId(2),
            visit_number: SerialNo { year: 2026, seq: 2 },
            petitioner: None,
            case: None,
        };
        let mut again = new_visit(3, None);
        again.existing_petitioner = Some(p.id);
        again.case = CaseLink::Existing(case.id);
        let (visit, p2, case2) = assemble(&again, Some(p), Some(case), alloc2);
        assert_eq!(
            p2.person.phone.as_ref().map(Phone::as_str),
            Some("13900001111")
        );
        assert_eq!(p2.visit_count, 2);
        assert_eq!(p2.first_visit_at, at(3));
        assert_eq!(p2.last_visit_at, at(10));
        assert_eq!(case2.visit_count, 2);
        assert_eq!(case2.id, CaseId(9));
        assert_eq!(visit.case_id, CaseId(9));
    }
}
