//! Names of the deadline stages and day kinds, and the days-left / days-late text every list
//! shows beside a due date.

use super::{Label, pick};
use crate::domain::deadline::{DayKind, Stage, Urgency};
use crate::i18n::{Lang, Localize};

impl Label for Stage {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Stage::ForwardOrAssign => pick(lang, "转送交办", "Forward or assign"),
            Stage::NotifyAcceptance => pick(lang, "告知受理", "Notify acceptance"),
            Stage::ObjectToAssignment => pick(lang, "交办异议", "Object to assignment"),
            Stage::Handle => pick(lang, "办理", "Handling"),
            Stage::AskReview => pick(lang, "申请复查", "Ask for review"),
            Stage::ReviewAnswer => pick(lang, "复查答复", "Review answer"),
            Stage::AskReReview => pick(lang, "申请复核", "Ask for re-review"),
            Stage::ReReviewAnswer => pick(lang, "复核答复", "Re-review answer"),
        }
    }
}

impl Label for DayKind {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            DayKind::Calendar => pick(lang, "自然日", "calendar days"),
            DayKind::Working => pick(lang, "工作日", "working days"),
        }
    }
}

/// Short enough for a table column: "剩5天", "今日到期", "超期2天".
impl Localize for Urgency {
    fn localize(&self, lang: Lang) -> String {
        match *self {
            Urgency::Due { days_left } | Urgency::DueSoon { days_left } => match lang {
                Lang::Zh => format!("剩{days_left}天"),
                Lang::En if days_left == 1 => "1 day left".into(),
                Lang::En => format!("{days_left} days left"),
            },
            Urgency::DueToday => pick(lang, "今日到期", "due today").into(),
            Urgency::Overdue { days_late } => match lang {
                Lang::Zh => format!("超期{days_late}天"),
                Lang::En if days_late == 1 => "1 day late".into(),
                Lang::En => format!("{days_late} days late"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn days_left_and_late_in_both_languages() {
        let due = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
        let on = |day| Urgency::of(due, NaiveDate::from_ymd_opt(2025, 3, day).unwrap(), 3);
        assert_eq!(on(5).localize(Lang::Zh), "剩5天");
        assert_eq!(on(9).localize(Lang::En), "1 day left");
        assert_eq!(on(10).localize(Lang::Zh), "今日到期");
        assert_eq!(on(12).localize(Lang::Zh), "超期2天");
        assert_eq!(on(12).localize(Lang::En), "2 days late");
    }
}
