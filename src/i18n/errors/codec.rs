//! Damage found in stored bytes, worded for the administrator who meets it at the desk or in
//! `xfdesk check`. bincode's own descriptions are English and name Rust types; they are kept
//! for the English text only.

use super::{Localize, say};
use crate::i18n::Lang;
use crate::store::{CodecError, Damage, KeyOf, StoreError};

impl Localize for Damage {
    fn localize(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            Damage::CutShort => ("数据不完整(被截断)".into(), "cut short".into()),
            Damage::LeftOver(n) => (format!("末尾多出 {n} 字节"), format!("{n} bytes left over")),
            Damage::TooLong => (
                "其中记录的长度大得不可能".into(),
                "a length is impossibly large".into(),
            ),
            Damage::NotText => (
                "文字部分不是有效的 UTF-8 编码".into(),
                "text that is not UTF-8".into(),
            ),
            Damage::BadValue(detail) => (
                "含有本程序不认识的值(可能由更新版本的 xfdesk 写入)".into(),
                format!(
                    "a value this xfdesk does not know, perhaps written by a newer one ({detail})"
                ),
            ),
            Damage::OutOfOrder => (
                "同一存储块中的记录顺序错乱".into(),
                "the records stored with it are out of order".into(),
            ),
        };
        say(lang, zh, en)
    }
}

impl Localize for CodecError {
    fn localize(&self, lang: Lang) -> String {
        let r = self.record().localize(lang);
        match self {
            CodecError::Empty { .. } => say(
                lang,
                format!("{r} 是空的(已损坏)"),
                format!("{r} is empty (damaged)"),
            ),
            CodecError::UnknownVersion { version, .. } => say(
                lang,
                format!("{r} 的格式版本 {version} 比本程序新,请升级 xfdesk"),
                format!("{r} has format version {version}, newer than this xfdesk; upgrade it"),
            ),
            CodecError::Damaged { damage, .. } => {
                let damage = damage.localize(lang);
                say(
                    lang,
                    format!("{r} 已损坏:{damage}"),
                    format!("{r} is damaged: {damage}"),
                )
            }
            CodecError::TooLarge { bytes, .. } => {
                let mb = bytes.div_ceil(1 << 20);
                say(
                    lang,
                    format!("{r} 太大(约 {mb} MB),无法保存;请删减过长的内容"),
                    format!("{r} is too large to save (about {mb} MB); shorten the longest text"),
                )
            }
            CodecError::Encode { reason, .. } => say(
                lang,
                format!("{r} 无法编码"),
                format!("{r} could not be encoded: {reason}"),
            ),
        }
    }
}

impl Localize for KeyOf {
    fn localize(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            KeyOf::Record => ("一条记录", "a record"),
            KeyOf::Index => ("一个索引条目", "an index entry"),
            KeyOf::Ledger => ("一份台账", "a ledger"),
            KeyOf::Audit => ("证据日志", "the evidence log"),
        };
        say(lang, zh.into(), en.into())
    }
}

/// A store error that means the database holds damaged bytes: what is damaged, then what an
/// administrator does about it.
pub(super) fn damaged_store(e: &StoreError, lang: Lang) -> String {
    let what = match e {
        StoreError::Damaged(e) => e.localize(lang),
        StoreError::DamagedKey { part, key } => {
            let part = part.localize(lang);
            say(
                lang,
                format!("{part}的键已损坏({key})"),
                format!("a key of {part} is damaged ({key})"),
            )
        }
        StoreError::Dangling(record) => {
            let r = record.localize(lang);
            say(
                lang,
                format!("索引指向的{r}不存在"),
                format!("the index names {r}, which is missing"),
            )
        }
        other => return other.to_string(),
    };
    // A newer format is not damage: upgrading is the remedy, and the text says so.
    if matches!(e, StoreError::Damaged(CodecError::UnknownVersion { .. })) {
        return what;
    }
    say(
        lang,
        format!("{what}。请管理员运行 xfdesk check 检查数据库"),
        format!("{what}. The database may be damaged: an administrator should run xfdesk check"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::RecordRef;
    use crate::store::codec;

    #[test]
    fn damage_found_by_the_codec_is_told_in_chinese() {
        let bytes = codec::encode(&"张三丰".to_string(), RecordRef::Visit(7)).unwrap();
        let cut = codec::decode::<String>(&bytes[..bytes.len() - 1], RecordRef::Visit(7));
        let e = StoreError::from(cut.unwrap_err());
        let zh = e.localize(Lang::Zh);
        assert!(
            zh.starts_with("来访记录 #7 已损坏:数据不完整(被截断)"),
            "{zh}"
        );
        assert!(zh.contains("xfdesk check"), "{zh}");
        assert!(!zh.contains("cut short"), "{zh}");
        assert!(e.localize(Lang::En).contains("cut short"));
    }

    #[test]
    fn a_value_of_a_newer_xfdesk_keeps_bincodes_words_in_english_only() {
        let e = CodecError::Damaged {
            record: RecordRef::Case(3),
            damage: Damage::BadValue("UnexpectedVariant".into()),
        };
        assert!(!e.localize(Lang::Zh).contains("Unexpected"));
        assert!(e.localize(Lang::En).contains("UnexpectedVariant"));
    }

    #[test]
    fn a_damaged_key_names_its_part_and_sends_to_check() {
        let e = StoreError::damaged_key(KeyOf::Ledger, &[0xab, 0x01]);
        let zh = e.localize(Lang::Zh);
        assert!(zh.starts_with("一份台账的键已损坏(ab01)"), "{zh}");
        assert!(zh.contains("xfdesk check"));
    }

    #[test]
    fn a_newer_format_asks_for_an_upgrade_not_a_check() {
        let e = StoreError::Damaged(CodecError::UnknownVersion {
            record: RecordRef::Visit(1),
            version: 9,
        });
        let zh = e.localize(Lang::Zh);
        assert!(
            zh.contains("请升级 xfdesk") && !zh.contains("check"),
            "{zh}"
        );
    }
}
