//! Leaders and departments, whether the database is empty, and the demo-data mark.

use xfdesk::domain::organisation::{NewDepartment, NewLeader};
use xfdesk::domain::search::SearchQuery;
use xfdesk::store::Store;

use super::fixtures::*;

fn leader(name: &str, title: &str) -> NewLeader {
    NewLeader {
        name: name.into(),
        title: title.into(),
        portfolio: "自然资源、农业农村".into(),
    }
}

fn leaders_and_departments_are_listed_in_the_order_added(store: &dyn Store) {
    let li = store
        .add_leader(&leader("李明", "副县长"), &admin())
        .unwrap();
    let wang = store
        .add_leader(&leader("王红", "县委常委、常务副县长"), &admin())
        .unwrap();
    let hr = store
        .add_department(
            &NewDepartment {
                name: "县人力资源和社会保障局".into(),
                contact: "赵科长".into(),
                phone: Some(phone("0879-2123456")),
            },
            &admin(),
        )
        .unwrap();
    let land = store
        .add_department(
            &NewDepartment {
                name: "县自然资源局".into(),
                contact: "".into(),
                phone: None,
            },
            &admin(),
        )
        .unwrap();

    assert_ne!(li.id, wang.id);
    assert_eq!((li.name.as_str(), li.title.as_str()), ("李明", "副县长"));
    assert!(li.active && wang.active && hr.active && land.active);
    assert_eq!(store.leaders().unwrap(), [li, wang]);
    assert_eq!(hr.phone, Some(phone("0879-2123456")));
    assert_eq!(store.departments().unwrap(), [hr, land]);
}

fn an_empty_database_says_so_until_a_visit_is_registered(store: &dyn Store) {
    assert!(store.is_empty().unwrap());
    assert_eq!(store.visit_count().unwrap(), 0);
    assert!(store.visits_newest_first(None, 10).unwrap().is_empty());
    assert!(store.leaders().unwrap().is_empty());
    assert!(store.departments().unwrap().is_empty());
    let query = SearchQuery::parse("zs").unwrap();
    assert!(store.search_petitioners(&query, 10).unwrap().is_empty());

    store.register_visit(&walk_in("张三", nov(2, 9))).unwrap();
    assert!(!store.is_empty().unwrap());
}

fn a_leader_or_department_alone_makes_the_database_not_empty(store: &dyn Store) {
    store
        .add_leader(&leader("李明", "副县长"), &admin())
        .unwrap();
    assert!(!store.is_empty().unwrap());
    assert_eq!(store.visit_count().unwrap(), 0);
}

fn demo_data_is_marked_as_such(store: &dyn Store) {
    assert!(!store.is_demo().unwrap());
    store.mark_demo().unwrap();
    assert!(store.is_demo().unwrap());
    store.mark_demo().unwrap();
    assert!(store.is_demo().unwrap(), "marking twice changes nothing");
}

for_both_backends!(
    leaders_and_departments_are_listed_in_the_order_added,
    an_empty_database_says_so_until_a_visit_is_registered,
    a_leader_or_department_alone_makes_the_database_not_empty,
    demo_data_is_marked_as_such,
);
