//! What the office writes as a matter lives its life: which department handles which
//! category, why a matter is not accepted or where it is forwarded, handling plans, answers,
//! reasons for extensions, and the wording of reminders and supervision.

/// Departments (by name, as in `org::DEPARTMENTS`) that handle each category; the first is
/// the usual one. A category not listed goes to a township government.
pub const HANDLERS: &[(&str, &[&str])] = &[
    ("土地征收", &["县自然资源局", "县住房和城乡建设局"]),
    ("劳动社保", &["县人力资源和社会保障局", "县医疗保障局"]),
    ("城乡建设", &["县住房和城乡建设局", "县自然资源局"]),
    ("涉法涉诉", &["县司法局", "县公安局"]),
    ("农村农业", &["县农业农村局", "县林业和草原局"]),
    ("环境保护", &["市生态环境局县分局", "县农业农村局"]),
    ("教育医疗", &["县教育体育局", "县卫生健康局"]),
    ("民政救助", &["县民政局", "县医疗保障局"]),
    ("企业改制", &["县人力资源和社会保障局", "县市场监督管理局"]),
    ("党纪政纪", &["县公安局"]),
];

/// Why a matter is not accepted (不予受理): told to the petitioner, so worded for them.
pub const NOT_ACCEPTED: &[&str] = &[
    "已进入诉讼程序，应通过法定途径解决",
    "属于仲裁事项，请向劳动人事争议仲裁委员会申请",
    "同一事项已作出复核意见，不再受理",
    "反映事项不属于本机关职权范围",
    "诉求已在办理时限内，正在办理中",
];

/// Bodies outside the office a matter is forwarded to (转送).
pub const FORWARD_TO: &[&str] = &[
    "县人民法院",
    "县人民检察院",
    "市信访局",
    "县纪委监委",
    "县劳动人事争议仲裁委员会",
];

/// Where accusations against officials go.
pub const ACCUSATIONS_GO_TO: &str = "县纪委监委";

pub const PLANS: &[&str] = &[
    "先调阅档案，核实基本情况，再约见信访人",
    "会同乡镇实地查看，召开协调会",
    "核查补偿标准和发放记录，逐项答复",
    "约谈相关企业负责人，督促限期整改",
    "组织律师参与，依法依规提出处理意见",
    "成立专班，每周报送一次进展",
];

pub const ANSWERS: &[&str] = &[
    "经核查，反映问题属实，已责成相关单位限期解决",
    "经核查，反映问题部分属实，已作出相应处理",
    "经核查，反映问题不属实，已向信访人说明情况",
    "已按政策标准补发相关款项",
    "已协调企业与信访人达成和解协议",
    "已依法依规作出处理，并告知救济途径",
];

pub const REVIEW_ANSWERS: &[&str] = &[
    "经复查，原处理意见事实清楚、适用政策正确，予以维持",
    "经复查，原处理意见部分不当，予以变更",
];

pub const RE_REVIEW_ANSWERS: &[&str] = &[
    "经复核，维持复查意见，信访人同一事实和理由不再受理",
    "经复核，复查意见事实清楚，予以维持",
];

pub const EXTENSION_REASONS: &[&str] = &[
    "涉及多个部门，需联合调查",
    "需委托鉴定，鉴定结论尚未作出",
    "涉及历史遗留问题，需调阅大量档案",
];

/// The head who approves an extension, as the operator records it.
pub const EXTENSION_APPROVERS: &[&str] = &["局长", "分管副局长"];

pub const REMINDER_TEXTS: &[&str] = &[
    "请加快办理进度，按期报送办理情况",
    "该事项办理时间已过半，请报送阶段性办理情况",
];

pub const SUPERVISION_TEXTS: &[&str] = &[
    "该事项已超期未办结，请说明原因并限期办结",
    "信访人反复来访，请主要负责同志亲自过问，限期化解",
];
