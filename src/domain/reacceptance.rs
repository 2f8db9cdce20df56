//! "Not accepted again on the same facts" (不再受理, 第36条): once a matter's re-review is
//! answered, a new visit by the same petitioner that looks like it should make intake warn.
//! Only a warning: whether the facts are really the same is the clerk's judgement.

use super::case::{Case, CaseId};
use super::matter::Package;
use super::visit::Kind;

/// How much two requests must share, as a share of their character pairs, to look alike.
/// Half: petitioners retell the same story in different words, but keep its key terms.
const SIMILAR: f64 = 0.5;

/// What intake knows of the new visit.
#[derive(Clone, Copy, Debug)]
pub struct Probe<'a> {
    pub kind: Kind,
    pub category: &'a str,
    pub summary: &'a str,
}

/// The barred matters among `earlier` (the same petitioner's matters with their packages) that
/// the new visit looks like: the same kind and category, or a request in much the same words.
pub fn barred_lookalikes<'a>(
    probe: Probe<'_>,
    earlier: impl IntoIterator<Item = (&'a Case, &'a Package)>,
) -> Vec<CaseId> {
    earlier
        .into_iter()
        .filter(|(_, p)| p.no_reacceptance)
        .filter(|(c, _)| {
            let same_category = c.kind == probe.kind
                && !probe.category.trim().is_empty()
                && c.category.trim() == probe.category.trim();
            same_category || similarity(&c.summary, probe.summary) >= SIMILAR
        })
        .map(|(c, _)| c.id)
        .collect()
}

/// Dice coefficient over adjacent character pairs, ignoring whitespace and punctuation: Chinese
/// has no spaces between words, and pairs catch most two-character words.
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (pairs(a), pairs(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut rest = b.clone();
    let mut shared = 0;
    for p in &a {
        if let Some(i) = rest.iter().position(|q| q == p) {
            rest.swap_remove(i);
            shared += 1;
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

fn pairs(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petitioner::PetitionerId;
    use crate::domain::serial::SerialNo;
    use crate::domain::visit::VisitId;
    use chrono::NaiveDate;

    fn case(id: u64, category: &str, summary: &str) -> Case {
        let at = NaiveDate::from_ymd_opt(2025, 3, 5)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        Case {
            id: CaseId(id),
            number: SerialNo {
                year: 2025,
                seq: id as u32,
            },
            petitioner_id: PetitionerId(1),
            first_visit: VisitId(id),
            opened_at: at,
            last_visit_at: at,
            visit_count: 1,
            kind: Kind::Appeal,
            category: category.into(),
            summary: summary.into(),
            state: crate::domain::case::CaseState::Closed,
        }
    }

    fn barred(flag: bool) -> Package {
        Package {
            no_reacceptance: flag,
            ..Package::default()
        }
    }

    #[test]
    fn a_new_visit_like_a_re_reviewed_matter_is_flagged() {
        let land = case(1, "征地拆迁", "村里征地补偿款未足额发放,要求补发");
        let wages = case(2, "劳动社保", "工地拖欠工资三个月");
        let (yes, no) = (barred(true), barred(false));
        let matters = [(&land, &yes), (&wages, &no)];

        let same_category = Probe {
            kind: Kind::Appeal,
            category: "征地拆迁",
            summary: "宅基地被占",
        };
        assert_eq!(barred_lookalikes(same_category, matters), [CaseId(1)]);

        let same_words = Probe {
            kind: Kind::Appeal,
            category: "其他",
            summary: "征地补偿款没有足额发放,要求补发。",
        };
        assert_eq!(barred_lookalikes(same_words, matters), [CaseId(1)]);

        let different = Probe {
            kind: Kind::Appeal,
            category: "城乡建设",
            summary: "小区路灯不亮",
        };
        assert!(barred_lookalikes(different, matters).is_empty());
    }

    #[test]
    fn a_matter_not_through_re_review_never_warns() {
        let wages = case(2, "劳动社保", "工地拖欠工资三个月");
        let no = barred(false);
        let probe = Probe {
            kind: Kind::Appeal,
            category: "劳动社保",
            summary: "工地拖欠工资三个月",
        };
        assert!(barred_lookalikes(probe, [(&wages, &no)]).is_empty());
    }

    #[test]
    fn similarity_ignores_punctuation_and_spaces() {
        assert_eq!(similarity("拖欠 工资!", "拖欠工资"), 1.0);
        assert_eq!(similarity("", "拖欠工资"), 0.0);
        assert!(similarity("拖欠工资", "路灯不亮") < SIMILAR);
    }
}
