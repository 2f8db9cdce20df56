//! Place material: the counties of 普洱市 with their identity-number region codes and
//! townships, a few regions elsewhere, villages, village groups and town streets.

pub struct County {
    /// GB/T 2260 code, the first six digits of an identity number issued there.
    pub code: &'static str,
    /// As written in an address (the short form clerks use).
    pub name: &'static str,
    /// Share of petitioners living there, per thousand.
    pub weight: u32,
    pub townships: &'static [&'static str],
    /// The town where the county government sits, for street addresses; `None` for 思茅区,
    /// whose streets are written straight after the district.
    pub seat: Option<&'static str>,
}

/// The county whose desk the demo is: most petitioners live there, the township governments
/// among the handling departments are its own.
pub const HOME: usize = 1;

pub const PUER: &[County] = &[
    County {
        code: "530802",
        weight: 60,
        name: "思茅区",
        townships: &[
            "思茅镇",
            "南屏镇",
            "倚象镇",
            "思茅港镇",
            "六顺镇",
            "龙潭乡",
            "云仙乡",
        ],
        seat: None,
    },
    County {
        code: "530821",
        weight: 650,
        name: "宁洱县",
        townships: &[
            "宁洱镇",
            "磨黑镇",
            "德化镇",
            "同心镇",
            "勐先镇",
            "梅子镇",
            "普义乡",
            "德安乡",
            "黎明乡",
        ],
        seat: Some("宁洱镇"),
    },
    County {
        code: "530822",
        weight: 35,
        name: "墨江县",
        townships: &[
            "联珠镇",
            "通关镇",
            "新安镇",
            "文武镇",
            "龙坝镇",
            "雅邑镇",
            "景星镇",
            "鱼塘镇",
            "泗南江镇",
            "坝溜镇",
            "新抚镇",
            "团田镇",
            "孟弄乡",
            "那哈乡",
            "龙潭乡",
        ],
        seat: Some("联珠镇"),
    },
    County {
        code: "530823",
        weight: 35,
        name: "景东县",
        townships: &[
            "锦屏镇",
            "文井镇",
            "漫湾镇",
            "大朝山东镇",
            "花山镇",
            "大街镇",
            "太忠镇",
            "文龙镇",
            "安定镇",
            "景福镇",
            "龙街乡",
            "曼等乡",
            "林街乡",
        ],
        seat: Some("锦屏镇"),
    },
    County {
        code: "530824",
        weight: 30,
        name: "景谷县",
        townships: &[
            "威远镇",
            "永平镇",
            "正兴镇",
            "民乐镇",
            "凤山镇",
            "钟山乡",
            "景谷乡",
            "碧安乡",
            "益智乡",
            "勐班乡",
            "半坡乡",
        ],
        seat: Some("威远镇"),
    },
    County {
        code: "530825",
        weight: 25,
        name: "镇沅县",
        townships: &[
            "恩乐镇",
            "按板镇",
            "勐大镇",
            "者东镇",
            "九甲镇",
            "古城镇",
            "振太镇",
            "和平镇",
            "田坝乡",
            "里崴乡",
        ],
        seat: Some("恩乐镇"),
    },
    County {
        code: "530826",
        weight: 15,
        name: "江城县",
        townships: &[
            "勐烈镇",
            "整董镇",
            "曲水镇",
            "宝藏镇",
            "康平镇",
            "国庆乡",
            "嘉禾乡",
        ],
        seat: Some("勐烈镇"),
    },
    County {
        code: "530827",
        weight: 15,
        name: "孟连县",
        townships: &["娜允镇", "勐马镇", "芒信镇", "富岩镇", "景信乡", "公信乡"],
        seat: Some("娜允镇"),
    },
    County {
        code: "530828",
        weight: 45,
        name: "澜沧县",
        townships: &[
            "勐朗镇",
            "上允镇",
            "糯扎渡镇",
            "惠民镇",
            "东回镇",
            "谦六乡",
            "东河乡",
            "大山乡",
            "南岭乡",
            "雪林乡",
            "木戛乡",
            "发展河乡",
            "糯福乡",
            "竹塘乡",
            "富邦乡",
            "安康乡",
            "文东乡",
            "酒井乡",
        ],
        seat: Some("勐朗镇"),
    },
    County {
        code: "530829",
        weight: 10,
        name: "西盟县",
        townships: &[
            "勐梭镇",
            "勐卡镇",
            "翁嘎科镇",
            "中课镇",
            "新厂镇",
            "力所乡",
            "岳宋乡",
        ],
        seat: Some("勐梭镇"),
    },
];

/// Region codes elsewhere: people who were born outside 普洱 and live or work here. The
/// weights are per thousand, beside the counties' own.
pub const ELSEWHERE: &[(&str, u32)] = &[
    ("530102", 8), // 昆明市五华区
    ("530111", 8), // 昆明市官渡区
    ("530402", 4), // 玉溪市红塔区
    ("530902", 4), // 临沧市临翔区
    ("532801", 6), // 西双版纳州景洪市
    ("532822", 4), // 西双版纳州勐海县
    ("532503", 2), // 红河州蒙自市
    ("510104", 4), // 成都市锦江区
    ("500101", 2), // 重庆市万州区
    ("522601", 2), // 黔东南州凯里市
    ("430521", 2), // 邵阳市邵东县
];

/// Village names (without 村); many places in 普洱 carry Dai and Hani words (曼, 勐, 那, 芒).
pub const VILLAGES: &[&str] = &[
    "团结",
    "新寨",
    "大寨",
    "老寨",
    "中寨",
    "和平",
    "民主",
    "光明",
    "新民",
    "红旗",
    "龙潭",
    "岔河",
    "松山",
    "竹林",
    "水井",
    "团山",
    "凤凰",
    "回龙",
    "石头",
    "箐门口",
    "大平掌",
    "麻栗坪",
    "小黑江",
    "河头",
    "坝卡",
    "曼中",
    "曼岗",
    "曼海",
    "勐先",
    "那柯里",
    "那哈",
    "芒东",
    "芒洪",
    "南岛河",
    "整控",
    "帮东",
    "硝井",
    "温泉",
    "谦乐",
    "新华",
    "茶源",
    "茶山",
    "梅子",
    "大箐",
    "小河",
    "坡脚",
    "营盘",
    "田坝",
    "三家",
    "大村",
    "新田",
    "下寨",
    "上寨",
    "文联",
    "联合",
    "太和",
    "永和",
    "富裕",
    "南本",
    "勐梭",
];

/// Village groups (村民小组) with names; numbered groups are made in code.
pub const GROUPS: &[&str] = &[
    "大寨",
    "新寨",
    "老寨",
    "上寨",
    "下寨",
    "中寨",
    "河边",
    "坡头",
    "箐口",
    "田坝",
    "大平掌",
    "小寨",
    "岔路",
    "松林",
    "茶厂",
];

/// Streets of the county towns.
pub const STREETS: &[&str] = &[
    "人民路",
    "民族路",
    "团结路",
    "建设路",
    "滨河路",
    "新城路",
    "文化路",
    "茶源路",
    "温泉路",
    "幸福路",
    "北环路",
    "南环路",
];

/// Streets of 思茅, the city centre.
pub const CITY_STREETS: &[&str] = &[
    "振兴大道",
    "茶城大道",
    "月光路",
    "人民中路",
    "思亭路",
    "洗马湖路",
    "石屏路",
    "滨河路",
];

/// Estates (小区) for flats in town.
pub const ESTATES: &[&str] = &[
    "茶城花园",
    "阳光小区",
    "金色家园",
    "翠湖苑",
    "锦绣城",
    "康乐小区",
    "滨江苑",
    "和谐家园",
    "盛世名城",
    "普洱印象小区",
];
