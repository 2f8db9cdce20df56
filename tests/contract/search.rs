//! The search box: Chinese names, pinyin of every reading, identity-number prefixes and phone
//! digits, ranked by `MatchQuality` and then by who was here most recently.
//!
//! The tiers are the domain's (`domain::search::match_quality`): the whole key in the most
//! common reading is `Exact`; the whole key in another reading, or a given name alone, is
//! `ExactOtherReading`; the start of the primary key is `Partial`; the start of another
//! reading or of the given name, or the last four or more digits of a phone, is `PartialOther`.

use xfdesk::domain::search::MatchQuality::{self, *};
use xfdesk::domain::search::SearchQuery;
use xfdesk::store::{Registered, Store};

use super::fixtures::*;

fn found(store: &dyn Store, text: &str) -> Vec<(MatchQuality, String)> {
    let query = SearchQuery::parse(text).unwrap();
    store
        .search_petitioners(&query, 20)
        .unwrap()
        .into_iter()
        .map(|(q, p)| (q, p.person.name))
        .collect()
}

fn expect(pairs: &[(MatchQuality, &str)]) -> Vec<(MatchQuality, String)> {
    pairs.iter().map(|(q, n)| (*q, n.to_string())).collect()
}

/// Seven petitioners, one visit each, on different days (the later, the more recent).
fn people(store: &dyn Store) -> Vec<Registered> {
    let reg = |v| store.register_visit(&v).unwrap();
    vec![
        reg(walk_in("李四", nov(1, 9)).phone("(0879) 212 3456")),
        reg(walk_in("张三", nov(2, 9))
            .id("11010519491231002X")
            .phone("13812345678")),
        reg(walk_in("孙晓霞", nov(3, 9)).phone("13500001234")),
        reg(walk_in("赵四", nov(4, 9)).phone("18612345678")),
        reg(walk_in("张三丰", nov(5, 9))
            .id(&id_text("530802", "19720315", "011"))
            .phone("13712340000")),
        reg(walk_in("欧阳娜娜", nov(6, 9))
            .id(&id_text("530802", "19900606", "022"))
            .phone("15887654321")),
        reg(walk_in("单雄信", nov(7, 9))
            .id(&id_text("530802", "19650101", "031"))
            .phone("13698765678")),
    ]
}

fn chinese_names_are_found_whole_by_their_start_and_by_the_given_name(store: &dyn Store) {
    people(store);
    assert_eq!(
        found(store, "张三"),
        expect(&[(Exact, "张三"), (Partial, "张三丰")])
    );
    // Both start with 张: the one seen most recently first.
    assert_eq!(
        found(store, "张"),
        expect(&[(Partial, "张三丰"), (Partial, "张三")])
    );
    assert_eq!(
        found(store, "三"),
        expect(&[(ExactOtherReading, "张三"), (PartialOther, "张三丰")])
    );
    assert_eq!(
        found(store, "娜娜"),
        expect(&[(ExactOtherReading, "欧阳娜娜")])
    );
    assert_eq!(
        found(store, "四"),
        expect(&[(ExactOtherReading, "赵四"), (ExactOtherReading, "李四")])
    );
    assert_eq!(found(store, "欧阳娜娜"), expect(&[(Exact, "欧阳娜娜")]));
    assert!(found(store, "王").is_empty());
}

fn names_are_found_by_pinyin_initials_and_full_pinyin(store: &dyn Store) {
    people(store);
    let zhang_san = expect(&[(Exact, "张三"), (Partial, "张三丰")]);
    assert_eq!(found(store, "zhangsan"), zhang_san);
    assert_eq!(found(store, "ZhangSan"), zhang_san, "case does not matter");
    assert_eq!(found(store, "zhang san"), zhang_san, "nor spaces");
    assert_eq!(
        found(store, "zhang"),
        expect(&[(Partial, "张三丰"), (Partial, "张三")])
    );
    assert_eq!(found(store, "zsf"), expect(&[(Exact, "张三丰")]));
    assert_eq!(found(store, "oynn"), expect(&[(Exact, "欧阳娜娜")]));
    assert_eq!(found(store, "ouyangnana"), expect(&[(Exact, "欧阳娜娜")]));
    assert_eq!(found(store, "ouyang"), expect(&[(Partial, "欧阳娜娜")]));
    // 娜 also reads nuo.
    assert_eq!(
        found(store, "ouyangnuona"),
        expect(&[(ExactOtherReading, "欧阳娜娜")])
    );
    assert!(found(store, "wangfang").is_empty());
}

fn a_polyphonic_surname_is_found_by_each_of_its_readings(store: &dyn Store) {
    people(store);
    // In a name, 单 is first read as a surname (shan); its common reading dan still finds it.
    assert_eq!(found(store, "shanxiongxin"), expect(&[(Exact, "单雄信")]));
    assert_eq!(
        found(store, "danxiongxin"),
        expect(&[(ExactOtherReading, "单雄信")])
    );
    assert_eq!(
        found(store, "dxx"),
        expect(&[(ExactOtherReading, "单雄信")])
    );
    assert_eq!(found(store, "shan"), expect(&[(Partial, "单雄信")]));
    assert_eq!(found(store, "dan"), expect(&[(PartialOther, "单雄信")]));
    assert_eq!(found(store, "单"), expect(&[(Partial, "单雄信")]));
    // sxx is both 孙晓霞 and 单雄信 in their primary readings: the more recent comes first.
    assert_eq!(
        found(store, "sxx"),
        expect(&[(Exact, "单雄信"), (Exact, "孙晓霞")])
    );
}

fn identity_numbers_and_phones_are_found_by_their_digits(store: &dyn Store) {
    people(store);
    let zhang = expect(&[(Exact, "张三")]);
    assert_eq!(found(store, "11010519491231002X"), zhang);
    assert_eq!(found(store, "11010519491231002x"), zhang);
    assert_eq!(found(store, &full_width("11010519491231002X")), zhang);
    assert_eq!(found(store, "110105"), expect(&[(Partial, "张三")]));
    assert_eq!(
        found(store, &full_width("530802")),
        expect(&[
            (Partial, "单雄信"),
            (Partial, "欧阳娜娜"),
            (Partial, "张三丰")
        ])
    );
    assert_eq!(found(store, "13812345678"), zhang);
    assert_eq!(found(store, "138-1234-5678"), zhang);
    assert_eq!(found(store, "138"), expect(&[(Partial, "张三")]));
    // The last four digits a petitioner remembers.
    assert_eq!(
        found(store, "5678"),
        expect(&[
            (PartialOther, "单雄信"),
            (PartialOther, "赵四"),
            (PartialOther, "张三")
        ])
    );
    assert!(found(store, "678").is_empty(), "three digits are too few");
    assert_eq!(found(store, "08792123456"), expect(&[(Exact, "李四")]));
    assert_eq!(found(store, "3456"), expect(&[(PartialOther, "李四")]));
    assert!(found(store, "13300000000").is_empty());
}

fn better_matches_come_first_then_whoever_was_here_last(store: &dyn Store) {
    let all = people(store);
    assert_eq!(
        found(store, "zs"),
        expect(&[(Exact, "赵四"), (Exact, "张三"), (Partial, "张三丰")])
    );
    let query = SearchQuery::parse("zs").unwrap();
    let top: Vec<String> = store
        .search_petitioners(&query, 2)
        .unwrap()
        .into_iter()
        .map(|(_, p)| p.person.name)
        .collect();
    assert_eq!(top, ["赵四", "张三"]);

    // 张三 comes back: now he is the most recent of the exact matches.
    let zhang = &all[1];
    store
        .register_visit(&walk_in("张三", nov(20, 9)).again_on(zhang))
        .unwrap();
    assert_eq!(
        found(store, "zs"),
        expect(&[(Exact, "张三"), (Exact, "赵四"), (Partial, "张三丰")])
    );
}

fn the_search_box_lists_visits_of_the_best_matches_newest_first(store: &dyn Store) {
    let all = people(store);
    let zhang = &all[1];
    let again = store
        .register_visit(&walk_in("张三", nov(10, 9)).again_on(zhang))
        .unwrap();
    let names_and_days = |text: &str, limit| -> Vec<(String, chrono::NaiveDateTime)> {
        store
            .search_visits(text, limit)
            .unwrap()
            .into_iter()
            .map(|v| (v.petitioner.name, v.received_at))
            .collect()
    };
    let rows = names_and_days("zs", 10);
    assert_eq!(
        rows,
        [
            ("张三".to_string(), nov(10, 9)),
            ("张三".to_string(), nov(2, 9)),
            ("赵四".to_string(), nov(4, 9)),
            ("张三丰".to_string(), nov(5, 9)),
        ]
    );
    assert_eq!(names_and_days("zs", 1), [("张三".to_string(), nov(10, 9))]);
    assert_eq!(store.search_visits("张三", 10).unwrap()[0], again.visit);
    assert!(store.search_visits("", 10).unwrap().is_empty());
    assert!(store.search_visits("　 ", 10).unwrap().is_empty());
    assert!(store.search_visits("zs", 0).unwrap().is_empty());
}

for_both_backends!(
    chinese_names_are_found_whole_by_their_start_and_by_the_given_name,
    names_are_found_by_pinyin_initials_and_full_pinyin,
    a_polyphonic_surname_is_found_by_each_of_its_readings,
    identity_numbers_and_phones_are_found_by_their_digits,
    better_matches_come_first_then_whoever_was_here_last,
    the_search_box_lists_visits_of_the_best_matches_newest_first,
);
