//! Names of the kinds of events in the evidence log, and a subject's tokens in words.

use super::{Label, pick};
use crate::domain::audit::{AuditKind, subject};
use crate::domain::case::CaseState;
use crate::i18n::Lang;

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
pub fn subject_text(
    stored: &str,
    lang: Lang,
    leader_name: &dyn Fn(u64) -> Option<String>,
) -> String {
    subject::parts(stored)
        .map(|(key, value)| match key {
            subject::VISIT => format!("{} {value}", pick(lang, "来访", "visit")),
            subject::MATTER => format!("{} {value}", pick(lang, "事项", "matter")),
            subject::PETITIONER => format!("{} #{value}", pick(lang, "信访人", "petitioner")),
            subject::LEADER => match value.parse().ok().and_then(leader_name) {
                Some(name) => name,
                None => format!("{} #{value}", pick(lang, "领导", "leader")),
            },
            subject::DEPARTMENT => format!("{} #{value}", pick(lang, "单位", "department")),
            subject::STATE => CaseState::ALL
                .iter()
                .find(|s| format!("{s:?}") == value)
                .map_or_else(|| value.to_string(), |s| format!("→{}", s.label(lang))),
            subject::FLAGGED if value == "true" => pick(lang, "列入", "listed").to_string(),
            subject::FLAGGED => pick(lang, "移出", "taken off").to_string(),
            subject::DAYS => format!("{value}{}", pick(lang, " 天", " days")),
            subject::URGE => format!("{} {value}", pick(lang, "文号", "no.")),
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

/// An event's detail: the operator's words, except the two codes a registration stores.
pub fn detail_text(kind: AuditKind, stored: &str, lang: Lang) -> String {
    match (kind, stored) {
        (AuditKind::VisitRegistered, crate::domain::evidence::NEW_MATTER) => {
            pick(lang, "新事项", "new matter").to_string()
        }
        (AuditKind::VisitRegistered, crate::domain::evidence::LINKED) => {
            pick(lang, "续前事项", "continues its matter").to_string()
        }
        _ => stored.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}
