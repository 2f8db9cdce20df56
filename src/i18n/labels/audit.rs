//! Names of the kinds of events in the evidence log, and a subject's tokens in words.

use super::{Label, pick};
use crate::domain::audit::{AuditKind, detail, subject};
use crate::domain::case::CaseState;
use crate::domain::permission::Role;
use crate::domain::supervision::{Escalation, UrgeNo};
use crate::i18n::{Lang, Localize};

/// Names of the leaders and departments a subject refers to by id; `None` for one not known
/// (deleted, or not loaded), which is then shown by its id.
pub struct Names<'a> {
    pub leader: &'a dyn Fn(u64) -> Option<String>,
    pub department: &'a dyn Fn(u64) -> Option<String>,
}

/// A stored `urge` token's number in the reader's form (督〔2026〕163号) when the subject says
/// its level; entries from before the level was written show the number as stored.
fn urge_text(value: &str, level: Option<Escalation>, lang: Lang) -> String {
    let parsed = value
        .split_once('-')
        .and_then(|(y, s)| Some((y.parse().ok()?, s.parse().ok()?)));
    match (parsed, level) {
        (Some((year, seq)), Some(level)) => UrgeNo { year, seq, level }.localize(lang),
        _ => format!("{} {value}", pick(lang, "文号", "no.")),
    }
}

impl Label for AuditKind {
    fn label(&self, lang: Lang) -> &'static str {
        use AuditKind::*;
        match self {
            SignedIn => pick(lang, "登录", "Signed in"),
            SignInFailed => pick(lang, "登录失败", "Sign-in failed"),
            CodeLocked => pick(lang, "账号锁定", "Code locked"),
            SignedOut => pick(lang, "退出登录", "Signed out"),
            Revealed => pick(lang, "查看完整号码", "Full number shown"),
            Exported => pick(lang, "导出", "Exported"),
            Imported => pick(lang, "导入", "Imported"),
            OperatorChanged => pick(lang, "操作员变更", "Operator changed"),
            CommandLine => pick(lang, "命令行", "Command line"),
            VisitRegistered => pick(lang, "来访登记", "Visit registered"),
            MatterMoved => pick(lang, "事项流转", "Matter moved"),
            ResponsibilityAppointed => pick(lang, "指定包案领导", "Leader appointed"),
            ResponsibilityTransferred => pick(lang, "包案移交", "Responsibility transferred"),
            CollectiveStudySet => pick(lang, "集体研究", "Collective study"),
            TeamSet => pick(lang, "工作专班", "Team"),
            PlanSet => pick(lang, "化解方案", "Plan"),
            Instructed => pick(lang, "领导批示", "Leader's instruction"),
            StateImported => pick(lang, "导入原台账状态", "State from the earlier ledger"),
            TierSet => pick(lang, "办理时限档次", "Tier"),
            Extended => pick(lang, "延期", "Extended"),
            Urged => pick(lang, "催办督办", "Reminder/supervision"),
            UrgeAnswered => pick(lang, "催督办回复", "Reminder answered"),
            OrgAdded => pick(lang, "新增领导/单位", "Leader/department added"),
            OrgEdited => pick(lang, "修改领导/单位", "Leader/department edited"),
            OrgActivated => pick(lang, "启用领导/单位", "Leader/department reactivated"),
            OrgDeactivated => pick(lang, "停用领导/单位", "Leader/department deactivated"),
            OrgDeleted => pick(lang, "删除领导/单位", "Leader/department deleted"),
            SessionPlanned => pick(lang, "安排接访", "Session planned"),
            SessionRemoved => pick(lang, "取消接访", "Session removed"),
            RotaGenerated => pick(lang, "生成轮值表", "Rota generated"),
            LeadersSwapped => pick(lang, "调换接访领导", "Leaders swapped"),
            UnavailableSet => pick(lang, "领导不便接访日", "Leader unavailable"),
            AppointmentBooked => pick(lang, "预约接访", "Appointment booked"),
            AppointmentCancelled => pick(lang, "取消预约", "Appointment cancelled"),
            ArrivalQueued => pick(lang, "接访排号", "Arrival queued"),
            ArrivalAdvanced => pick(lang, "接访叫号", "Arrival moved on"),
            BackedUp => pick(lang, "备份", "Backed up"),
            Restored => pick(lang, "从备份恢复", "Restored from a backup"),
        }
    }
}

/// A stored subject in the reader's words: `visit:2026-000001` → 来访 2026-000001.
pub fn subject_text(stored: &str, lang: Lang, names: &Names) -> String {
    let level = subject::value(stored, subject::LEVEL)
        .and_then(|v| Escalation::ALL.into_iter().find(|l| format!("{l:?}") == v));
    subject::parts(stored)
        .filter(|(key, _)| *key != subject::LEVEL || level.is_none())
        .map(|(key, value)| match key {
            subject::VISIT => format!("{} {value}", pick(lang, "来访", "visit")),
            subject::MATTER => format!("{} {value}", pick(lang, "事项", "matter")),
            subject::PETITIONER => format!("{} #{value}", pick(lang, "信访人", "petitioner")),
            subject::LEADER => match value.parse().ok().and_then(names.leader) {
                Some(name) => name,
                None => format!("{} #{value}", pick(lang, "领导", "leader")),
            },
            subject::DEPARTMENT => match value.parse().ok().and_then(names.department) {
                Some(name) => name,
                None => format!("{} #{value}", pick(lang, "单位", "department")),
            },
            subject::STATE => CaseState::ALL
                .iter()
                .find(|s| format!("{s:?}") == value)
                .map_or_else(|| value.to_string(), |s| format!("→{}", s.label(lang))),
            subject::FLAGGED if value == "true" => pick(lang, "列入", "listed").to_string(),
            subject::FLAGGED => pick(lang, "移出", "taken off").to_string(),
            subject::DAYS => format!("{value}{}", pick(lang, " 天", " days")),
            // 约谈, 通报 and 挂牌督办 share the 督 series: the level says which it was.
            subject::URGE => match level {
                Some(l) if l > Escalation::Notice => {
                    format!("{} {}", l.label(lang), urge_text(value, level, lang))
                }
                _ => urge_text(value, level, lang),
            },
            subject::SESSION => format!("{} #{value}", pick(lang, "接访场次", "session")),
            subject::DATE => value.to_string(),
            subject::CASE => format!("{} #{value}", pick(lang, "事项", "matter")),
            subject::ARRIVAL => format!("{} {value}", pick(lang, "号", "no.")),
            _ if key.is_empty() => value.to_string(),
            _ => format!("{key}:{value}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An event's detail: the operator's words as written, the codes the program writes
/// (`audit::detail`) in the reader's words; anything else (older entries in words no code
/// knows) as stored.
pub fn detail_text(kind: AuditKind, stored: &str, lang: Lang) -> String {
    let as_stored = || stored.split_whitespace().collect::<Vec<_>>().join(" ");
    match kind {
        AuditKind::VisitRegistered => match stored {
            crate::domain::evidence::NEW_MATTER => pick(lang, "新事项", "new matter").to_string(),
            crate::domain::evidence::LINKED => {
                pick(lang, "续前事项", "continues its matter").to_string()
            }
            _ => as_stored(),
        },
        AuditKind::SignedOut
        | AuditKind::SignInFailed
        | AuditKind::CodeLocked
        | AuditKind::OperatorChanged => program_words(stored, lang).unwrap_or_else(as_stored),
        AuditKind::Exported => exported(stored, lang).unwrap_or_else(as_stored),
        _ => as_stored(),
    }
}

/// A code of `audit::detail`, or `command line: CODE`, or an operator change.
fn program_words(stored: &str, lang: Lang) -> Option<String> {
    let word = |code: &str| -> Option<&'static str> {
        Some(match code {
            detail::SWITCH => pick(lang, "换人登录", "to let another sign in"),
            detail::IDLE => pick(lang, "无操作自动锁屏", "locked after standing idle"),
            detail::UNKNOWN_CODE => pick(lang, "无此账号", "unknown code"),
            detail::LOCKED => pick(lang, "账号已锁定", "code locked"),
            detail::DEACTIVATED => pick(lang, "已停用", "deactivated"),
            detail::WRONG_PIN => pick(lang, "密码错误", "wrong PIN"),
            detail::COMMAND_LINE => pick(lang, "命令行", "command line"),
            detail::FIRST_ADMIN | detail::FIRST_ADMIN_LEGACY => {
                pick(lang, "首位管理员", "first administrator")
            }
            detail::ADDED => pick(lang, "新增", "added"),
            detail::EDITED => pick(lang, "修改", "edited"),
            detail::PIN_RESET => pick(lang, "重设密码", "PIN reset"),
            detail::REACTIVATED => pick(lang, "重新启用", "reactivated"),
            detail::UNLOCKED => pick(lang, "解除锁定", "unlocked"),
            _ => return None,
        })
    };
    if let Some((place, code)) = stored.split_once(": ") {
        let sep = pick(lang, ":", ": ");
        return Some(format!("{}{sep}{}", word(place)?, word(code)?));
    }
    let mut parts = stored.split("; ");
    let act = word(parts.next()?)?;
    let rest: Vec<&str> = parts.collect();
    let [role, active] = rest.as_slice() else {
        return rest.is_empty().then(|| act.to_string());
    };
    let role = role.strip_prefix("role ")?;
    let role = Role::ALL.into_iter().find(|r| format!("{r:?}") == role)?;
    let active = match active.strip_prefix("active ")? {
        "true" => pick(lang, "在用", "active"),
        "false" => pick(lang, "停用", "inactive"),
        _ => return None,
    };
    let sep = pick(lang, ";", "; ");
    Some(format!("{act}{sep}{}{sep}{active}", role.label(lang)))
}

/// `document:KIND FILE`: the document's name and the file.
fn exported(stored: &str, lang: Lang) -> Option<String> {
    let (token, file) = stored.split_once(' ')?;
    let (key, stem) = token.split_once(':')?;
    if key != detail::DOCUMENT {
        return None;
    }
    let kind = [
        crate::document::DocumentKind::Acceptance,
        crate::document::DocumentKind::Assignment,
        crate::document::DocumentKind::Reminder,
        crate::document::DocumentKind::Supervision,
    ]
    .into_iter()
    .find(|k| k.file_stem() == stem)?;
    Some(format!("{} {file}", lang.t(kind.title())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> (
        impl Fn(u64) -> Option<String>,
        impl Fn(u64) -> Option<String>,
    ) {
        (
            |id| (id == 7).then(|| "王副县长".to_string()),
            |id| (id == 25).then(|| "县自然资源局".to_string()),
        )
    }

    fn subject(stored: &str, lang: Lang) -> String {
        let (leader, department) = names();
        let names = Names {
            leader: &leader,
            department: &department,
        };
        subject_text(stored, lang, &names)
    }

    #[test]
    fn departments_are_named_and_unknown_ones_shown_by_id() {
        assert_eq!(
            subject(
                "matter:2026-000622 state:Assigned department:25 department:3",
                Lang::Zh
            ),
            "事项 2026-000622 →已交办 县自然资源局 单位 #3"
        );
    }

    #[test]
    fn an_urge_number_reads_as_on_paper_when_its_level_is_stored() {
        let zh = |s| subject(s, Lang::Zh);
        assert_eq!(
            zh("matter:2026-000622 level:Notice urge:2026-163 department:25"),
            "事项 2026-000622 督〔2026〕163号 县自然资源局"
        );
        assert_eq!(zh("level:Reminder urge:2026-168"), "催〔2026〕168号");
        assert_eq!(zh("level:Listed urge:2026-9"), "挂牌督办 督〔2026〕9号");
        assert_eq!(
            subject("level:Notice urge:2026-163", Lang::En),
            "S-2026/163"
        );
        // Written before the level was: the series is not known, the number shows as stored.
        assert_eq!(zh("urge:2026-163"), "文号 2026-163");
    }

    #[test]
    fn what_the_program_wrote_reads_in_the_readers_language() {
        let zh = |kind, stored| detail_text(kind, stored, Lang::Zh);
        assert_eq!(zh(AuditKind::SignedOut, detail::SWITCH), "换人登录");
        assert_eq!(zh(AuditKind::SignedOut, detail::IDLE), "无操作自动锁屏");
        assert_eq!(
            zh(AuditKind::OperatorChanged, detail::FIRST_ADMIN),
            "首位管理员"
        );
        assert_eq!(
            zh(AuditKind::OperatorChanged, "first administrator"),
            "首位管理员",
            "as older versions wrote it"
        );
        assert_eq!(
            zh(AuditKind::SignInFailed, "command line: wrong PIN"),
            "命令行:密码错误"
        );
        let changed = detail::operator(detail::ADDED, Role::Supervisor, true);
        assert_eq!(zh(AuditKind::OperatorChanged, &changed), "新增;督办员;在用");
        assert_eq!(
            detail_text(AuditKind::OperatorChanged, &changed, Lang::En),
            "added; Supervisor; active"
        );
        assert_eq!(
            zh(AuditKind::Exported, "document:reminder /tmp/催办 单.txt"),
            "催办单 /tmp/催办 单.txt"
        );
        assert_eq!(
            detail_text(AuditKind::Exported, "document:supervision a.html", Lang::En),
            "supervision notice a.html"
        );
    }

    #[test]
    fn words_no_code_knows_and_the_operators_own_show_as_stored() {
        let zh = |kind, stored| detail_text(kind, stored, Lang::Zh);
        assert_eq!(zh(AuditKind::SignedOut, "something else"), "something else");
        assert_eq!(
            zh(
                AuditKind::OperatorChanged,
                "added; role Nobody; active true"
            ),
            "added; role Nobody; active true"
        );
        assert_eq!(
            zh(AuditKind::Exported, "/tmp/台账.csv rows:3 full"),
            "/tmp/台账.csv rows:3 full"
        );
        assert_eq!(
            zh(AuditKind::MatterMoved, "switch"),
            "switch",
            "a note is the operator's"
        );
    }
}
