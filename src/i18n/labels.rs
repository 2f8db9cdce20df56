//! Names of domain values (channels, kinds, sexes, …) in both languages.

mod deadline;

use super::Lang;
use crate::domain::case::CaseState;
use crate::domain::intake::Field;
use crate::domain::petitioner::Sex;
use crate::domain::repeat::RepeatReason;
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
