//! Domain and store errors worded for the person at the desk. The core's `Display` texts are
//! for logs; these are what a clerk reads, naming what is wrong and how to put it right.

mod codec;
mod config;
mod deadline;
mod open;
mod operator;
mod org;
mod schedule;

use super::{Label, Lang, T};
use crate::domain::date::DateError;
use crate::domain::id_number::IdNumberError;
use crate::domain::intake::IntakeError;
use crate::domain::petitioner::NameError;
use crate::domain::phone::PhoneError;
use crate::store::backup::BackupError;
use crate::store::open_fault::OpenStep;
use crate::store::{RecordRef, StoreError};

pub trait Localize {
    fn localize(&self, lang: Lang) -> String;
}

pub(super) fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

impl Localize for IdNumberError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            IdNumberError::Empty => say(
                lang,
                "请填写身份证号".into(),
                "enter the identity number".into(),
            ),
            IdNumberError::Length { len } => say(
                lang,
                format!("身份证号应为18位(或旧式15位),现为{len}位"),
                format!(
                    "an identity number has 18 characters (15 in the old form); this has {len}"
                ),
            ),
            IdNumberError::NotDigit { position, found } => say(
                lang,
                format!("第{position}位“{found}”应为数字"),
                format!("character {position} ('{found}') should be a digit"),
            ),
            IdNumberError::Region { code } => say(
                lang,
                format!("地区码 {code} 不存在"),
                format!("region code {code} does not exist"),
            ),
            IdNumberError::BirthDate { text } => say(
                lang,
                format!("出生日期 {text} 不存在"),
                format!("birth date {text} does not exist"),
            ),
            IdNumberError::BirthInFuture { date } => say(
                lang,
                format!("出生日期 {date} 晚于今天"),
                format!("birth date {date} is in the future"),
            ),
            IdNumberError::BirthTooEarly { date } => say(
                lang,
                format!("出生日期 {date} 早于1900年"),
                format!("birth date {date} is before 1900"),
            ),
            IdNumberError::CheckDigit { expected, found } => say(
                lang,
                format!("校验位应为 {expected},不是 {found}"),
                format!("check digit should be {expected}, not {found}"),
            ),
        }
    }
}

impl Localize for PhoneError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            PhoneError::Empty => say(lang, "请填写电话".into(), "enter a phone number".into()),
            PhoneError::BadCharacter { found } => say(
                lang,
                format!("电话中不能有“{found}”"),
                format!("'{found}' cannot be in a phone number"),
            ),
            PhoneError::MobileLength { len } => say(
                lang,
                format!("手机号应为11位,现为{len}位"),
                format!("a mobile number has 11 digits; this has {len}"),
            ),
            PhoneError::MobilePrefix { found } => say(
                lang,
                format!("手机号第2位应为3–9,不是{found}"),
                format!("a mobile number's second digit is 3–9, not {found}"),
            ),
            PhoneError::MissingAreaCode => say(
                lang,
                "固定电话须加区号(如 0879-)".into(),
                "a landline needs its area code (e.g. 0879-)".into(),
            ),
            PhoneError::AreaCode { code } => say(
                lang,
                format!("区号 {code} 不存在"),
                format!("area code {code} does not exist"),
            ),
            PhoneError::LocalLength { len } => say(
                lang,
                format!("本地号码应为7或8位,现为{len}位"),
                format!("a local number has 7 or 8 digits; this has {len}"),
            ),
        }
    }
}

impl Localize for DateError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            DateError::NotADate { text } => say(
                lang,
                format!("“{text}”不是日期(格式 2026-11-20)"),
                format!("“{text}” is not a date (use 2026-11-20)"),
            ),
            DateError::NotATime { text } => say(
                lang,
                format!("“{text}”不是时间(格式 09:30)"),
                format!("“{text}” is not a time (use 09:30)"),
            ),
        }
    }
}

impl Localize for NameError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            NameError::Required => say(lang, "请填写姓名".into(), "enter the name".into()),
            NameError::TooLong { max } => say(
                lang,
                format!("姓名不能超过{max}个字"),
                format!("a name has at most {max} characters"),
            ),
            NameError::BadCharacter { found } => say(
                lang,
                format!("姓名中不能有“{found}”"),
                format!("'{found}' cannot be in a name"),
            ),
        }
    }
}

impl Localize for IntakeError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            IntakeError::Name(e) => e.localize(lang),
            IntakeError::IdNumber(e) => e.localize(lang),
            IntakeError::Phone(e) => e.localize(lang),
            IntakeError::Date(e) => e.localize(lang),
            IntakeError::ReceivedInFuture => say(
                lang,
                "收到时间不能晚于现在".into(),
                "the received time cannot be in the future".into(),
            ),
            IntakeError::SexContradictsId { id_says } => say(
                lang,
                format!("性别与身份证号不符(证号为{})", id_says.label(lang)),
                format!(
                    "sex does not match the ID number (which says {})",
                    id_says.label(lang)
                ),
            ),
            IntakeError::ContactRequired => say(
                lang,
                "走访须填身份证号或电话,以便查重".into(),
                "a walk-in needs an ID number or a phone, to find earlier visits".into(),
            ),
            IntakeError::AddressTooLong { max } => say(
                lang,
                format!("住址不能超过{max}个字"),
                format!("an address has at most {max} characters"),
            ),
            IntakeError::HeadCount { text } => say(
                lang,
                format!("“{text}”不是有效人数"),
                format!("“{text}” is not a number of people"),
            ),
            IntakeError::HeadCountBelowPeople { people } => say(
                lang,
                format!("人数不能少于已登记的{people}人"),
                format!("cannot be fewer than the {people} people registered"),
            ),
            IntakeError::TooManyRepresentatives { count } => say(
                lang,
                format!("代表{count}人,最多5人(含登记人)"),
                format!("{count} representatives; at most 5 (including the petitioner)"),
            ),
            IntakeError::UnknownCategory { category } => say(
                lang,
                format!("类别“{category}”不在本单位类别表中"),
                format!("category “{category}” is not in the office's list"),
            ),
            IntakeError::SummaryRequired => {
                say(lang, "请填写诉求内容".into(), "enter the request".into())
            }
            IntakeError::SummaryTooLong { max } => say(
                lang,
                format!("诉求内容不能超过{max}字"),
                format!("the request has at most {max} characters"),
            ),
        }
    }
}

impl Localize for RecordRef {
    fn localize(&self, lang: Lang) -> String {
        match self {
            RecordRef::Visit(id) => say(lang, format!("来访记录 #{id}"), format!("visit #{id}")),
            RecordRef::Petitioner(id) => {
                say(lang, format!("信访人 #{id}"), format!("petitioner #{id}"))
            }
            RecordRef::Case(id) => say(lang, format!("事项 #{id}"), format!("matter #{id}")),
            RecordRef::Package(id) => say(
                lang,
                format!("事项 #{id} 的包案记录"),
                format!("the case package of matter #{id}"),
            ),
            RecordRef::Ledger(id) => say(
                lang,
                format!("事项 #{id} 的台帐"),
                format!("the ledger of matter #{id}"),
            ),
            RecordRef::Pending { first, last } => say(
                lang,
                format!("事项 #{first}–#{last} 的待办记录"),
                format!("the pending-list rows of matters #{first}–#{last}"),
            ),
            RecordRef::Leader(id) => say(lang, format!("领导 #{id}"), format!("leader #{id}")),
            RecordRef::Department(id) => {
                say(lang, format!("承办单位 #{id}"), format!("department #{id}"))
            }
            RecordRef::Counter => say(lang, "编号计数器".into(), "a number counter".into()),
            RecordRef::Settings => say(lang, "数据库设置".into(), "the database settings".into()),
            RecordRef::Audit(seq) => say(
                lang,
                format!("操作日志第 {seq} 条"),
                format!("evidence log entry #{seq}"),
            ),
            RecordRef::IndexList => say(
                lang,
                "索引列表".to_string(),
                "a list of index entries".to_string(),
            ),
            RecordRef::AuditBlock { first, last } => say(
                lang,
                format!("操作日志第 {first}–{last} 条"),
                format!("evidence log entries #{first}–#{last}"),
            ),
            RecordRef::Session(id) => say(
                lang,
                format!("接访场次 #{id}"),
                format!("reception session #{id}"),
            ),
            RecordRef::Unavailable(id) => say(
                lang,
                format!("领导 #{id} 的不便接访日"),
                format!("the unavailable dates of leader #{id}"),
            ),
            RecordRef::Operator(id) => {
                say(lang, format!("操作员 #{id}"), format!("operator #{id}"))
            }
        }
    }
}

impl Localize for BackupError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            BackupError::NotABackup => lang.t(T::BackupNotABackup).to_string(),
            BackupError::NewerFormat(v) => lang.f(T::BackupNewer, &[v]),
            BackupError::Checksum => lang.t(T::BackupChecksum).to_string(),
            BackupError::Malformed(why) => lang.f(T::BackupMalformed, &[why]),
            BackupError::Count { expected, found } => lang.f(T::BackupCount, &[expected, found]),
            BackupError::Write(why) => lang.f(T::BackupWrite, &[why]),
            BackupError::Io { path, error } => lang.f(T::BackupIo, &[&path.display(), error]),
        }
    }
}

impl Localize for StoreError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            StoreError::InUse { path, pid } => {
                let path = path.display();
                match pid {
                    Some(pid) => say(
                        lang,
                        format!("数据库正被另一个 xfdesk 使用(PID {pid}):{path}"),
                        format!("database in use by another xfdesk, PID {pid}: {path}"),
                    ),
                    None => say(
                        lang,
                        format!("数据库正被另一个 xfdesk 使用:{path}"),
                        format!("database in use by another xfdesk: {path}"),
                    ),
                }
            }
            StoreError::Opening => say(
                lang,
                "数据库仍在打开".into(),
                "the database is still opening".into(),
            ),
            StoreError::Open { path, step, fault } => {
                let step_kind = *step;
                // Opening itself names only the fault; another step says which it was.
                let step = match step {
                    OpenStep::Open => String::new(),
                    other => {
                        let sep = say(lang, ":".into(), ": ".into());
                        format!("{}{sep}", other.localize(lang))
                    }
                };
                let fault = fault.localize(lang);
                let path = path.display();
                let (zh, en) = match step_kind {
                    OpenStep::Measure
                    | OpenStep::ClearCopy
                    | OpenStep::CreateCopy
                    | OpenStep::Copy
                    | OpenStep::WriteCopy
                    | OpenStep::MarkCopy
                    | OpenStep::SwapCopy => ("整理数据库", "compacting the database"),
                    OpenStep::Restore => ("恢复数据库", "restoring the database"),
                    _ => ("打开数据库", "opening the database"),
                };
                say(
                    lang,
                    format!("无法{zh} {path}:{step}{fault}"),
                    format!("{en} {path} failed: {step}{fault}"),
                )
            }
            StoreError::Damaged(_) | StoreError::DamagedKey { .. } | StoreError::Dangling(_) => {
                codec::damaged_store(self, lang)
            }
            StoreError::NotFound(r) => {
                let r = r.localize(lang);
                say(lang, format!("{r} 不存在"), format!("{r} does not exist"))
            }
            StoreError::CaseOfAnotherPetitioner { case, owner } => {
                let case = RecordRef::Case(case.0).localize(lang);
                let owner = RecordRef::Petitioner(owner.0).localize(lang);
                say(
                    lang,
                    format!("{case} 属于{owner},不能登记到本次信访人名下"),
                    format!("{case} belongs to {owner}, not to the person being registered"),
                )
            }
            StoreError::Matter(e) => e.localize(lang),
            StoreError::Organisation(e) => e.localize(lang),
            StoreError::Operator(e) => e.localize(lang),
            StoreError::Schedule(e) => e.localize(lang),
            StoreError::StillReferenced {
                record,
                name,
                matters,
            } => org::still_referenced(lang, *record, name, *matters),
            StoreError::Backup(e) => e.localize(lang),
            StoreError::Io(e) => say(
                lang,
                format!("写入磁盘失败:{e}"),
                format!("cannot write to disk: {e}"),
            ),
            StoreError::Disk { path, source } => {
                use std::io::ErrorKind;
                let path = path.display();
                match source.kind() {
                    ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                        lang.f(T::DiskFull, &[&path])
                    }
                    ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => {
                        lang.f(T::DiskReadOnly, &[&path])
                    }
                    _ => lang.f(T::DiskFailed, &[&path, source]),
                }
            }
            StoreError::Engine(e) => say(
                lang,
                format!("存储引擎错误:{e}"),
                format!("storage engine error: {e}"),
            ),
            StoreError::Unconfirmed { registered, reason } => say(
                lang,
                format!(
                    "已写入 {} 条来访,但磁盘未确认写入:{}",
                    registered.len(),
                    reason.localize(lang)
                ),
                format!(
                    "{} visit(s) written, but the disk did not confirm the write: {}",
                    registered.len(),
                    reason.localize(lang)
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id_number::IdNumber;
    use chrono::NaiveDate;

    #[test]
    fn a_wrong_check_digit_is_named_in_both_languages() {
        let e = IdNumber::parse("110105194912310021", NaiveDate::MAX).unwrap_err();
        assert_eq!(e.localize(Lang::Zh), "校验位应为 X,不是 1");
        assert_eq!(e.localize(Lang::En), "check digit should be X, not 1");
    }

    #[test]
    fn database_in_use_names_pid_and_path() {
        let e = StoreError::InUse {
            path: "/data/desk".into(),
            pid: Some(4242),
        };
        assert_eq!(
            e.localize(Lang::Zh),
            "数据库正被另一个 xfdesk 使用(PID 4242):/data/desk"
        );
        assert_eq!(
            e.localize(Lang::En),
            "database in use by another xfdesk, PID 4242: /data/desk"
        );
    }

    #[test]
    fn a_refused_change_to_a_matter_says_what_is_possible() {
        use crate::domain::case::CaseState;
        use crate::domain::lifecycle::{Move, apply};
        use crate::domain::matter::MatterError;
        let refused = apply(CaseState::Registered, &Move::Close).unwrap_err();
        let e = StoreError::Matter(MatterError::Illegal(refused));
        assert_eq!(
            e.localize(Lang::Zh),
            "不能从「已登记」直接「办结」;可以:受理、不予受理、转送"
        );
    }

    #[test]
    fn another_petitioners_matter_names_the_matter_and_its_owner() {
        use crate::domain::case::CaseId;
        use crate::domain::petitioner::PetitionerId;
        let e = StoreError::CaseOfAnotherPetitioner {
            case: CaseId(7),
            owner: PetitionerId(3),
        };
        assert_eq!(
            e.localize(Lang::Zh),
            "事项 #7 属于信访人 #3,不能登记到本次信访人名下"
        );
        assert_eq!(
            e.localize(Lang::En),
            "matter #7 belongs to petitioner #3, not to the person being registered"
        );
    }
}
