//! A few days at the desk, and everything a clerk can ask the store afterwards. Used to check
//! that both backends give the same answers and that sled gives them again after a reopen.

use xfdesk::domain::case::Case;
use xfdesk::domain::organisation::{Department, Leader, NewDepartment, NewLeader};
use xfdesk::domain::petitioner::{Petitioner, PetitionerId};
use xfdesk::domain::repeat::{Probe, RepeatMatch};
use xfdesk::domain::search::{MatchQuality, SearchQuery};
use xfdesk::domain::visit::{Channel, Visit, VisitId};
use xfdesk::store::{History, Registered, Store, VisitCursor};

use super::fixtures::*;

pub fn zhang_san_id() -> String {
    // From the domain's own tests: a number whose check character is X.
    "11010519491231002X".into()
}

pub fn zhang_san_feng_id() -> String {
    id_text("530802", "19720315", "011")
}

pub fn ouyang_id() -> String {
    id_text("530802", "19900606", "022")
}

pub fn shan_id() -> String {
    id_text("530802", "19650101", "031")
}

/// Registers the scenario's visits and adds a leader and a department.
pub fn desk_days(store: &dyn Store) -> Vec<Registered> {
    let reg = |v| store.register_visit(&v).unwrap();
    let zhang = reg(walk_in("张三", nov(2, 9))
        .id(&full_width(&zhang_san_id()))
        .phone("13812345678")
        .address("北京市朝阳区建国路1号"));
    let ouyang = reg(walk_in("欧阳娜娜", nov(2, 10))
        .id(&ouyang_id())
        .phone("15887654321"));
    let shan = reg(walk_in("单雄信", nov(3, 9))
        .id(&shan_id())
        .phone("13698765678"));
    let zhang_again = reg(walk_in("张三", nov(9, 9)).again_on(&zhang));
    // The same minute as 张三's second visit: the later registration lists first.
    let feng = reg(walk_in("张三丰", nov(9, 9))
        .id(&zhang_san_feng_id())
        .phone("13712340000"));
    let ouyang_new_matter = reg(walk_in("欧阳娜娜", nov(10, 14))
        .by(ouyang.petitioner.id)
        .summary("反映小区噪音扰民"));
    let other_zhang = reg(walk_in("张三", nov(11, 9))
        .phone("13900001111")
        .address("云南省普洱市思茅区倚象镇"));
    // A letter received on New Year's Eve and registered late: numbered in 2025.
    let letter = reg(walk_in("王芳", at(2025, 12, 31, 16, 0))
        .channel(Channel::Letter)
        .address(""));
    let li = reg(walk_in("李四", at(2026, 1, 1, 8, 0)).phone("(0879) 212 3456"));
    let shan_again = reg(walk_in("单雄信", nov(12, 9))
        .channel(Channel::Phone)
        .again_on(&shan));
    store
        .add_leader(
            &NewLeader {
                name: "李明".into(),
                title: "副县长".into(),
                portfolio: "自然资源、农业农村".into(),
            },
            &admin(),
        )
        .unwrap();
    store
        .add_department(
            &NewDepartment {
                name: "县人力资源和社会保障局".into(),
                contact: "赵科长".into(),
                phone: Some(phone("0879-2123456")),
            },
            &admin(),
        )
        .unwrap();
    vec![
        zhang,
        ouyang,
        shan,
        zhang_again,
        feng,
        ouyang_new_matter,
        other_zhang,
        letter,
        li,
        shan_again,
    ]
}

/// What the search box is asked in the scenario: names, readings, numbers, full width.
pub const QUERIES: &[&str] = &[
    "张三",
    "张",
    "三",
    "娜娜",
    "zs",
    "zhangsan",
    "oynn",
    "ouyang",
    "dxx",
    "sxx",
    "shan",
    "110105",
    "11010519491231002x",
    "５３０８０２",
    "138",
    "5678",
    "3456",
    "08792123456",
    "王",
    "nobody",
];

/// Everything the desk can read back, as plain values that compare.
#[derive(Debug, PartialEq)]
pub struct Observed {
    pub visit_count: u64,
    pub is_empty: bool,
    pub is_demo: bool,
    /// The visits list, fetched three at a time.
    pub visits: Vec<Visit>,
    pub by_number: Vec<Option<VisitId>>,
    pub petitioners: Vec<Petitioner>,
    pub lookups: Vec<(Vec<PetitionerId>, Vec<PetitionerId>, Vec<PetitionerId>)>,
    pub cases: Vec<(Case, Vec<VisitId>)>,
    pub histories: Vec<Option<History>>,
    pub searches: Vec<(MatchQualities, Vec<VisitId>)>,
    pub repeats: Vec<RepeatMatch>,
    pub leaders: Vec<Leader>,
    pub departments: Vec<Department>,
}

pub type MatchQualities = Vec<(MatchQuality, PetitionerId)>;

pub fn observe(store: &dyn Store) -> Observed {
    let mut visits = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.visits_newest_first(cursor, 3).unwrap();
        let Some(last) = page.last() else { break };
        cursor = Some(VisitCursor::from(last));
        visits.extend(page);
    }
    let mut petitioner_ids: Vec<PetitionerId> = visits.iter().map(|v| v.petitioner_id).collect();
    petitioner_ids.sort();
    petitioner_ids.dedup();
    let petitioners: Vec<Petitioner> = petitioner_ids
        .iter()
        .map(|id| store.petitioner(*id).unwrap().unwrap())
        .collect();
    let ids = |found: Vec<Petitioner>| {
        let mut ids: Vec<PetitionerId> = found.iter().map(|p| p.id).collect();
        ids.sort();
        ids
    };
    let lookups = petitioners
        .iter()
        .map(|p| {
            let by_id = match &p.person.id_number {
                Some(n) => ids(store.petitioners_by_id_number(n).unwrap()),
                None => vec![],
            };
            let by_phone = match &p.person.phone {
                Some(n) => ids(store.petitioners_by_phone(n).unwrap()),
                None => vec![],
            };
            let by_name = ids(store.petitioners_by_name(&p.person.name).unwrap());
            (by_id, by_phone, by_name)
        })
        .collect();
    let cases = petitioner_ids
        .iter()
        .flat_map(|id| store.cases_of_petitioner(*id).unwrap())
        .map(|c| {
            let of_case = store.visits_of_case(c.id).unwrap();
            (c, of_case.iter().map(|v| v.id).collect())
        })
        .collect();
    let histories = petitioner_ids
        .iter()
        .map(|id| store.history(*id, 10).unwrap())
        .collect();
    let searches = QUERIES
        .iter()
        .map(|text| {
            let query = SearchQuery::parse(text).unwrap();
            let found = store.search_petitioners(&query, 20).unwrap();
            let rows = store.search_visits(text, 20).unwrap();
            (
                found.iter().map(|(q, p)| (*q, p.id)).collect(),
                rows.iter().map(|v| v.id).collect(),
            )
        })
        .collect();
    let probe = Probe {
        name: "张三".into(),
        id_number: Some(id(&zhang_san_id())),
        phone: Some(phone("13900001111")),
        address: "云南省普洱市思茅区倚象镇曼窝村".into(),
    };
    Observed {
        visit_count: store.visit_count().unwrap(),
        is_empty: store.is_empty().unwrap(),
        is_demo: store.is_demo().unwrap(),
        by_number: visits
            .iter()
            .map(|v| store.visit_by_number(v.number).unwrap().map(|v| v.id))
            .collect(),
        visits,
        petitioners,
        lookups,
        cases,
        histories,
        searches,
        repeats: store.find_repeats(&probe).unwrap(),
        leaders: store.leaders().unwrap(),
        departments: store.departments().unwrap(),
    }
}
