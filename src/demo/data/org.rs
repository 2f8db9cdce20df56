//! Organisation material: the county leaders who receive petitioners, with their portfolios
//! (分管工作), and the departments that handle matters (承办单位).

/// (职务, 分管工作, share of women among holders, in percent).
pub const LEADERS: &[(&str, &str, u32)] = &[
    ("县委书记", "主持县委全面工作", 10),
    ("县长", "主持县政府全面工作，负责审计工作", 15),
    ("县委常委、政法委书记", "负责政法、综治、信访维稳工作", 10),
    (
        "常务副县长",
        "负责县政府常务工作，分管财政、税务、发展改革、人力资源和社会保障、应急管理",
        15,
    ),
    (
        "副县长",
        "分管自然资源、住房和城乡建设、交通运输、生态环境",
        15,
    ),
    (
        "副县长",
        "分管农业农村、林业和草原、水务、乡村振兴、茶叶和特色生物产业",
        20,
    ),
    (
        "副县长",
        "分管教育体育、卫生健康、民政、医疗保障、退役军人事务",
        40,
    ),
    ("副县长、县公安局局长", "分管公安、司法、民族宗教", 5),
    ("县政协主席", "主持县政协全面工作", 15),
];

/// County departments; the home county's township governments are added after them.
pub const DEPARTMENTS: &[&str] = &[
    "县自然资源局",
    "县人力资源和社会保障局",
    "县住房和城乡建设局",
    "县公安局",
    "县农业农村局",
    "县林业和草原局",
    "县教育体育局",
    "县卫生健康局",
    "县民政局",
    "县医疗保障局",
    "县司法局",
    "市生态环境局县分局",
    "县市场监督管理局",
];
