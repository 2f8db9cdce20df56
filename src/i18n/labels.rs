//! Names of domain values (channels, kinds, sexes, …) in both languages.

pub mod audit;
mod deadline;
mod supervision;

use super::Lang;
use crate::domain::case::CaseState;
use crate::domain::intake::Field;
use crate::domain::ledger::Supervision;
use crate::domain::lifecycle::MoveKind;
use crate::domain::petitioner::Sex;
use crate::domain::repeat::RepeatReason;
use crate::domain::schedule::{ArrivalState, Mode};
use crate::domain::visit::{Channel, Kind};

pub trait Label {
    fn label(&self, lang: Lang) -> &'static str;
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

impl Label for Channel {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Channel::WalkIn => pick(lang, "走访", "Walk-in"),
            Channel::Letter => pick(lang, "来信", "Letter"),
            Channel::Phone => pick(lang, "来电", "Phone"),
            Channel::Fax => pick(lang, "传真", "Fax"),
            Channel::Online => pick(lang, "网上", "Online"),
            Channel::Referred => pick(lang, "上级转送", "Referred"),
            Channel::LeaderInstruction => pick(lang, "领导批示", "Leader's note"),
        }
    }
}

impl Label for Kind {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Kind::Suggestion => pick(lang, "建议意见类", "Suggestion"),
            Kind::Accusation => pick(lang, "检举控告类", "Accusation"),
            Kind::Appeal => pick(lang, "申诉求决类", "Appeal"),
        }
    }
}

impl Label for Sex {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Sex::Male => pick(lang, "男", "male"),
            Sex::Female => pick(lang, "女", "female"),
            Sex::Unknown => pick(lang, "未填", "not given"),
        }
    }
}

impl Label for CaseState {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            CaseState::Registered => pick(lang, "已登记", "Registered"),
            CaseState::Accepted => pick(lang, "已受理", "Accepted"),
            CaseState::NotAccepted => pick(lang, "不予受理", "Not accepted"),
            CaseState::Forwarded => pick(lang, "已转送", "Forwarded"),
            CaseState::Assigned => pick(lang, "已交办", "Assigned"),
            CaseState::InHandling => pick(lang, "办理中", "In handling"),
            CaseState::Answered => pick(lang, "已答复", "Answered"),
            CaseState::ReviewRequested => pick(lang, "复查中", "Review requested"),
            CaseState::ReviewAnswered => pick(lang, "已复查", "Review answered"),
            CaseState::ReReviewRequested => pick(lang, "复核中", "Re-review requested"),
            CaseState::ReReviewAnswered => pick(lang, "已复核", "Re-review answered"),
            CaseState::Closed => pick(lang, "已办结", "Closed"),
            CaseState::Settled => pick(lang, "已息诉息访", "Settled"),
            CaseState::Archived => pick(lang, "已归档", "Archived"),
        }
    }
}

/// Steps are named as verbs: they label menu entries and buttons.
impl Label for MoveKind {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            MoveKind::Accept => pick(lang, "受理", "Accept"),
            MoveKind::NotAccept => pick(lang, "不予受理", "Not accept"),
            MoveKind::Forward => pick(lang, "转送", "Forward"),
            MoveKind::Assign => pick(lang, "交办", "Assign"),
            MoveKind::StartHandling => pick(lang, "开始办理", "Start handling"),
            MoveKind::Answer => pick(lang, "答复", "Answer"),
            MoveKind::RequestReview => pick(lang, "申请复查", "Request review"),
            MoveKind::AnswerReview => pick(lang, "复查答复", "Answer review"),
            MoveKind::RequestReReview => pick(lang, "申请复核", "Request re-review"),
            MoveKind::AnswerReReview => pick(lang, "复核答复", "Answer re-review"),
            MoveKind::Close => pick(lang, "办结", "Close"),
            MoveKind::Settle => pick(lang, "息诉息访", "Settle"),
            MoveKind::Archive => pick(lang, "归档", "Archive"),
        }
    }
}

impl Label for Supervision {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Supervision::Notice => pick(lang, "督办单", "Supervision notice"),
            Supervision::Interview => pick(lang, "约谈", "Interview"),
            Supervision::Circular => pick(lang, "通报", "Circular"),
            Supervision::Listed => pick(lang, "挂牌督办", "Listed supervision"),
        }
    }
}

impl Label for RepeatReason {
    fn label(&self, lang: Lang) -> &'static str {
        use super::T;
        match self {
            RepeatReason::SameIdNumber => T::RepeatSameId.text(lang),
            RepeatReason::SamePhone => T::RepeatSamePhone.text(lang),
            RepeatReason::SameNameSimilarAddress => T::RepeatSameNameAddress.text(lang),
        }
    }
}

impl Label for Field {
    fn label(&self, lang: Lang) -> &'static str {
        use super::T;
        let key = match self {
            Field::Channel => T::FieldChannel,
            Field::ReceivedAt => T::FieldReceivedAt,
            Field::ReceivingLeader => T::FieldReceivingLeader,
            Field::Name => T::FieldName,
            Field::IdNumber => T::FieldIdNumber,
            Field::Sex => T::FieldSex,
            Field::Phone => T::FieldPhone,
            Field::Address => T::FieldAddress,
            Field::HeadCount => T::FieldHeadCount,
            Field::CoPetitioners => T::FieldCoPetitioners,
            Field::Kind => T::FieldKind,
            Field::Category => T::FieldCategory,
            Field::Summary => T::FieldSummary,
            Field::Case => T::FieldCase,
        };
        key.text(lang)
    }
}

impl Label for crate::domain::permission::Role {
    fn label(&self, lang: Lang) -> &'static str {
        use crate::domain::permission::Role;
        lang.t(match self {
            Role::Clerk => super::T::RoleClerk,
            Role::Secretary => super::T::RoleSecretary,
            Role::Supervisor => super::T::RoleSupervisor,
            Role::Administrator => super::T::RoleAdministrator,
        })
    }
}

impl Label for Mode {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Mode::FixedPlace => pick(lang, "定点接访", "At the hall"),
            Mode::KeyCase => pick(lang, "重点约访", "Key-case appointment"),
            Mode::DownWithCases => pick(lang, "带案下访", "Down with cases"),
        }
    }
}

impl Label for ArrivalState {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            ArrivalState::Waiting => pick(lang, "等候", "Waiting"),
            ArrivalState::BeingReceived => pick(lang, "接待中", "Being received"),
            ArrivalState::Done => pick(lang, "已接待", "Done"),
            ArrivalState::Left => pick(lang, "已离开", "Left"),
        }
    }
}
