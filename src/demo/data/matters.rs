//! Matter material: how often each category comes to a county desk and the wording of its
//! requests (诉求). Placeholders in braces are filled in `matters.rs`: {村} {镇} {项目} {企业}
//! {原企业} {金额} {年份} {人数} {小区} {河流} {亩数}.

use crate::domain::visit::Kind;

pub struct Template {
    pub kind: Kind,
    /// Worded for many people on one matter (集体访).
    pub group: bool,
    pub text: &'static str,
}

const fn appeal(text: &'static str) -> Template {
    Template {
        kind: Kind::Appeal,
        group: false,
        text,
    }
}

const fn accuse(text: &'static str) -> Template {
    Template {
        kind: Kind::Accusation,
        group: false,
        text,
    }
}

const fn suggest(text: &'static str) -> Template {
    Template {
        kind: Kind::Suggestion,
        group: false,
        text,
    }
}

const fn group(text: &'static str) -> Template {
    Template {
        kind: Kind::Appeal,
        group: true,
        text,
    }
}

pub struct CategoryMaterial {
    pub category: &'static str,
    /// Share of individual matters.
    pub weight: u32,
    /// Share of group matters.
    pub group_weight: u32,
    pub templates: &'static [Template],
}

/// The default categories of `OfficeSettings`. A category an office added itself gets the
/// wording of `GENERIC`.
pub const CATEGORIES: &[CategoryMaterial] = &[
    CategoryMaterial {
        category: "土地征收",
        weight: 14,
        group_weight: 30,
        templates: &[
            appeal(
                "反映{村}承包地{亩数}亩于{年份}年被{项目}征收，征地补偿款至今未足额兑付，要求尽快兑付。",
            ),
            appeal("对{项目}征地补偿标准有异议，认为补偿偏低，要求按新标准提高征地补偿标准。"),
            appeal("对{项目}征地安置方案有异议，要求重新核定安置人口和安置面积。"),
            appeal("反映{村}集体林地被{项目}占用，未签订征地协议，要求依法补偿。"),
            appeal("反映房屋在{项目}征收范围内，对评估价格不认可，要求重新评估。"),
            accuse("反映{村}村干部截留、挪用征地补偿款，要求查处并公开账目。"),
            suggest("建议公开{项目}征地补偿标准和补偿款分配方案，接受群众监督。"),
            group("{村}{人数}户村民反映{项目}征地补偿款分配不公，要求重新核算并公开分配方案。"),
            group(
                "{村}村民反映{项目}未办征地手续先行施工占地，青苗和地上附着物补偿未到位，要求停工并补偿。",
            ),
        ],
    },
    CategoryMaterial {
        category: "劳动社保",
        weight: 16,
        group_weight: 25,
        templates: &[
            appeal("反映在{企业}务工期间被拖欠工资{金额}元，多次讨要未果，要求帮助追讨。"),
            appeal("对养老保险缴费年限认定有异议，要求补缴并按时发放养老金。"),
            appeal("反映工伤认定久拖未决，要求尽快作出工伤认定并落实工伤待遇。"),
            appeal("反映被{企业}无故辞退，要求支付经济补偿金。"),
            appeal("要求解决原代课教师养老保险待遇问题。"),
            accuse("举报{企业}未与职工签订劳动合同、未缴纳社会保险。"),
            suggest("建议简化城乡居民医疗保险异地就医报销手续。"),
            group("{人数}名农民工反映{项目}工程拖欠工资共计{金额}元，要求尽快支付。"),
            group("{企业}{人数}名职工反映企业停产后工资和社保费长期欠缴，要求协调解决。"),
        ],
    },
    CategoryMaterial {
        category: "城乡建设",
        weight: 15,
        group_weight: 15,
        templates: &[
            appeal("反映所购{小区}商品房逾期未交房，要求开发商按合同交房并支付违约金。"),
            appeal("反映{小区}房屋办证难，要求尽快办理不动产权证。"),
            appeal("对棚户区改造房屋拆迁补偿有异议，要求重新评估。"),
            appeal("反映邻居违章建房影响采光和通行，要求依法拆除。"),
            appeal("反映道路施工造成自家房屋开裂，要求鉴定并赔偿。"),
            accuse("反映{小区}物业服务差、乱收费，要求主管部门查处。"),
            suggest("建议在{镇}街道增设路灯和人行横道。"),
            group("{小区}{人数}户业主反映开发商逾期交房且未按规划建设配套设施，要求督促整改。"),
            group("{小区}业主反映房屋出现渗水开裂等质量问题，要求组织鉴定并维修。"),
        ],
    },
    CategoryMaterial {
        category: "涉法涉诉",
        weight: 12,
        group_weight: 0,
        templates: &[
            appeal("对县人民法院民事判决不服，认为事实认定错误，要求再审。"),
            appeal("反映借贷纠纷案件判决生效后长期未执行，要求法院强制执行。"),
            appeal("对交通事故责任认定有异议，要求重新认定。"),
            appeal("反映报案后公安机关迟迟未立案，要求依法立案侦查。"),
            appeal("反映与{村}村民宅基地纠纷经调解未果，要求依法处理。"),
            accuse("控告办案人员违规办案、偏袒对方当事人，要求调查处理。"),
        ],
    },
    CategoryMaterial {
        category: "农村农业",
        weight: 14,
        group_weight: 10,
        templates: &[
            appeal("反映与邻村林地权属纠纷，要求政府调处。"),
            appeal("反映{村}土地承包经营权确权登记面积有误，要求更正。"),
            appeal("反映茶园流转给{企业}后租金未按时支付，要求兑付。"),
            appeal("反映{村}饮水工程建成后一直不能正常供水，要求解决饮水困难。"),
            appeal("反映易地扶贫搬迁安置房漏雨开裂，要求维修。"),
            appeal("反映生态公益林补偿款未发放到户，要求核查兑付。"),
            accuse("反映{村}村干部在产业扶持资金分配中优亲厚友，要求查处。"),
            suggest("建议修缮{村}至{镇}的村组道路。"),
            group("{村}{人数}户茶农反映{企业}拖欠鲜叶收购款{金额}元，要求协调兑付。"),
        ],
    },
    CategoryMaterial {
        category: "环境保护",
        weight: 6,
        group_weight: 5,
        templates: &[
            appeal("反映{企业}排放污水污染{河流}和农田，要求查处。"),
            appeal("反映附近采石场爆破粉尘和噪音扰民，要求整治。"),
            appeal("反映养殖场臭气扰民，要求依法搬迁。"),
            accuse("举报有人在{河流}非法采砂，要求依法查处。"),
            accuse("举报{村}附近山林被乱砍滥伐，要求林业部门查处。"),
            suggest("建议加强{河流}沿岸垃圾清理和水质监测。"),
            group("{村}村民反映{企业}废水直排{河流}致鱼类死亡、庄稼减产，要求赔偿并停产整治。"),
        ],
    },
    CategoryMaterial {
        category: "教育医疗",
        weight: 6,
        group_weight: 0,
        templates: &[
            appeal("反映子女入学被安排到较远学校，要求就近入学。"),
            appeal("对医疗纠纷处理结果不满，要求医院赔偿。"),
            appeal("反映医疗保险报销比例与政策规定不符，要求复核。"),
            accuse("反映{镇}中学违规收取资料费，要求查处并退还。"),
            suggest("建议为{镇}卫生院增配医生和设备。"),
        ],
    },
    CategoryMaterial {
        category: "民政救助",
        weight: 7,
        group_weight: 0,
        templates: &[
            appeal("家庭生活困难，要求纳入最低生活保障。"),
            appeal("反映低保被取消，要求恢复低保待遇。"),
            appeal("要求落实残疾人生活补贴和护理补贴。"),
            appeal("反映房屋受灾倒塌，要求给予临时救助。"),
            appeal("要求落实退役军人优抚待遇。"),
            accuse("举报{村}有人不符合条件享受低保。"),
        ],
    },
    CategoryMaterial {
        category: "企业改制",
        weight: 3,
        group_weight: 15,
        templates: &[
            appeal("系{原企业}职工，反映企业改制时身份置换补偿金未足额发放，要求补发。"),
            appeal("反映{原企业}改制后未为职工续缴养老保险，要求补缴。"),
            appeal("要求解决{原企业}下岗职工生活困难问题。"),
            group("{原企业}{人数}名原职工反映改制安置费未兑付，要求按政策落实安置待遇。"),
        ],
    },
    CategoryMaterial {
        category: "党纪政纪",
        weight: 4,
        group_weight: 0,
        templates: &[
            accuse("举报{镇}干部在项目建设中收受好处费。"),
            accuse("反映{村}村委会账目不公开，要求审计。"),
            accuse("举报村干部违规套取扶贫资金。"),
            appeal("反映到{镇}办事时工作人员推诿、态度恶劣，要求处理。"),
            suggest("建议加强对村级财务的监督，定期公开村务。"),
        ],
    },
    CategoryMaterial {
        category: "其他",
        weight: 3,
        group_weight: 0,
        templates: &[
            appeal("要求更正户口登记中的出生日期错误。"),
            appeal("反映邻里纠纷经村委会调解未果，要求协调处理。"),
            appeal("咨询户籍迁移和子女随迁政策。"),
            suggest("建议延长政务服务中心周末办理时间。"),
        ],
    },
];

/// For categories an office added itself; `{类别}` is the category's name.
pub const GENERIC: &[Template] = &[
    appeal("反映{类别}方面的问题，要求有关部门依法处理并答复。"),
    appeal("就{类别}问题多次向{镇}反映未果，要求县级部门协调解决。"),
    accuse("举报{类别}领域的违规问题，要求调查处理。"),
    suggest("就{类别}工作提出意见建议。"),
    group("{村}{人数}名群众反映{类别}方面的共同问题，要求协调解决。"),
];

/// Construction and land projects in and around 普洱.
pub const PROJECTS: &[&str] = &[
    "中老铁路",
    "宁洱至江城高速公路",
    "思澜高速公路",
    "工业园区",
    "茶叶产业园",
    "水库枢纽",
    "城区道路拓宽",
    "棚户区改造",
    "易地扶贫搬迁安置点",
    "县城污水处理厂",
];

/// Employers, named as petitioners name them: without the real company's name.
pub const FIRMS: &[&str] = &[
    "某建筑劳务公司",
    "某茶叶有限公司",
    "某咖啡种植公司",
    "某房地产开发公司",
    "某矿业公司",
    "某木业加工厂",
    "某物流公司",
    "某酒店",
    "某橡胶种植公司",
    "某水泥厂",
];

/// Former state and collective enterprises (企业改制).
pub const OLD_ENTERPRISES: &[&str] = &[
    "原县国营茶厂",
    "原县糖厂",
    "原县供销社",
    "原县农机厂",
    "原县酒厂",
    "原县林业局木材加工厂",
    "原县建筑公司",
];

pub const RIVERS: &[&str] = &[
    "思茅河",
    "把边江",
    "李仙江",
    "小黑江",
    "威远江",
    "南卡江",
    "澜沧江",
    "曼老江",
];

/// How a repeat visit is recorded: `{次}` is the visit count, the original request follows.
pub const REPEAT_PREFIXES: &[&str] = &[
    "再次反映：",
    "第{次}次反映：",
    "询问原反映事项办理进度，要求尽快答复。原诉求：",
    "对答复意见不满意，再次反映：",
    "称问题至今未解决，",
];
