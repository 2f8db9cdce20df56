//! Names of the levels of urging, document numbers of reminders and supervision, and the text
//! of each signal that a matter needs supervision.

use super::{Label, pick};
use crate::domain::signals::Signal;
use crate::domain::supervision::{Escalation, UrgeKind, UrgeNo};
use crate::i18n::{Lang, Localize, T};

impl Label for Escalation {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            Escalation::Reminder => pick(lang, "催办", "Reminder"),
            Escalation::Notice => pick(lang, "督办", "Supervision notice"),
            Escalation::Interview => pick(lang, "约谈", "Interview"),
            Escalation::Circular => pick(lang, "通报", "Circular"),
            Escalation::Listed => pick(lang, "挂牌督办", "Listed supervision"),
        }
    }
}

/// The series of document numbers: 催办 / 督办.
impl Label for UrgeKind {
    fn label(&self, lang: Lang) -> &'static str {
        match self {
            UrgeKind::Reminder => pick(lang, "催办", "reminder"),
            UrgeKind::Supervision => pick(lang, "督办", "supervision"),
        }
    }
}

/// The document number as written on the paper: 催〔2026〕3号, 督〔2026〕1号.
impl Localize for UrgeNo {
    fn localize(&self, lang: Lang) -> String {
        let key = match self.level.series_kind() {
            UrgeKind::Reminder => T::UrgeNoReminder,
            UrgeKind::Supervision => T::UrgeNoSupervision,
        };
        lang.f(key, &[&self.year, &self.seq])
    }
}

/// Says why the matter is flagged, with the dates a supervisor checks.
impl Localize for Signal {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Signal::HalfTimeNoProgress { since, due } => lang.f(T::SignalHalfTime, &[since, due]),
            Signal::CameAgain { on } => lang.f(T::SignalCameAgain, &[on]),
            Signal::UrgeUnanswered {
                number,
                response_by,
            } => lang.f(
                T::SignalUrgeUnanswered,
                &[&number.localize(lang), response_by],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_matters::no;
    use chrono::NaiveDate;

    #[test]
    fn document_numbers_read_as_on_paper() {
        assert_eq!(
            no(3, Escalation::Reminder).localize(Lang::Zh),
            "催〔2026〕3号"
        );
        assert_eq!(
            no(1, Escalation::Listed).localize(Lang::Zh),
            "督〔2026〕1号"
        );
        // In English a short reference: the ledger names the level before it, and
        // "Reminder Reminder 2026 No. 3" said it twice.
        assert_eq!(no(1, Escalation::Interview).localize(Lang::En), "S-2026/1");
        assert_eq!(no(3, Escalation::Reminder).localize(Lang::En), "R-2026/3");
    }

    #[test]
    fn each_signal_says_why_with_its_dates() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let half = Signal::HalfTimeNoProgress {
            since: d(2),
            due: d(30),
        };
        assert_eq!(
            half.localize(Lang::Zh),
            "时限已过半仍无进展:2026-11-02起算、2026-11-30到期,其间未记录办理情况"
        );
        let unanswered = Signal::UrgeUnanswered {
            number: no(4, Escalation::Reminder),
            response_by: d(20),
        };
        assert_eq!(
            unanswered.localize(Lang::Zh),
            "催〔2026〕4号要求2026-11-20前回复,逾期未复"
        );
        assert_eq!(
            Signal::CameAgain { on: d(9) }.localize(Lang::En),
            "The petitioner came again about this matter on 2026-11-09"
        );
    }

    #[test]
    fn every_level_has_its_own_name() {
        for lang in [Lang::Zh, Lang::En] {
            let mut names: Vec<_> = Escalation::ALL.iter().map(|e| e.label(lang)).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), Escalation::ALL.len());
        }
    }
}
