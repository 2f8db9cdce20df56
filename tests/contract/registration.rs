//! Registering a visit: numbers, matters, and what a return visit does to the records.

use xfdesk::domain::case::CaseId;
use xfdesk::domain::petitioner::PetitionerId;
use xfdesk::domain::serial::SerialNo;
use xfdesk::domain::visit::{CaseLink, Channel, VisitId};
use xfdesk::i18n::{Lang, Localize};
use xfdesk::store::{RecordRef, Store, StoreError};

use super::fixtures::*;

fn a_registered_visit_reads_back_by_id_and_by_number(store: &dyn Store) {
    let done = store
        .register_visit(
            &walk_in("张三", nov(2, 9))
                .id(&id_text("530802", "19700101", "013"))
                .phone("13812345678"),
        )
        .unwrap();
    assert!(done.new_petitioner && done.new_case);
    assert_eq!(done.visit.number.to_string(), "2026-000001");
    assert_eq!(done.case.number.to_string(), "2026-000001");
    assert_eq!(done.visit.petitioner.name, "张三");
    assert_eq!(done.visit.petitioner_id, done.petitioner.id);
    assert_eq!(done.visit.case_id, done.case.id);
    assert_eq!(done.case.petitioner_id, done.petitioner.id);
    assert_eq!(done.case.first_visit, done.visit.id);
    assert_eq!(done.case.summary, "张三反映工资被拖欠");

    assert_eq!(
        store.visit(done.visit.id).unwrap(),
        Some(done.visit.clone())
    );
    let number: SerialNo = "2026-000001".parse().unwrap();
    assert_eq!(
        store.visit_by_number(number).unwrap(),
        Some(done.visit.clone())
    );
    assert_eq!(
        store.petitioner(done.petitioner.id).unwrap(),
        Some(done.petitioner.clone())
    );
    assert_eq!(store.case(done.case.id).unwrap(), Some(done.case.clone()));
    assert_eq!(store.visit_count().unwrap(), 1);

    // Numbers and ids nobody was given find nothing.
    let unused = [
        SerialNo { year: 2026, seq: 2 },
        SerialNo { year: 2025, seq: 1 },
    ];
    for number in unused {
        assert_eq!(store.visit_by_number(number).unwrap(), None, "{number}");
    }
    assert_eq!(store.visit(VisitId(done.visit.id.0 + 1000)).unwrap(), None);
}

fn numbers_count_up_in_the_year_of_receipt_and_are_never_reused(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    let first = reg(walk_in("张三", at(2026, 1, 5, 9, 0)));
    // A letter received on New Year's Eve, registered in January, belongs to 2025.
    let letter = reg(walk_in("王芳", at(2025, 12, 31, 16, 0)).channel(Channel::Letter));
    let second = reg(walk_in("李四", at(2026, 1, 5, 9, 0)));
    let again = reg(walk_in("张三", at(2026, 2, 1, 9, 0)).again_on(&first));
    let fourth = reg(walk_in("欧阳娜娜", at(2026, 2, 2, 9, 0)));

    let visit_numbers: Vec<String> = [&first, &letter, &second, &again, &fourth]
        .iter()
        .map(|r| r.visit.number.to_string())
        .collect();
    assert_eq!(
        visit_numbers,
        [
            "2026-000001",
            "2025-000001",
            "2026-000002",
            "2026-000003",
            "2026-000004"
        ]
    );
    // Matters have their own counter: the return visit opened none.
    let case_numbers: Vec<String> = [&first, &letter, &second, &again, &fourth]
        .iter()
        .map(|r| r.case.number.to_string())
        .collect();
    assert_eq!(
        case_numbers,
        [
            "2026-000001",
            "2025-000001",
            "2026-000002",
            "2026-000001",
            "2026-000003"
        ]
    );
    for r in [&first, &letter, &second, &again, &fourth] {
        assert_eq!(
            store.visit_by_number(r.visit.number).unwrap().map(|v| v.id),
            Some(r.visit.id),
            "{}",
            r.visit.number
        );
    }
}

fn a_first_visit_opens_a_matter_and_later_visits_continue_it(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    let first = reg(walk_in("欧阳娜娜", nov(2, 9))
        .id(&id_text("530802", "19900606", "022"))
        .phone("15887654321"));
    let second = reg(walk_in("欧阳娜娜", nov(9, 9))
        .channel(Channel::Phone)
        .again_on(&first));
    assert!(!second.new_case && !second.new_petitioner);
    assert_eq!(second.case.id, first.case.id);
    assert_eq!(second.case.number, first.case.number);
    assert_eq!(second.case.opened_at, nov(2, 9));
    assert_eq!(second.case.last_visit_at, nov(9, 9));
    assert_eq!(second.case.visit_count, 2);
    assert_eq!(second.visit.case_id, first.case.id);

    // A letter dated before the first visit, registered late, on the same matter.
    let late = reg(walk_in("欧阳娜娜", nov(1, 15))
        .channel(Channel::Letter)
        .again_on(&first));

    let of_case: Vec<VisitId> = store
        .visits_of_case(first.case.id)
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(
        of_case,
        [late.visit.id, first.visit.id, second.visit.id],
        "oldest first by date received"
    );
    let cases = store.cases_of_petitioner(first.petitioner.id).unwrap();
    assert_eq!(cases.len(), 1, "one matter, not one per visit: {cases:?}");
    assert_eq!(cases[0].visit_count, 3);
    assert_eq!(cases[0].opened_at, nov(2, 9));

    let p = store.petitioner(first.petitioner.id).unwrap().unwrap();
    assert_eq!(p.visit_count, 3);
    assert_eq!((p.first_visit_at, p.last_visit_at), (nov(1, 15), nov(9, 9)));
    let newest_first: Vec<VisitId> = store
        .visits_of_petitioner(p.id, 10)
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(
        newest_first,
        [second.visit.id, first.visit.id, late.visit.id]
    );
    assert_eq!(store.petitioners_by_name("欧阳娜娜").unwrap(), vec![p]);
}

fn a_returning_petitioner_is_updated_without_losing_what_today_left_out(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    let number = id_text("530802", "19650101", "031");
    let first = reg(walk_in("单雄信", nov(2, 9))
        .id(&number)
        .phone("13812345678")
        .address("云南省普洱市思茅区南屏镇曼连村"));
    let pid = first.petitioner.id;
    // A letter gives neither phone nor address: what we knew stays.
    reg(walk_in("单雄信", nov(5, 9))
        .channel(Channel::Letter)
        .address("")
        .by(pid));
    let p = store.petitioner(pid).unwrap().unwrap();
    assert_eq!(p.person.phone, Some(phone("13812345678")));
    assert_eq!(p.person.id_number, Some(id(&number)));
    assert_eq!(p.person.address, "云南省普洱市思茅区南屏镇曼连村");
    assert_eq!(
        store.petitioners_by_phone(&phone("13812345678")).unwrap(),
        vec![p]
    );

    // He moved and changed phone: found by the new details, no longer by the old phone.
    let moved = reg(walk_in("单雄信", nov(8, 9))
        .phone("13987654321")
        .address("云南省普洱市思茅区倚象镇")
        .by(pid));
    assert!(!moved.new_petitioner && moved.new_case);
    let p = store.petitioner(pid).unwrap().unwrap();
    assert_eq!(p.person.address, "云南省普洱市思茅区倚象镇");
    assert_eq!(p.visit_count, 3);
    assert!(
        store
            .petitioners_by_phone(&phone("13812345678"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.petitioners_by_phone(&phone("13987654321")).unwrap(),
        vec![p.clone()]
    );
    assert_eq!(
        store.petitioners_by_id_number(&id(&number)).unwrap(),
        vec![p]
    );
    assert!(store.search_visits("5678", 10).unwrap().is_empty());
    assert_eq!(store.search_visits("4321", 10).unwrap().len(), 3);

    // Each visit keeps what was said that day.
    let first_again = store.visit(first.visit.id).unwrap().unwrap();
    assert_eq!(first_again.petitioner.phone, Some(phone("13812345678")));
    // Three matters, newest first.
    let opened: Vec<_> = store
        .cases_of_petitioner(pid)
        .unwrap()
        .iter()
        .map(|c| c.opened_at)
        .collect();
    assert_eq!(opened, [nov(8, 9), nov(5, 9), nov(2, 9)]);
}

fn a_visit_naming_a_missing_petitioner_or_matter_is_refused(store: &dyn Store) {
    let first = store
        .register_visit(&walk_in("张三", nov(2, 9)).phone("13812345678"))
        .unwrap();
    let ghost_petitioner = walk_in("李四", nov(3, 9)).by(PetitionerId(9999));
    let err = store.register_visit(&ghost_petitioner).unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound(RecordRef::Petitioner(9999))),
        "{err:?}"
    );
    let mut ghost_case = walk_in("张三", nov(3, 9)).by(first.petitioner.id);
    ghost_case.case = CaseLink::Existing(CaseId(9999));
    let err = store.register_visit(&ghost_case).unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound(RecordRef::Case(9999))),
        "{err:?}"
    );
    assert!(err.to_string().contains("matter #9999"), "{err}");

    assert_eq!(store.visit_count().unwrap(), 1);
    assert!(store.petitioners_by_name("李四").unwrap().is_empty());
    assert_eq!(
        store.petitioner(first.petitioner.id).unwrap(),
        Some(first.petitioner)
    );
    let next = store.register_visit(&walk_in("王芳", nov(4, 9))).unwrap();
    assert_eq!(
        next.visit.number.to_string(),
        "2026-000002",
        "a refused visit uses up no number"
    );
}

fn a_visit_cannot_continue_another_petitioners_matter(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    let zhang = reg(walk_in("张三", nov(2, 9)).phone("13812345678"));
    let ouyang = reg(walk_in("欧阳娜娜", nov(3, 9)).phone("15887654321"));
    let is_zhangs_matter = |err: &StoreError| {
        matches!(err, StoreError::CaseOfAnotherPetitioner { case, owner }
            if *case == zhang.case.id && *owner == zhang.petitioner.id)
    };

    // 欧阳娜娜 chosen in the repeat panel, but 张三's matter picked for her visit.
    let mut wrong = walk_in("欧阳娜娜", nov(5, 9)).by(ouyang.petitioner.id);
    wrong.case = CaseLink::Existing(zhang.case.id);
    let err = store.register_visit(&wrong).unwrap_err();
    assert!(is_zhangs_matter(&err), "{err:?}");
    let said = err.localize(Lang::Zh);
    assert!(
        said.contains(&format!("事项 #{}", zhang.case.id.0))
            && said.contains(&format!("信访人 #{}", zhang.petitioner.id.0)),
        "{said}"
    );
    assert!(!err.localize(Lang::En).is_empty());

    // Someone registered for the first time has no matter to continue either.
    let mut stranger = walk_in("李四", nov(5, 9));
    stranger.case = CaseLink::Existing(zhang.case.id);
    let err = store.register_visit(&stranger).unwrap_err();
    assert!(is_zhangs_matter(&err), "{err:?}");

    // In a batch, the good visit before the wrong one is not kept either.
    let err = store
        .register_visits(&[walk_in("王芳", nov(4, 9)), wrong])
        .unwrap_err();
    assert!(is_zhangs_matter(&err), "{err:?}");

    assert_eq!(store.visit_count().unwrap(), 2);
    assert_eq!(store.visits_of_case(zhang.case.id).unwrap(), [zhang.visit]);
    assert_eq!(store.case(zhang.case.id).unwrap(), Some(zhang.case));
    assert_eq!(
        store.petitioner(ouyang.petitioner.id).unwrap(),
        Some(ouyang.petitioner)
    );
    for name in ["李四", "王芳"] {
        assert!(
            store.petitioners_by_name(name).unwrap().is_empty(),
            "{name}"
        );
    }
    let next = store.register_visit(&walk_in("王芳", nov(6, 9))).unwrap();
    assert_eq!(next.visit.number.to_string(), "2026-000003");
}

for_both_backends!(
    a_registered_visit_reads_back_by_id_and_by_number,
    numbers_count_up_in_the_year_of_receipt_and_are_never_reused,
    a_first_visit_opens_a_matter_and_later_visits_continue_it,
    a_returning_petitioner_is_updated_without_losing_what_today_left_out,
    a_visit_naming_a_missing_petitioner_or_matter_is_refused,
    a_visit_cannot_continue_another_petitioners_matter,
);
