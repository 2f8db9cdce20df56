//! Turning what the clerk typed into a visit the store can keep, or saying field by field what
//! is wrong. The form calls the same rules when the clerk leaves a field and when they save.

use chrono::NaiveDateTime;

use super::date::{DateError, parse_datetime};
use super::id_number::{IdNumber, IdNumberError};
use super::office::OfficeSettings;
use super::organisation::LeaderId;
use super::petitioner::{ADDRESS_MAX_CHARS, NameError, Person, PetitionerId, Sex, validate_name};
use super::phone::{Phone, PhoneError};
use super::text::{fold_fullwidth, tidy};
use super::visit::{CaseLink, Channel, CoPetitioner, Kind, MAX_REPRESENTATIVES, NewVisit};

pub const SUMMARY_MAX_CHARS: usize = 4000;

/// The intake form's fields in focus order. The matter comes before kind, category and request:
/// joining a returning petitioner's matter fills those in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Channel,
    ReceivedAt,
    /// The leader whose reception this is (接访领导); chosen, never typed in free.
    ReceivingLeader,
    Name,
    IdNumber,
    Sex,
    Phone,
    Address,
    HeadCount,
    CoPetitioners,
    Case,
    Kind,
    Category,
    Summary,
}

impl Field {
    /// Fields whose value is one of a list, chosen rather than typed.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            Field::Channel | Field::Sex | Field::Kind | Field::Category
        )
    }

    pub const ALL: [Field; 14] = [
        Field::Channel,
        Field::ReceivedAt,
        Field::ReceivingLeader,
        Field::Name,
        Field::IdNumber,
        Field::Sex,
        Field::Phone,
        Field::Address,
        Field::HeadCount,
        Field::CoPetitioners,
        Field::Case,
        Field::Kind,
        Field::Category,
        Field::Summary,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IntakeError {
    #[error(transparent)]
    Name(#[from] NameError),
    #[error(transparent)]
    IdNumber(#[from] IdNumberError),
    #[error(transparent)]
    Phone(#[from] PhoneError),
    #[error(transparent)]
    Date(#[from] DateError),
    #[error("received time is in the future")]
    ReceivedInFuture,
    #[error("sex does not match the identity number ({id_says:?})")]
    SexContradictsId { id_says: Sex },
    #[error("a walk-in visitor needs an identity number or a phone")]
    ContactRequired,
    #[error("address is longer than {max} characters")]
    AddressTooLong { max: usize },
    #[error("'{text}' is not a number of people")]
    HeadCount { text: String },
    #[error("head count is below the {people} people registered")]
    HeadCountBelowPeople { people: u32 },
    #[error("{count} representatives; at most {MAX_REPRESENTATIVES} are allowed")]
    TooManyRepresentatives { count: usize },
    #[error("category '{category}' is not in the office's list")]
    UnknownCategory { category: String },
    #[error("the request (诉求) is required")]
    SummaryRequired,
    #[error("the request is longer than {max} characters")]
    SummaryTooLong { max: usize },
}

/// What the clerk typed, as text, plus the choices made from lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntakeInput {
    pub channel: Channel,
    /// Empty means "now".
    pub received_at: String,
    pub name: String,
    pub id_number: String,
    pub sex: Sex,
    pub phone: String,
    pub address: String,
    /// Empty means the people registered: the petitioner and the co-petitioners.
    pub head_count: String,
    pub co_petitioners: Vec<CoPetitioner>,
    pub kind: Kind,
    pub category: String,
    pub summary: String,
    pub existing_petitioner: Option<PetitionerId>,
    pub case: CaseLink,
    /// Chosen from the active leaders; the first to receive a matter holds it (首接负责).
    pub receiving_leader: Option<LeaderId>,
}

pub type FieldErrors = Vec<(Field, IntakeError)>;

/// Context the rules need and the core does not keep: the office's settings, the moment of
/// saving, and who is saving.
pub struct IntakeContext<'a> {
    pub settings: &'a OfficeSettings,
    pub now: NaiveDateTime,
    pub operator: &'a str,
}

impl IntakeInput {
    /// Checks every field; on success the visit is ready for the store.
    pub fn validate(&self, ctx: &IntakeContext) -> Result<NewVisit, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut check = |field: Field, r: Result<(), IntakeError>| {
            if let Err(e) = r {
                errors.push((field, e));
            }
        };
        let received_at = self.parse_received_at(ctx);
        check(
            Field::ReceivedAt,
            received_at.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let name = validate_name(&self.name).map_err(IntakeError::from);
        check(Field::Name, name.as_ref().map(|_| ()).map_err(Clone::clone));
        let id_number = self.parse_id_number(ctx);
        check(
            Field::IdNumber,
            id_number.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let phone = self.parse_phone();
        check(
            Field::Phone,
            phone.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let sex = self.resolve_sex(id_number.as_ref().ok().and_then(Option::as_ref));
        check(Field::Sex, sex.map(|_| ()));
        if self.channel == Channel::WalkIn && matches!((&id_number, &phone), (Ok(None), Ok(None))) {
            check(Field::IdNumber, Err(IntakeError::ContactRequired));
        }
        let address = tidy(&self.address);
        if address.chars().count() > ADDRESS_MAX_CHARS {
            check(
                Field::Address,
                Err(IntakeError::AddressTooLong {
                    max: ADDRESS_MAX_CHARS,
                }),
            );
        }
        let head_count = self.parse_head_count();
        check(
            Field::HeadCount,
            head_count.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let reps = 1 + self
            .co_petitioners
            .iter()
            .filter(|c| c.representative)
            .count();
        if reps > MAX_REPRESENTATIVES {
            check(
                Field::CoPetitioners,
                Err(IntakeError::TooManyRepresentatives { count: reps }),
            );
        }
        if !ctx.settings.categories.contains(&self.category) {
            check(
                Field::Category,
                Err(IntakeError::UnknownCategory {
                    category: self.category.clone(),
                }),
            );
        }
        let summary = self.summary.trim().to_string();
        if summary.is_empty() {
            check(Field::Summary, Err(IntakeError::SummaryRequired));
        } else if summary.chars().count() > SUMMARY_MAX_CHARS {
            check(
                Field::Summary,
                Err(IntakeError::SummaryTooLong {
                    max: SUMMARY_MAX_CHARS,
                }),
            );
        }
        match (received_at, name, id_number, phone, head_count) {
            (Ok(received_at), Ok(name), Ok(id_number), Ok(phone), Ok(head_count))
                if errors.is_empty() =>
            {
                let sex = match self.sex {
                    Sex::Unknown => id_number.as_ref().map_or(Sex::Unknown, IdNumber::sex),
                    s => s,
                };
                Ok(NewVisit {
                    channel: self.channel,
                    received_at,
                    recorded_at: Some(ctx.now),
                    received_by: ctx.operator.to_string(),
                    petitioner: Person {
                        name,
                        sex,
                        id_number,
                        phone,
                        address,
                    },
                    existing_petitioner: self.existing_petitioner,
                    co_petitioners: self.co_petitioners.clone(),
                    head_count,
                    group: head_count >= ctx.settings.group_threshold.max(2),
                    kind: self.kind,
                    category: self.category.clone(),
                    summary,
                    case: self.case,
                    receiving_leader: self.receiving_leader,
                })
            }
            _ => Err(errors),
        }
    }

    /// The error of one field, for inline validation when the clerk leaves it.
    pub fn check_field(&self, field: Field, ctx: &IntakeContext) -> Option<IntakeError> {
        match self.validate(ctx) {
            Ok(_) => None,
            Err(errors) => errors
                .into_iter()
                .find(|(f, _)| *f == field)
                .map(|(_, e)| e),
        }
    }

    fn parse_received_at(&self, ctx: &IntakeContext) -> Result<NaiveDateTime, IntakeError> {
        if self.received_at.trim().is_empty() {
            return Ok(ctx.now);
        }
        let at = parse_datetime(&self.received_at, ctx.now.time())?;
        if at > ctx.now {
            return Err(IntakeError::ReceivedInFuture);
        }
        Ok(at)
    }

    fn parse_id_number(&self, ctx: &IntakeContext) -> Result<Option<IdNumber>, IntakeError> {
        if self.id_number.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(IdNumber::parse(&self.id_number, ctx.now.date())?))
    }

    fn parse_phone(&self) -> Result<Option<Phone>, IntakeError> {
        if self.phone.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(Phone::parse(&self.phone)?))
    }

    fn resolve_sex(&self, id: Option<&IdNumber>) -> Result<(), IntakeError> {
        match id {
            Some(id) if self.sex != Sex::Unknown && id.sex() != self.sex => {
                Err(IntakeError::SexContradictsId { id_says: id.sex() })
            }
            _ => Ok(()),
        }
    }

    fn parse_head_count(&self) -> Result<u32, IntakeError> {
        let people = 1 + self.co_petitioners.len() as u32;
        let text = fold_fullwidth(self.head_count.trim());
        if text.is_empty() {
            return Ok(people);
        }
        let n: u32 = text
            .parse()
            .ok()
            .filter(|n| *n > 0 && *n < 100_000)
            .ok_or_else(|| IntakeError::HeadCount {
                text: self.head_count.trim().to_string(),
            })?;
        if n < people {
            return Err(IntakeError::HeadCountBelowPeople { people });
        }
        Ok(n)
    }
}

/// A co-petitioner as typed in the add dialog: a name is required, identity number and phone
/// are checked when given.
pub fn validate_co_petitioner(
    name: &str,
    id_number: &str,
    phone: &str,
    representative: bool,
    ctx: &IntakeContext,
) -> Result<CoPetitioner, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = validate_name(name)
        .map_err(|e| errors.push((Field::Name, e.into())))
        .ok();
    let id_number = if id_number.trim().is_empty() {
        None
    } else {
        IdNumber::parse(id_number, ctx.now.date())
            .map_err(|e| errors.push((Field::IdNumber, e.into())))
            .ok()
    };
    let phone = if phone.trim().is_empty() {
        None
    } else {
        Phone::parse(phone)
            .map_err(|e| errors.push((Field::Phone, e.into())))
            .ok()
    };
    match name {
        Some(name) if errors.is_empty() => Ok(CoPetitioner {
            name,
            id_number,
            phone,
            representative,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 18)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    fn settings() -> OfficeSettings {
        OfficeSettings::default()
    }

    fn filled() -> IntakeInput {
        IntakeInput {
            name: "张三".into(),
            id_number: "11010519491231002X".into(),
            phone: "13812345678".into(),
            address: "云南省普洱市思茅区".into(),
            category: "土地征收".into(),
            summary: "要求落实征地补偿".into(),
            ..IntakeInput::default()
        }
    }

    fn validate(input: &IntakeInput) -> Result<NewVisit, FieldErrors> {
        let s = settings();
        input.validate(&IntakeContext {
            settings: &s,
            now: now(),
            operator: "clerk1",
        })
    }

    #[test]
    fn a_complete_form_becomes_a_visit_with_sex_from_the_id() {
        let v = validate(&filled()).unwrap();
        assert_eq!(v.petitioner.name, "张三");
        assert_eq!(v.petitioner.sex, Sex::Female);
        assert_eq!(v.received_at, now());
        assert_eq!(v.received_by, "clerk1");
        assert_eq!(v.head_count, 1);
        assert!(!v.group);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let input = IntakeInput {
            name: "".into(),
            id_number: "110105194912310021".into(),
            phone: "1381234".into(),
            category: "无此类别".into(),
            summary: "  ".into(),
            received_at: "2026-12-01".into(),
            ..IntakeInput::default()
        };
        let fields: Vec<Field> = validate(&input)
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            vec![
                Field::ReceivedAt,
                Field::Name,
                Field::IdNumber,
                Field::Phone,
                Field::Category,
                Field::Summary
            ]
        );
    }

    #[test]
    fn walk_in_without_any_contact_is_refused_but_a_letter_is_not() {
        let mut input = filled();
        input.id_number.clear();
        input.phone.clear();
        assert_eq!(
            validate(&input).unwrap_err(),
            vec![(Field::IdNumber, IntakeError::ContactRequired)]
        );
        input.channel = Channel::Letter;
        assert!(validate(&input).is_ok());
    }

    #[test]
    fn sex_contradicting_the_id_is_refused() {
        let mut input = filled();
        input.sex = Sex::Male;
        assert_eq!(
            validate(&input).unwrap_err(),
            vec![(
                Field::Sex,
                IntakeError::SexContradictsId {
                    id_says: Sex::Female
                }
            )]
        );
    }

    #[test]
    fn group_flag_follows_the_office_threshold() {
        let mut input = filled();
        input.head_count = "５".into();
        assert!(validate(&input).unwrap().group);
        input.head_count = "4".into();
        assert!(!validate(&input).unwrap().group);
    }

    #[test]
    fn head_count_cannot_be_below_the_people_registered() {
        let mut input = filled();
        input.co_petitioners = vec![
            CoPetitioner {
                name: "李四".into(),
                ..Default::default()
            };
            2
        ];
        input.head_count = "2".into();
        assert_eq!(
            validate(&input).unwrap_err(),
            vec![(
                Field::HeadCount,
                IntakeError::HeadCountBelowPeople { people: 3 }
            )]
        );
        input.head_count.clear();
        assert_eq!(validate(&input).unwrap().head_count, 3);
    }

    #[test]
    fn more_than_five_representatives_is_refused() {
        let mut input = filled();
        input.co_petitioners = vec![
            CoPetitioner {
                name: "李四".into(),
                representative: true,
                ..Default::default()
            };
            5
        ];
        assert_eq!(
            validate(&input).unwrap_err(),
            vec![(
                Field::CoPetitioners,
                IntakeError::TooManyRepresentatives { count: 6 }
            )]
        );
        input.co_petitioners.pop();
        assert!(validate(&input).is_ok());
    }

    #[test]
    fn received_time_typed_for_an_earlier_letter() {
        let mut input = filled();
        input.received_at = "2026-11-16 08:15".into();
        assert_eq!(
            validate(&input).unwrap().received_at,
            NaiveDate::from_ymd_opt(2026, 11, 16)
                .unwrap()
                .and_hms_opt(8, 15, 0)
                .unwrap()
        );
    }

    #[test]
    fn check_field_reports_only_that_field() {
        let mut input = filled();
        input.phone = "12345".into();
        input.name.clear();
        let s = settings();
        let ctx = IntakeContext {
            settings: &s,
            now: now(),
            operator: "x",
        };
        assert!(matches!(
            input.check_field(Field::Phone, &ctx),
            Some(IntakeError::Phone(_))
        ));
        assert_eq!(input.check_field(Field::Address, &ctx), None);
    }

    #[test]
    fn co_petitioner_needs_a_name_and_valid_numbers() {
        let s = settings();
        let ctx = IntakeContext {
            settings: &s,
            now: now(),
            operator: "x",
        };
        let ok = validate_co_petitioner("李四", "", "13900001111", true, &ctx).unwrap();
        assert_eq!(ok.phone.unwrap().as_str(), "13900001111");
        let err = validate_co_petitioner("", "123", "", false, &ctx).unwrap_err();
        assert_eq!(err.len(), 2);
    }
}
