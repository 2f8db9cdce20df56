//! Errors of a matter's life (steps, responsibility) worded for the person at the desk: what
//! cannot be done and what can be done instead.

use super::errors::say;
use super::{Label, Lang, Localize};
use crate::domain::lifecycle::{IllegalMove, MoveDataError};
use crate::domain::matter::MatterError;
use crate::domain::responsibility::TransferError;

impl Localize for IllegalMove {
    fn localize(&self, lang: Lang) -> String {
        let from = self.from.label(lang);
        let tried = self.tried.label(lang);
        if self.possible.is_empty() {
            return say(
                lang,
                format!("「{from}」的事项不能再「{tried}」,已无后续步骤"),
                format!("cannot “{tried}” a matter that is “{from}”: it takes no further steps"),
            );
        }
        let possible = |sep: &str| {
            let names: Vec<_> = self.possible.iter().map(|m| m.label(lang)).collect();
            names.join(sep)
        };
        say(
            lang,
            format!("不能从「{from}」直接「{tried}」;可以:{}", possible("、")),
            format!(
                "cannot “{tried}” a matter that is “{from}”; possible: {}",
                possible(", ")
            ),
        )
    }
}

impl Localize for MoveDataError {
    fn localize(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            MoveDataError::ReasonRequired => {
                ("不予受理须写明理由", "say why the matter is not accepted")
            }
            MoveDataError::ForwardTargetRequired => (
                "转送须写明转往的机关",
                "name the body the matter is forwarded to",
            ),
            MoveDataError::LeadIsCoDepartment => (
                "承办单位不能同时是协办单位",
                "the lead department cannot also be a co-department",
            ),
            MoveDataError::DuplicateCoDepartment => {
                ("协办单位重复", "a co-department is named twice")
            }
        };
        say(lang, zh.into(), en.into())
    }
}

impl Localize for TransferError {
    fn localize(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            TransferError::NobodyHolds => (
                "该事项尚无包案领导,请直接指定",
                "nobody holds this matter yet; name the responsible leader instead",
            ),
            TransferError::SameLeader(_) => (
                "该领导已是包案领导,请选另一位",
                "that leader already holds the matter; choose another",
            ),
            TransferError::ReasonRequired => ("转交包案须写明理由", "a transfer needs its reason"),
            TransferError::ApproverRequired => (
                "转交包案须写明批准人",
                "a transfer needs the name of whoever approved it",
            ),
        };
        say(lang, zh.into(), en.into())
    }
}

impl Localize for MatterError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            MatterError::Illegal(e) => e.localize(lang),
            MatterError::Data(e) => e.localize(lang),
            MatterError::Transfer(e) => e.localize(lang),
            MatterError::Archived => say(
                lang,
                "事项已归档,不能再修改".into(),
                "the matter is archived and cannot be changed".into(),
            ),
            MatterError::NeedsItsOwnAction => say(
                lang,
                "此类台帐记录须通过相应的操作填写".into(),
                "this kind of ledger entry is written by its own action".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseState;
    use crate::domain::lifecycle::{Move, MoveKind, apply};

    #[test]
    fn an_illegal_step_names_the_possible_ones_in_both_languages() {
        let e = apply(CaseState::Registered, &Move::Close).unwrap_err();
        assert_eq!(
            e.localize(Lang::Zh),
            "不能从「已登记」直接「办结」;可以:受理、不予受理、转送"
        );
        assert_eq!(
            e.localize(Lang::En),
            "cannot “Close” a matter that is “Registered”; possible: Accept, Not accept, Forward"
        );
        let e = apply(CaseState::Answered, &Move::Settle).unwrap_err();
        assert_eq!(
            e.localize(Lang::Zh),
            "不能从「已答复」直接「息诉息访」;可以:申请复查、办结"
        );
        assert_eq!(
            e.localize(Lang::En),
            "cannot “Settle” a matter that is “Answered”; possible: Request review, Close"
        );
    }

    #[test]
    fn an_archived_matter_says_it_takes_no_further_steps() {
        let e = apply(CaseState::Archived, &Move::Accept).unwrap_err();
        assert_eq!(
            e.localize(Lang::Zh),
            "「已归档」的事项不能再「受理」,已无后续步骤"
        );
        assert_eq!(
            e.localize(Lang::En),
            "cannot “Accept” a matter that is “Archived”: it takes no further steps"
        );
    }

    #[test]
    fn every_state_and_step_has_a_distinct_label_in_each_language() {
        for lang in [Lang::Zh, Lang::En] {
            let mut states: Vec<_> = CaseState::ALL.iter().map(|s| s.label(lang)).collect();
            states.sort();
            states.dedup();
            assert_eq!(states.len(), CaseState::ALL.len(), "{lang:?}");
            let mut moves: Vec<_> = MoveKind::ALL.iter().map(|m| m.label(lang)).collect();
            moves.sort();
            moves.dedup();
            assert_eq!(moves.len(), MoveKind::ALL.len(), "{lang:?}");
        }
    }
}
