//! Why a matter's document cannot be written (`domain::paperwork`), in the reader's words.

use std::fmt::Display;

use super::{Label, Lang, Localize, T};
use crate::domain::paperwork::Refusal;

/// The refusal to write the document titled `title` (already in `lang`) for matter `matter`.
pub fn refusal(refusal: &Refusal, title: &str, matter: &dyn Display, lang: Lang) -> String {
    match refusal {
        Refusal::NeverAccepted { state } => {
            lang.f(T::DocumentNeverAccepted, &[matter, &state.label(lang)])
        }
        Refusal::NotAssigned { state } => lang.f(
            T::DocumentNotAssigned,
            &[matter, &state.label(lang), &title],
        ),
        Refusal::NoUrge { kind } => {
            let kind = kind.label(lang);
            lang.f(T::DocumentNoUrge, &[matter, &kind, &title, &kind])
        }
        Refusal::UnknownUrge { asked, kind, known } => {
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            let known: Vec<String> = known.iter().map(|n| n.localize(lang)).collect();
            let kind = kind.label(lang);
            lang.f(
                T::DocumentUnknownUrge,
                &[asked, matter, &kind, &kind, &known.join(sep)],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::CaseState;
    use crate::domain::supervision::{Escalation, UrgeKind, UrgeNo};

    #[test]
    fn each_refusal_says_what_the_matter_lacks() {
        let zh = |r: &Refusal, title| refusal(r, title, &"2026-000631", Lang::Zh);
        assert_eq!(
            zh(
                &Refusal::NeverAccepted {
                    state: CaseState::Registered
                },
                "受理告知书"
            ),
            "事项 2026-000631 未经受理(现为「已登记」),不能出具受理告知书"
        );
        let known = vec![
            UrgeNo {
                year: 2026,
                seq: 163,
                level: Escalation::Notice,
            },
            UrgeNo {
                year: 2026,
                seq: 170,
                level: Escalation::Listed,
            },
        ];
        let unknown = Refusal::UnknownUrge {
            asked: "督〔2019〕1号".into(),
            kind: UrgeKind::Supervision,
            known,
        };
        assert_eq!(
            zh(&unknown, "督办单"),
            "“督〔2019〕1号”不是事项 2026-000631 的督办文号;该事项的督办文号:督〔2026〕163号、督〔2026〕170号"
        );
        assert_eq!(
            refusal(&unknown, "supervision notice", &"2026-000631", Lang::En),
            "“督〔2019〕1号” is not a number of matter 2026-000631 (supervision); its supervision numbers: S-2026/163, S-2026/170"
        );
        let none = Refusal::NoUrge {
            kind: UrgeKind::Reminder,
        };
        assert_eq!(
            zh(&none, "催办单"),
            "事项 2026-000631 没有催办文号,不能出具催办单;请先在事项上登记催办"
        );
    }
}
