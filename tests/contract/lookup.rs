//! Finding a petitioner again: by identity number, phone or name, the repeat panel's rules,
//! and the history shown beside the form.

use xfdesk::domain::petitioner::{Petitioner, PetitionerId};
use xfdesk::domain::repeat::{Probe, RepeatReason};
use xfdesk::domain::visit::VisitId;
use xfdesk::store::Store;

use super::fixtures::*;

fn ids(found: Vec<Petitioner>) -> Vec<PetitionerId> {
    let mut ids: Vec<PetitionerId> = found.iter().map(|p| p.id).collect();
    ids.sort();
    ids
}

fn petitioners_are_found_by_id_number_phone_and_exact_name(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    let number = id_text("110105", "19491231", "003");
    // Typed with a Chinese input method: full-width digits.
    let zhang = reg(walk_in("张三", nov(2, 9))
        .id(&full_width(&number))
        .phone(&full_width("13812345678")));
    let other_zhang = reg(walk_in("张三", nov(3, 9))
        .phone("13900001111")
        .address("云南省普洱市思茅区倚象镇"));
    let feng = reg(walk_in("张三丰", nov(4, 9)).phone("13712340000"));
    let guli = reg(walk_in("阿依古丽·买买提", nov(5, 9)).phone("(0879) 212-3456"));

    assert_eq!(
        zhang.petitioner.person.id_number.as_ref().unwrap().as_str(),
        number
    );
    assert_eq!(
        ids(store.petitioners_by_id_number(&id(&number)).unwrap()),
        [zhang.petitioner.id]
    );
    assert_eq!(
        ids(store.petitioners_by_phone(&phone("138 1234 5678")).unwrap()),
        [zhang.petitioner.id]
    );
    assert_eq!(
        ids(store.petitioners_by_phone(&phone("0879-2123456")).unwrap()),
        [guli.petitioner.id]
    );
    assert_eq!(
        ids(store.petitioners_by_name("张三").unwrap()),
        [zhang.petitioner.id, other_zhang.petitioner.id],
        "two people share the name; 张三丰 is not 张三"
    );
    assert_eq!(
        ids(store.petitioners_by_name("张三丰").unwrap()),
        [feng.petitioner.id]
    );
    assert_eq!(
        ids(store.petitioners_by_name("阿依古丽·买买提").unwrap()),
        [guli.petitioner.id]
    );
    assert!(
        store
            .petitioners_by_name("阿依古丽买买提")
            .unwrap()
            .is_empty()
    );
    assert!(store.petitioners_by_name("张").unwrap().is_empty());
    let stranger = id(&id_text("110105", "19800101", "015"));
    assert!(
        store
            .petitioners_by_id_number(&stranger)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .petitioners_by_phone(&phone("13600000000"))
            .unwrap()
            .is_empty()
    );
}

fn repeats_are_found_by_id_number_phone_or_name_at_a_similar_address(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    let number = id_text("110105", "19491231", "003");
    let same_id = reg(walk_in("张三", nov(2, 9))
        .id(&number)
        .address("北京市朝阳区建国路1号"));
    let same_phone = reg(walk_in("李四", nov(3, 9)).phone("13900001111"));
    let same_name = reg(walk_in("张三", nov(4, 9))
        .phone("13700000001")
        .address("云南省普洱市思茅区南屏镇曼连村3组"));
    // Same name, another township: not the same person as far as the desk can tell.
    reg(walk_in("张三", nov(5, 9))
        .phone("13700000002")
        .address("云南省普洱市思茅区倚象镇"));

    let probe = Probe {
        name: "张三".into(),
        id_number: Some(id(&full_width(&number))),
        phone: Some(phone("139 0000 1111")),
        address: "云南省普洱市思茅区南屏镇曼连村".into(),
    };
    let found: Vec<(PetitionerId, Vec<RepeatReason>)> = store
        .find_repeats(&probe)
        .unwrap()
        .into_iter()
        .map(|m| (m.petitioner.id, m.reasons))
        .collect();
    assert_eq!(
        found,
        [
            (same_id.petitioner.id, vec![RepeatReason::SameIdNumber]),
            (same_phone.petitioner.id, vec![RepeatReason::SamePhone]),
            (
                same_name.petitioner.id,
                vec![RepeatReason::SameNameSimilarAddress]
            ),
        ]
    );
    assert!(store.find_repeats(&Probe::default()).unwrap().is_empty());
}

fn history_shows_visits_and_open_matters_newest_first(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    let first = reg(walk_in("单雄信", nov(2, 9)).phone("13698765678"));
    let pid = first.petitioner.id;
    let second_matter = reg(walk_in("单雄信", nov(6, 9))
        .by(pid)
        .summary("反映宅基地纠纷"));
    let again = reg(walk_in("单雄信", nov(8, 9)).again_on(&first));
    reg(walk_in("欧阳娜娜", nov(9, 9)));

    let h = store.history(pid, 10).unwrap().unwrap();
    assert_eq!(h.petitioner.person.name, "单雄信");
    assert_eq!(h.petitioner.visit_count, 3);
    let visits: Vec<VisitId> = h.visits.iter().map(|v| v.id).collect();
    assert_eq!(
        visits,
        [again.visit.id, second_matter.visit.id, first.visit.id]
    );
    let open: Vec<_> = h.open_cases.iter().map(|c| c.id).collect();
    assert_eq!(open, [second_matter.case.id, first.case.id]);
    assert_eq!(h.open_cases[1].visit_count, 2);

    let short = store.history(pid, 2).unwrap().unwrap();
    assert_eq!(short.visits.len(), 2);
    assert_eq!(short.visits[0].id, again.visit.id);
    assert_eq!(store.history(PetitionerId(9999), 10).unwrap(), None);
}

for_both_backends!(
    petitioners_are_found_by_id_number_phone_and_exact_name,
    repeats_are_found_by_id_number_phone_or_name_at_a_similar_address,
    history_shows_visits_and_open_matters_newest_first,
);
