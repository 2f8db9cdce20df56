//! Wording of what is wrong in a key map, theme or office file.

use super::{Localize, say};
use crate::domain::config_text::ConfigReason;
use crate::i18n::Lang;

impl Localize for ConfigReason {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ConfigReason::Toml(reason) | ConfigReason::Unreadable(reason) => reason.clone(),
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
                format!("命令“{name}”没有按键了,离不开它"),
                format!("the command “{name}” is left without a key, and the desk needs it"),
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
