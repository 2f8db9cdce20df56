//! The quarterly figures over a handful of visits and matters, worked out by hand.

use super::period::{Period, Quarter, figures, township};
use super::tests::{finish, led_by, policy, visit};
use super::*;
use crate::domain::calendar::HolidayCalendar;
use crate::domain::lifecycle::Move;
use crate::domain::organisation::DepartmentId;
use crate::domain::test_matters::*;
use crate::domain::visit::{Channel, Kind};

#[test]
fn quarters_read_step_back_and_span_their_months() {
    let q = Quarter::parse("2026q3").unwrap();
    assert_eq!(q, Quarter { year: 2026, q: 3 });
    assert_eq!(q.to_string(), "2026Q3");
    let r = q.range().unwrap();
    assert_eq!((r.from, r.last_day()), (d(2026, 7, 1), d(2026, 9, 30)));
    assert_eq!(
        Quarter::parse("2026Q1").unwrap().previous().to_string(),
        "2025Q4"
    );
    assert_eq!(Quarter::of(d(2026, 12, 31)).to_string(), "2026Q4");
    for bad in ["2026Q5", "2026", "Q3", "2026Q0", "二〇二六Q3"] {
        assert_eq!(Quarter::parse(bad), None, "{bad}");
    }
}

#[test]
fn the_township_is_read_from_the_address() {
    let t = |a: &str| township(a);
    assert_eq!(
        t("云南省普洱市宁洱哈尼族彝族自治县宁洱镇民主村一组").as_deref(),
        Some("宁洱镇")
    );
    assert_eq!(
        t("云南省普洱市思茅区思茅港镇港口村").as_deref(),
        Some("思茅港镇")
    );
    assert_eq!(t("某市某区南屏街道人民路1号").as_deref(), Some("南屏街道"));
    assert_eq!(t("某县勐先乡勐先村").as_deref(), Some("勐先乡"));
    assert_eq!(t("北京路 12 号"), None);
    // A township word in the county's or city's own name is not the township.
    assert_eq!(
        t("云南省普洱市镇沅彝族哈尼族拉祜族自治县恩乐镇者干村").as_deref(),
        Some("恩乐镇")
    );
    assert_eq!(t("江苏省镇江市句容市下蜀镇").as_deref(), Some("下蜀镇"));
    assert_eq!(
        t("四川省甘孜藏族自治州乡城县香巴拉镇").as_deref(),
        Some("香巴拉镇")
    );
    assert_eq!(t("云南省普洱市镇沅彝族哈尼族拉祜族自治县"), None);
}

/// The third quarter of 2026: five visits on three matters. #1 opened 1 July, answered in
/// time and settled, assigned to department 4; #2 opened 5 August, forwarded; #3 opened in
/// June (the quarter before), visited again in July.
#[test]
fn a_quarter_counts_its_visits_and_the_matters_opened_in_it() {
    let (p, c) = (policy(), HolidayCalendar::built_in());
    let today = d(2026, 10, 1);
    let mut one = led_by(handling(1, d(2026, 7, 1), d(2026, 7, 2)), 1);
    finish(&mut one, d(2026, 8, 1), true);
    let mut two = opened(2, d(2026, 8, 5));
    step(
        &mut two,
        Move::Forward {
            to: "市自然资源局".into(),
        },
        d(2026, 8, 6),
    );
    let three = opened(3, d(2026, 6, 20));
    let outcomes: Vec<Outcome> = [&one, &two, &three]
        .iter()
        .map(|m| Outcome::of(m, today, &p, &c))
        .collect();
    let addr = "云南省普洱市墨江哈尼族自治县联珠镇碧溪村一组";
    let mut letter = visit(1002, 2, d(2026, 8, 5), "李四", "云南省普洱市思茅区南屏镇");
    letter.channel = Channel::Letter;
    letter.kind = Kind::Suggestion;
    letter.category = "城乡建设".into();
    let mut group = visit(1001, 1, d(2026, 7, 1), "张三", addr);
    group.group = true;
    group.head_count = 6;
    let visits = vec![
        group,
        letter,
        visit(2001, 1, d(2026, 9, 30), "张三", addr),
        visit(3001, 3, d(2026, 7, 3), "王芳", addr),
        // Before the quarter: not counted.
        visit(1003, 3, d(2026, 6, 20), "王芳", addr),
    ];
    let f = figures(
        Quarter { year: 2026, q: 3 }.range().unwrap(),
        &visits,
        &outcomes,
    );
    assert_eq!(f.visits, 4);
    assert_eq!(f.by_channel[0], (Channel::WalkIn, 3));
    assert_eq!(f.by_channel[1], (Channel::Letter, 1));
    assert_eq!(f.by_channel.iter().map(|c| c.1).sum::<u64>(), 4);
    assert_eq!(
        f.by_kind,
        [
            (Kind::Suggestion, 1),
            (Kind::Accusation, 0),
            (Kind::Appeal, 3)
        ]
    );
    assert_eq!(
        f.by_category,
        [("劳动社保".to_string(), 3), ("城乡建设".to_string(), 1)]
    );
    assert_eq!(
        f.by_township,
        [
            (Some("联珠镇".to_string()), 3),
            (Some("南屏镇".to_string()), 1)
        ]
    );
    assert_eq!(f.by_month, [(2026, 7, 2), (2026, 8, 1), (2026, 9, 1)]);
    assert_eq!((f.group_visits, f.group_people), (1, 6));
    // 30 September on #1 and 3 July on #3 follow an earlier visit.
    assert_eq!(f.repeat_visits, 2);
    assert_eq!(f.matters, 2);
    assert_eq!((f.finished, f.settled, f.settled_pct()), (1, 1, Some(100)));
    assert_eq!((f.timed, f.on_time, f.on_time_pct()), (1, 1, Some(100)));
    assert_eq!((f.forwarded, f.assigned, f.supervised), (1, 1, 0));
    assert_eq!(f.by_department, [(DepartmentId(4), 1)]);

    let before = figures(
        Quarter { year: 2026, q: 2 }.range().unwrap(),
        &visits,
        &outcomes,
    );
    assert_eq!((before.visits, before.matters), (1, 1));
    let year = figures(Period::year(2026).unwrap(), &visits, &outcomes);
    assert_eq!((year.visits, year.matters), (5, 3));
}
