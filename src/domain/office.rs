//! Settings an office chooses for itself (group-visit threshold, subject categories).

use serde::{Deserialize, Serialize};

use super::schedule::ReceptionSetting;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OfficeSettings {
    /// From how many visitors a visit counts as a group visit (集体访). A local rule; five is
    /// the common choice.
    pub group_threshold: u32,
    /// Subject categories (事项类别) offered at intake, in the order shown.
    pub categories: Vec<String>,
    /// Minutes without a key after which a shared terminal locks itself (0: never).
    pub idle_lock_minutes: u32,
    /// Wrong PINs in a row after which a login code locks until an administrator unlocks it.
    pub sign_in_attempts: u32,
    /// The weekly leader reception: weekday, hours, place, appointments per session.
    pub reception: ReceptionSetting,
}

impl Default for OfficeSettings {
    fn default() -> Self {
        OfficeSettings {
            group_threshold: 5,
            categories: [
                "土地征收",
                "劳动社保",
                "城乡建设",
                "涉法涉诉",
                "农村农业",
                "环境保护",
                "教育医疗",
                "民政救助",
                "企业改制",
                "党纪政纪",
                "其他",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            idle_lock_minutes: 5,
            sign_in_attempts: 5,
            reception: ReceptionSetting::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_file_from_before_the_schedule_loads_with_wednesday_mornings() {
        let old: OfficeSettings = toml::from_str("group_threshold = 3\n").expect("loads");
        assert_eq!(old.reception, ReceptionSetting::default());
        assert_eq!(old.reception.weekday(), chrono::Weekday::Wed);
        let friday: OfficeSettings =
            toml::from_str("[reception]\nweekday = 5\nstart = \"14:30:00\"\n").expect("loads");
        assert_eq!(friday.reception.weekday(), chrono::Weekday::Fri);
        assert_eq!(friday.reception.end, ReceptionSetting::default().end);
    }
}
