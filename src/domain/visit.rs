//! One contact with the desk (来访/来信/来电 …): who came, how, about what, and which matter it
//! belongs to.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::case::CaseId;
use super::id_number::IdNumber;
use super::organisation::LeaderId;
use super::petitioner::{Person, PetitionerId};
use super::phone::Phone;
use super::serial::SerialNo;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VisitId(pub u64);

/// How the petition arrived (《信访工作条例》第17条, plus referrals and leaders' instructions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    #[default]
    WalkIn,
    Letter,
    Phone,
    Fax,
    Online,
    Referred,
    LeaderInstruction,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::WalkIn,
        Channel::Letter,
        Channel::Phone,
        Channel::Fax,
        Channel::Online,
        Channel::Referred,
        Channel::LeaderInstruction,
    ];
}

/// The three kinds of matter of article 29. Accusations are confidential (article 30).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Suggestion,
    Accusation,
    #[default]
    Appeal,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Suggestion, Kind::Accusation, Kind::Appeal];
}

/// Someone who came with the main petitioner; at most five of all visitors represent a group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoPetitioner {
    pub name: String,
    pub id_number: Option<IdNumber>,
    pub phone: Option<Phone>,
    pub representative: bool,
}

/// At most five representatives for a group visit (article 20).
pub const MAX_REPRESENTATIVES: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub id: VisitId,
    pub number: SerialNo,
    pub case_id: CaseId,
    pub petitioner_id: PetitionerId,
    pub channel: Channel,
    pub received_at: NaiveDateTime,
    /// The operator who registered it.
    pub received_by: String,
    pub petitioner: Person,
    pub co_petitioners: Vec<CoPetitioner>,
    pub head_count: u32,
    pub group: bool,
    pub kind: Kind,
    pub category: String,
    pub summary: String,
}

impl Visit {
    /// The main petitioner speaks for a group, so they always count as a representative.
    pub fn representatives(&self) -> Vec<&str> {
        std::iter::once(self.petitioner.name.as_str())
            .chain(
                self.co_petitioners
                    .iter()
                    .filter(|c| c.representative)
                    .map(|c| c.name.as_str()),
            )
            .collect()
    }
}

/// Which matter a new visit belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseLink {
    #[default]
    New,
    Existing(CaseId),
}

/// A validated visit ready to be stored; the store assigns ids and numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewVisit {
    pub channel: Channel,
    pub received_at: NaiveDateTime,
    /// When it was entered at the desk, if later than it came (a letter registered days after
    /// it arrived, a ledger imported): the evidence log records this, never a typed date.
    /// `None` for a visit entered as it came.
    pub recorded_at: Option<NaiveDateTime>,
    pub received_by: String,
    pub petitioner: Person,
    /// Set when the clerk chose a known petitioner from the repeat panel; their stored details
    /// are then updated to what was given today.
    pub existing_petitioner: Option<PetitionerId>,
    pub co_petitioners: Vec<CoPetitioner>,
    pub head_count: u32,
    pub group: bool,
    pub kind: Kind,
    pub category: String,
    pub summary: String,
    pub case: CaseLink,
    /// The leader whose reception this was, or whom the clerk named: the first one takes the
    /// matter (首接负责). Kept beside the visit, not in it, so stored visits keep decoding.
    pub receiving_leader: Option<LeaderId>,
}
