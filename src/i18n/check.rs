//! `xfdesk check`'s report in words.

use super::{Lang, Localize, T};
use crate::store::chain::ChainFault;
use crate::store::check::{CheckReport, Counter, Problem};

/// How many problems the report lists before it only counts the rest.
pub const LISTED: usize = 50;

pub fn report(r: &CheckReport, lang: Lang) -> String {
    if r.is_clean() {
        return lang.f(
            T::CheckOk,
            &[&r.audit_entries, &r.visits, &r.petitioners, &r.matters],
        );
    }
    let total = r.problems.len() + usize::from(r.chain.is_some());
    let mut lines = vec![lang.f(T::CheckFailed, &[&total])];
    if let Some((seq, fault)) = &r.chain {
        lines.push(format!(
            "- {}",
            lang.f(T::CheckChainBroken, &[seq, &fault_text(fault, lang)])
        ));
    }
    for p in r.problems.iter().take(LISTED) {
        lines.push(format!("- {}", problem(p, lang)));
    }
    if r.problems.len() > LISTED {
        lines.push(lang.f(T::CheckMore, &[&(r.problems.len() - LISTED)]));
    }
    lines.join("\n")
}

pub fn fault_text(fault: &ChainFault, lang: Lang) -> String {
    match fault {
        ChainFault::Unreadable(e) => lang.f(T::ChainUnreadable, &[&e.localize(lang)]),
        ChainFault::Unsealed => lang.t(T::ChainUnsealed).to_string(),
        ChainFault::Altered => lang.t(T::ChainAltered).to_string(),
        ChainFault::PreviousMismatch => lang.t(T::ChainPrevMismatch).to_string(),
        ChainFault::Gap { expected } => lang.f(T::ChainGap, &[expected]),
        ChainFault::WrongNumber { stored } => lang.f(T::ChainWrongNumber, &[stored]),
        ChainFault::Truncated { last } => lang.f(T::ChainTruncated, &[last]),
    }
}

fn problem(p: &Problem, lang: Lang) -> String {
    match p {
        Problem::Unreadable(e) => e.localize(lang),
        Problem::StrayIndex {
            entry,
            points_at: Some(id),
        } => lang.f(T::CheckStrayIndex, &[entry, id]),
        Problem::StrayIndex {
            entry,
            points_at: None,
        } => lang.f(T::CheckStrayName, &[entry]),
        Problem::NotIndexed { record } => lang.f(T::CheckNotIndexed, &[&record.localize(lang)]),
        Problem::PendingWrong { case } => lang.f(T::CheckPendingWrong, &[case]),
        Problem::PendingStray { case } => lang.f(T::CheckPendingStray, &[case]),
        Problem::ReferenceCount {
            record,
            stored,
            counted,
        } => lang.f(T::CheckRefCount, &[&record.localize(lang), stored, counted]),
        Problem::CounterBehind {
            counter: Counter::VisitCount,
            stored,
            highest,
        } => lang.f(T::CheckVisitCount, &[stored, highest]),
        Problem::CounterBehind {
            counter,
            stored,
            highest,
        } => {
            let what = match counter {
                Counter::VisitNumbers(year) => lang.f(T::CounterVisitNumbers, &[year]),
                Counter::MatterNumbers(year) => lang.f(T::CounterMatterNumbers, &[year]),
                Counter::Ids | Counter::VisitCount => lang.t(T::CounterIds).to_string(),
            };
            lang.f(T::CheckCounterBehind, &[&what, stored, highest])
        }
    }
}
