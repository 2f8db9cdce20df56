//! Wording of what is wrong in a key map, theme or office file.

use super::{Localize, say};
use crate::domain::config_text::ConfigReason;
use crate::i18n::Lang;

impl Localize for ConfigReason {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ConfigReason::Toml(reason) => say(lang, toml_in_chinese(reason), reason.clone()),
            ConfigReason::Unreadable(reason) => reason.clone(),
            ConfigReason::UnknownCommand(name) => say(
                lang,
                format!("没有名为“{name}”的命令"),
                format!("there is no command “{name}”"),
            ),
            ConfigReason::UnknownKey { key, detail } => say(
                lang,
                format!("无法识别按键“{key}”({detail})"),
                format!("cannot read the key “{key}” ({detail})"),
            ),
            ConfigReason::NoKeyLeft(name) => say(
                lang,
                format!(
                    "命令“{name}”没有在任何界面都能用的按键(Ctrl 或 Alt 组合键、F 键等),离不开它"
                ),
                format!(
                    "the command “{name}” has no key that works everywhere (a Ctrl or Alt combination, an F-key), and the desk needs it"
                ),
            ),
            ConfigReason::UnknownStyle(name) => say(
                lang,
                format!("没有名为“{name}”的样式"),
                format!("there is no style “{name}”"),
            ),
            ConfigReason::UnknownColour(name) => say(
                lang,
                format!("“{name}”不是颜色(可用 red、light-blue 等名称或 #rrggbb)"),
                format!(
                    "“{name}” is not a colour (use a name such as red or light-blue, or #rrggbb)"
                ),
            ),
        }
    }
}

/// toml's message (English only) in Chinese for the mistakes an office makes in a settings
/// file: a value of the wrong type, a misspelt or missing name, a name given twice. Anything
/// else is named a format error, with toml's words kept for whoever fixes it.
pub(super) fn toml_in_chinese(message: &str) -> String {
    let quoted = |s: &str| s.trim().trim_matches('`').to_string();
    // serde lists what it expected as "`a`", "`a` or `b`" or "one of `a`, `b`, `c`".
    let names = |list: &str| {
        let list = list
            .trim()
            .trim_start_matches("one of ")
            .replace(" or ", ",");
        list.split(',')
            .map(quoted)
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("、")
    };
    let kind = |want: &str| {
        let want = want.trim();
        match want {
            "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
            | "an integer" => "整数".to_string(),
            "f32" | "f64" | "a float" => "数字".to_string(),
            "a boolean" | "bool" => "true 或 false".to_string(),
            "a string" | "a borrowed string" | "a character" => "加引号的文字".to_string(),
            "a sequence" | "an array" => "列表 [...]".to_string(),
            "a map" | "a table" => "表 { ... }".to_string(),
            other if other.starts_with("struct ") || other.starts_with("a map") => {
                "表 { ... }".to_string()
            }
            other => other.to_string(),
        }
    };
    // What was found, as serde names it: `string "sixty"`, "integer `5`", …
    let got = |got: &str| {
        let got = got.trim();
        for (en, zh) in [
            ("string ", "文字 "),
            ("integer ", "整数 "),
            ("floating point ", "小数 "),
            ("boolean ", ""),
            ("character ", "字符 "),
        ] {
            if let Some(value) = got.strip_prefix(en) {
                return format!("{zh}{}", value.trim_matches('`'));
            }
        }
        match got {
            "sequence" => "列表".to_string(),
            "map" => "表".to_string(),
            other => other.to_string(),
        }
    };
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, want)) = rest.rsplit_once(", expected ")
    {
        return format!("值的类型不对:应为{},这里是{}", kind(want), got(found));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, want)) = rest.rsplit_once(", expected ")
    {
        return format!("值不对:应为{},这里是{}", kind(want), got(found));
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((found, want)) = rest.split_once(", expected ")
    {
        return format!("个数不对:应为{want},这里有 {found} 个");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return match rest.split_once(", expected ") {
            Some((name, known)) => {
                format!(
                    "没有名为“{}”的设置项(可用的有:{})",
                    quoted(name),
                    names(known)
                )
            }
            None => {
                let name = rest.split(',').next().unwrap_or(rest);
                format!("没有名为“{}”的设置项", quoted(name))
            }
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return match rest.split_once(", expected ") {
            Some((got, known)) => {
                format!("“{}”不是可选的值(可选:{})", quoted(got), names(known))
            }
            None => format!("“{}”不是可选的值", quoted(rest)),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("缺少设置项“{}”", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("duplicate key") {
        let name = quoted(rest);
        return if name.is_empty() {
            "有设置项写了两次".to_string()
        } else {
            format!("设置项“{name}”写了两次")
        };
    }
    format!("格式不对(TOML 语法):{message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// toml's own messages for a file an office wrote, read back in Chinese.
    fn zh(text: &str) -> String {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Policy {
            days: u32,
            roll: Option<bool>,
            tier: Option<Tier>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Tier {
            Normal,
            Complex,
        }
        let e = toml::from_str::<Policy>(text).unwrap_err();
        ConfigReason::Toml(e.message().trim().replace('\n', " ")).localize(Lang::Zh)
    }

    #[test]
    fn the_usual_mistakes_in_a_settings_file_are_told_in_chinese() {
        assert_eq!(
            zh("days = \"sixty\""),
            "值的类型不对:应为整数,这里是文字 \"sixty\""
        );
        assert_eq!(
            zh("days = 60\nroll = \"yes\""),
            "值的类型不对:应为true 或 false,这里是文字 \"yes\""
        );
        assert_eq!(zh("days = 1.5"), "值的类型不对:应为整数,这里是小数 1.5");
        assert_eq!(
            zh("days = 60\nrol = true"),
            "没有名为“rol”的设置项(可用的有:days、roll、tier)"
        );
        assert_eq!(zh("roll = true"), "缺少设置项“days”");
        assert_eq!(
            zh("days = 60\ntier = \"hard\""),
            "“hard”不是可选的值(可选:normal、complex)"
        );
        // toml does not name the key; the message gives its line.
        assert!(zh("days = 60\ndays = 61").ends_with("写了两次"));
        assert!(
            zh("days = [").starts_with("格式不对(TOML 语法):"),
            "{}",
            zh("days = [")
        );
    }

    #[test]
    fn a_policy_files_mistake_is_told_in_chinese_too() {
        let e = crate::domain::deadline::DeadlinePolicy::from_toml("[handle]\ndays = \"sixty\"\n");
        let told = e.unwrap_err().localize(Lang::Zh);
        assert!(
            told.starts_with("时限政策文件有误:值的类型不对:应为整数"),
            "{told}"
        );
    }

    #[test]
    fn english_keeps_tomls_words() {
        let reason = ConfigReason::Toml("missing field `days`".into());
        assert_eq!(reason.localize(Lang::En), "missing field `days`");
    }
}
