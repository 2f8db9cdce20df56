//! Why a database could not be opened, compacted or restored, in the user's words.

use super::{Localize, say};
use crate::i18n::Lang;
use crate::store::open_fault::{OpenFault, OpenStep};

impl Localize for OpenStep {
    fn localize(&self, lang: Lang) -> String {
        let zh = match self {
            OpenStep::Open => "打开时出错",
            OpenStep::CreateDir => "无法创建数据库目录",
            OpenStep::FinishCompaction => "无法完成上次中断的整理",
            OpenStep::RemoveSnapshot => "无法删除未写完的快照文件",
            OpenStep::OpenDataFile => "无法打开数据文件",
            OpenStep::Protect => "无法设置文件权限",
            OpenStep::Measure => "无法统计数据库大小",
            OpenStep::ClearCopy => "无法清除上次留下的副本",
            OpenStep::CreateCopy => "无法创建副本",
            OpenStep::Copy => "复制时出错",
            OpenStep::WriteCopy => "无法写入副本",
            OpenStep::MarkCopy => "无法标记副本已写完",
            OpenStep::SwapCopy => "无法用副本替换原有文件",
            OpenStep::Restore => "无法写入恢复的数据库",
        };
        say(lang, zh.to_string(), self.to_string())
    }
}

impl Localize for OpenFault {
    fn localize(&self, lang: Lang) -> String {
        match self {
            OpenFault::Damaged => say(
                lang,
                "数据库文件已损坏。请用最近的备份恢复到一个新目录(xfdesk restore 备份文件 --db 新目录),之后改用新目录;损坏的目录请保留,交技术人员查看".into(),
                "the database file is damaged. Restore the latest backup into a new directory (xfdesk restore FILE --db NEW) and use that; keep the damaged directory for a technician".into(),
            ),
            OpenFault::Refused(why) => say(
                lang,
                format!("存储引擎拒绝打开({why})"),
                format!("the storage engine refuses it ({why})"),
            ),
            OpenFault::EngineBug(what) => say(
                lang,
                format!("存储引擎出错({what})"),
                format!("the storage engine failed ({what})"),
            ),
            OpenFault::Missing(name) => say(
                lang,
                format!("数据库缺少一部分({name})"),
                format!("part of the database is missing ({name})"),
            ),
            OpenFault::Io(e) => {
                let os = e.to_string();
                match e.kind() {
                    std::io::ErrorKind::NotFound => {
                        say(lang, format!("找不到文件({os})"), format!("a file is missing ({os})"))
                    }
                    _ => say(lang, format!("磁盘操作失败({os})"), os),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;

    #[test]
    fn a_damaged_database_says_what_the_office_does_in_its_language() {
        let e = StoreError::Open {
            path: "/srv/xfdesk".into(),
            step: OpenStep::Open,
            fault: OpenFault::Damaged,
        };
        let zh = e.localize(Lang::Zh);
        assert!(
            zh.starts_with("无法打开数据库 /srv/xfdesk:数据库文件已损坏"),
            "{zh}"
        );
        assert!(zh.contains("xfdesk restore"), "{zh}");
        assert!(!zh.contains("damaged"), "{zh}");
        let en = e.localize(Lang::En);
        assert!(
            en.contains("the database file is damaged. Restore the latest backup"),
            "{en}"
        );
    }

    #[test]
    fn a_failed_step_is_named_with_the_disks_words() {
        let e = StoreError::Open {
            path: "/srv/xfdesk".into(),
            step: OpenStep::SwapCopy,
            fault: OpenFault::Io(std::io::ErrorKind::NotFound.into()),
        };
        let zh = e.localize(Lang::Zh);
        assert!(
            zh.starts_with("无法整理数据库 /srv/xfdesk:无法用副本替换原有文件:找不到文件"),
            "{zh}"
        );
    }
}
