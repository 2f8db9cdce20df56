//! Wording of the calendar and deadline-policy errors: what an office reads when its
//! `policy.toml` or `holidays.json` is wrong, or when an extension is refused.

use super::{Localize, say};
use crate::domain::calendar::CalendarError;
use crate::domain::deadline::{DeadlineError, ExtensionError, PolicyError};
use crate::i18n::{Label, Lang};

impl Localize for CalendarError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            // The caller names the file and the line in front of this.
            CalendarError::Json { reason, .. } => say(
                lang,
                format!("不是有效的节假日数据({reason})"),
                format!("not a holiday calendar ({reason})"),
            ),
        }
    }
}

impl Localize for PolicyError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            PolicyError::Toml { reason, .. } => say(
                lang,
                format!(
                    "时限政策文件有误:{}",
                    super::config::toml_in_chinese(reason)
                ),
                format!("the deadline policy file is not valid: {reason}"),
            ),
            PolicyError::ZeroDays { field } => say(
                lang,
                format!("时限政策中 {field} 至少为1天"),
                format!("{field} in the deadline policy must be at least 1 day"),
            ),
            PolicyError::TooManyDays { field, days, max } => say(
                lang,
                format!("时限政策中 {field} = {days} 超过{max}天"),
                format!("{field} = {days} in the deadline policy is more than {max} days"),
            ),
            PolicyError::DuplicateTier { name } => say(
                lang,
                format!("时限政策中分级“{name}”重复"),
                format!("the deadline policy lists tier “{name}” twice"),
            ),
            PolicyError::EmptyTierName => say(
                lang,
                "时限政策中有分级未填名称".into(),
                "a tier in the deadline policy has no name".into(),
            ),
        }
    }
}

impl Localize for ExtensionError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ExtensionError::NoDays => say(
                lang,
                "延期至少1天".into(),
                "an extension is at least 1 day".into(),
            ),
            ExtensionError::OverCap { requested, max } => say(
                lang,
                format!("申请延期{requested}天,最多可延期{max}天"),
                format!("{requested} days asked; an extension is at most {max} days"),
            ),
            ExtensionError::OverTotal {
                requested,
                granted,
                max,
            } => {
                let left = max.saturating_sub(*granted);
                say(
                    lang,
                    format!(
                        "申请延期{requested}天;已延期{granted}天,合计最多{max}天,尚可延期{left}天"
                    ),
                    format!(
                        "{requested} days asked; {granted} of at most {max} already granted, {left} left"
                    ),
                )
            }
            ExtensionError::NoReason => say(
                lang,
                "请填写延期理由(须告知信访人)".into(),
                "enter the reason (the petitioner is told it)".into(),
            ),
            ExtensionError::NoApprover => say(
                lang,
                "请填写批准人".into(),
                "enter who approved the extension".into(),
            ),
        }
    }
}

impl Localize for DeadlineError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            DeadlineError::UnknownTier { name } => say(
                lang,
                format!("时限政策中已无分级“{name}”,请重新选择"),
                format!("tier “{name}” is no longer in the deadline policy; choose another"),
            ),
            DeadlineError::NotExtendable { stage } => say(
                lang,
                format!("“{}”的时限不能延期", stage.label(lang)),
                format!("the limit for “{}” cannot be extended", stage.label(lang)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deadline::{DeadlinePolicy, Extension};

    #[test]
    fn an_extension_over_the_cap_names_the_cap() {
        let e = Extension::request(45, "理由", "张科长", &DeadlinePolicy::default()).unwrap_err();
        assert_eq!(e.localize(Lang::Zh), "申请延期45天,最多可延期30天");
        assert_eq!(
            e.localize(Lang::En),
            "45 days asked; an extension is at most 30 days"
        );
    }

    #[test]
    fn an_extension_over_the_total_names_what_is_left() {
        let e = Extension::request(20, "理由", "张科长", &DeadlinePolicy::default())
            .unwrap()
            .check_total(15, 30)
            .unwrap_err();
        assert_eq!(
            e.localize(Lang::Zh),
            "申请延期20天;已延期15天,合计最多30天,尚可延期15天"
        );
        assert_eq!(
            e.localize(Lang::En),
            "20 days asked; 15 of at most 30 already granted, 15 left"
        );
    }

    #[test]
    fn a_bad_policy_file_says_where() {
        let text = "[handel]\ndays = 9\n";
        let e = DeadlinePolicy::from_toml(text).unwrap_err();
        let zh = e.localize(Lang::Zh);
        assert!(zh.starts_with("时限政策文件有误:"), "{zh}");
        assert!(zh.contains("handel"), "{zh}");
        // The line goes in front, with the file's name (`config::deadline_setup`).
        assert_eq!(e.line_in(text), Some(1));
    }
}
