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
            MatterError::Extension(e) => e.localize(lang),
            MatterError::RequestAfterWindow { due } => say(
                lang,
                format!("已过申请期限(至 {due}):收到答复意见之日起30日内未提出,不予受理"),
                format!("the time to ask ended on {due}: the request did not come within 30 days of the answer"),
            ),
            MatterError::ExtensionAfterDue { due } => say(
                lang,
                format!("办理期限已于 {due} 届满,不能再延期;延期须在期限届满前经批准"),
                format!("the handling limit ended on {due}; an extension is approved before it ends, not after"),
            ),
            MatterError::ExtensionOutsideHandling { state } => {
                let state = state.label(lang);
                say(
                    lang,
                    format!("只有在办理期间(已受理、已交办、办理中)才能延期;该事项「{state}」"),
                    format!(
                        "the handling limit can be extended only while the matter is accepted, assigned or in handling; this one is “{state}”"
                    ),
                )
            }
            MatterError::NothingToUrge { state } => {
                let state = state.label(lang);
                say(
                    lang,
                    format!("「{state}」的事项当前无须本机关或承办单位办理,不能催办或督办"),
                    format!(
                        "a matter that is “{state}” awaits nothing from the office or its departments and cannot be urged"
                    ),
                )
            }
            MatterError::ImportAfterWork => say(
                lang,
                "该事项登记后已有办理步骤,不再按原台账设置状态".into(),
                "the matter has had steps since it was registered; the earlier ledger's state is not set".into(),
            ),
            MatterError::InstructionTextRequired => say(
                lang,
                "请写下领导批示的内容".into(),
                "write down what the leader instructed".into(),
            ),
            MatterError::UrgeTextRequired => say(
                lang,
                "请写明催办或督办的事由和要求".into(),
                "say what the reminder or supervision asks for".into(),
            ),
            MatterError::UrgeResponseInPast { response_by, today } => say(
                lang,
                format!("回复期限 {response_by} 早于今天({today})"),
                format!("the response date {response_by} is before today ({today})"),
            ),
            MatterError::UrgeBelowOpen { open, asked } => {
                let (number, level, asked) = (
                    open.localize(lang),
                    open.level.label(lang),
                    asked.label(lang),
                );
                say(
                    lang,
                    format!(
                        "{number}(「{level}」)尚未回复,不能改发级别较低的「{asked}」;可同级再发或升级"
                    ),
                    format!(
                        "{number} (“{level}”) is still unanswered, so a lower “{asked}” cannot follow it; send the same level again or escalate"
                    ),
                )
            }
            MatterError::UrgeNotOpen { number } => {
                let number = number.localize(lang);
                say(
                    lang,
                    format!("{number} 不是本事项尚未回复的催办或督办"),
                    format!("{number} is not an unanswered reminder or supervision of this matter"),
                )
            }
            MatterError::NoNumber => say(
                lang,
                "程序错误:催办督办未取得文号,未保存".into(),
                "program fault: no document number was drawn, nothing was saved".into(),
            ),
            MatterError::AlreadyHeld(_) => say(
                lang,
                "本事项已有包案领导;更换请用“转交包案”".into(),
                "the matter already has a responsible leader; use “transfer” to change it".into(),
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

    #[test]
    fn a_refused_urge_names_the_open_document_and_what_may_be_done() {
        use crate::domain::supervision::{Escalation, UrgeNo};
        let e = MatterError::UrgeBelowOpen {
            open: UrgeNo {
                year: 2026,
                seq: 2,
                level: Escalation::Interview,
            },
            asked: Escalation::Reminder,
        };
        assert_eq!(
            e.localize(Lang::Zh),
            "督〔2026〕2号(「约谈」)尚未回复,不能改发级别较低的「催办」;可同级再发或升级"
        );
        let e = MatterError::NothingToUrge {
            state: CaseState::Answered,
        };
        assert_eq!(
            e.localize(Lang::En),
            "a matter that is “Answered” awaits nothing from the office or its departments and cannot be urged"
        );
    }
}
