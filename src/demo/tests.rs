//! What someone opening a demo database would notice, checked on a memory store.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, Months, NaiveDate, Weekday};

use super::*;
use crate::domain::id_number::IdNumber;
use crate::domain::intake::{IntakeContext, IntakeInput};
use crate::domain::phone::Phone;
use crate::domain::visit::{Channel, Kind, MAX_REPRESENTATIVES, Visit};
use crate::store::memory::MemoryStore;

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

pub(super) fn options(visits: u64, seed: u64) -> DemoOptions {
    DemoOptions {
        visits,
        seed,
        today: today(),
        settings: OfficeSettings::default(),
    }
}

pub(super) struct Filled {
    pub(super) store: MemoryStore,
    pub(super) summary: DemoSummary,
    progress: Vec<(u64, u64)>,
    /// Oldest first.
    pub(super) visits: Vec<Visit>,
}

pub(super) fn fill_memory(opts: &DemoOptions) -> Filled {
    let store = MemoryStore::new();
    let mut progress = Vec::new();
    let summary = fill(&store, opts, &mut |done, total| {
        progress.push((done, total))
    })
    .unwrap();
    let mut visits = store.visits_newest_first(None, usize::MAX).unwrap();
    visits.reverse();
    Filled {
        store,
        summary,
        progress,
        visits,
    }
}

/// Five thousand visits with seed 42, shared by the tests that only read them.
pub(super) fn five_thousand() -> &'static Filled {
    static FILLED: OnceLock<Filled> = OnceLock::new();
    FILLED.get_or_init(|| fill_memory(&options(5000, 42)))
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let a = fill_memory(&options(1500, 7));
    let b = fill_memory(&options(1500, 7));
    assert_eq!(a.visits, b.visits);
    assert_eq!(a.summary, b.summary);
    assert_eq!(a.store.leaders().unwrap(), b.store.leaders().unwrap());
    assert_eq!(
        a.store.departments().unwrap(),
        b.store.departments().unwrap()
    );
    let matters = |f: &Filled| -> Vec<_> {
        let mut ids: Vec<_> = f.visits.iter().map(|v| v.case_id).collect();
        ids.sort();
        ids.dedup();
        ids.into_iter()
            .map(|id| f.store.matter(id).unwrap())
            .collect()
    };
    assert_eq!(matters(&a), matters(&b), "the matters live the same lives");
    let c = fill_memory(&options(1500, 8));
    assert_eq!(c.visits.len(), 1500);
    let names = |f: &Filled| -> Vec<String> {
        f.visits.iter().map(|v| v.petitioner.name.clone()).collect()
    };
    assert_ne!(names(&a), names(&c));
}

#[test]
fn every_visit_would_pass_the_intake_form() {
    let f = five_thousand();
    let settings = OfficeSettings::default();
    for v in &f.visits {
        let input = IntakeInput {
            channel: v.channel,
            received_at: v.received_at.format("%Y-%m-%d %H:%M").to_string(),
            name: v.petitioner.name.clone(),
            id_number: v
                .petitioner
                .id_number
                .as_ref()
                .map(|i| i.to_string())
                .unwrap_or_default(),
            sex: v.petitioner.sex,
            phone: v
                .petitioner
                .phone
                .as_ref()
                .map(|p| p.to_string())
                .unwrap_or_default(),
            address: v.petitioner.address.clone(),
            head_count: v.head_count.to_string(),
            co_petitioners: v.co_petitioners.clone(),
            kind: v.kind,
            category: v.category.clone(),
            summary: v.summary.clone(),
            ..IntakeInput::default()
        };
        let ctx = IntakeContext {
            settings: &settings,
            now: today().and_hms_opt(23, 59, 59).unwrap(),
            operator: &v.received_by,
        };
        if let Err(errors) = input.validate(&ctx) {
            panic!("visit {} refused: {errors:?}", v.number);
        }
    }
}

#[test]
fn every_identity_number_and_phone_reads_back() {
    let f = five_thousand();
    let mut ids = 0;
    for v in &f.visits {
        let people = std::iter::once((&v.petitioner.id_number, &v.petitioner.phone))
            .chain(v.co_petitioners.iter().map(|c| (&c.id_number, &c.phone)));
        for (id, phone) in people {
            if let Some(id) = id {
                ids += 1;
                assert_eq!(IdNumber::parse(id.as_str(), today()).as_ref(), Ok(id));
                assert!((18..=85).contains(&id.age_on(today())), "{id}");
            }
            if let Some(phone) = phone {
                assert_eq!(Phone::parse(phone.as_str()).as_ref(), Ok(phone));
            }
        }
        if v.channel == Channel::WalkIn {
            assert!(
                v.petitioner.id_number.is_some() || v.petitioner.phone.is_some(),
                "walk-in {} without identity number or phone",
                v.number
            );
        }
    }
    assert!(ids > 4000, "{ids}");
}

#[test]
fn two_people_never_share_an_identity_number() {
    let f = five_thousand();
    let mut owner: BTreeMap<&str, u64> = BTreeMap::new();
    for v in &f.visits {
        if let Some(id) = &v.petitioner.id_number {
            let first = *owner.entry(id.as_str()).or_insert(v.petitioner_id.0);
            assert_eq!(first, v.petitioner_id.0, "{id} given to two petitioners");
        }
    }
}

#[test]
fn visits_span_about_two_years_and_none_is_after_today() {
    let f = five_thousand();
    let first = f.visits.first().unwrap().received_at.date();
    let last = f.visits.last().unwrap().received_at.date();
    assert!(last <= today());
    assert!(last >= today() - chrono::Days::new(7), "{last}");
    assert!(
        first > today().checked_sub_months(Months::new(26)).unwrap(),
        "{first}"
    );
    assert!(
        first < today().checked_sub_months(Months::new(24)).unwrap(),
        "{first}"
    );
}

#[test]
fn wednesdays_are_busiest_and_walk_ins_the_most_common() {
    let f = five_thousand();
    let on = |wd: Weekday| {
        f.visits
            .iter()
            .filter(|v| v.received_at.weekday() == wd)
            .count()
    };
    assert!(
        on(Weekday::Wed) * 10 > on(Weekday::Tue) * 14,
        "{} vs {}",
        on(Weekday::Wed),
        on(Weekday::Tue)
    );
    assert!(on(Weekday::Sun) * 10 < on(Weekday::Tue));
    let by_channel = |c: Channel| f.visits.iter().filter(|v| v.channel == c).count();
    assert!(by_channel(Channel::WalkIn) > by_channel(Channel::Online));
    assert!(by_channel(Channel::Online) > by_channel(Channel::Letter));
    assert!(by_channel(Channel::Letter) > by_channel(Channel::Fax));
    let appeals = f.visits.iter().filter(|v| v.kind == Kind::Appeal).count();
    assert!(appeals * 2 > f.visits.len());
}

#[test]
fn people_come_back_on_their_own_matters_and_some_for_years() {
    let f = five_thousand();
    let repeats: Vec<&Visit> = f
        .visits
        .iter()
        .filter(|v| f.store.case(v.case_id).unwrap().unwrap().first_visit != v.id)
        .collect();
    let share = repeats.len() as f64 / f.visits.len() as f64;
    assert!((0.2..0.4).contains(&share), "repeat share {share}");
    assert_eq!(repeats.len() as u64, f.summary.repeat_visits);
    for v in &repeats {
        let case = f.store.case(v.case_id).unwrap().unwrap();
        assert_eq!(
            case.petitioner_id, v.petitioner_id,
            "visit {} on someone else's matter",
            v.number
        );
        assert!(case.opened_at < v.received_at);
    }
    // 上访老户: someone who has come again and again for more than two years.
    let mut seen: BTreeMap<u64, (NaiveDate, NaiveDate, u32)> = BTreeMap::new();
    for v in &f.visits {
        let d = v.received_at.date();
        let e = seen.entry(v.petitioner_id.0).or_insert((d, d, 0));
        e.1 = d;
        e.2 += 1;
    }
    let two_years_ago = |d: NaiveDate| d.checked_add_months(Months::new(24)).unwrap();
    let veterans = seen
        .values()
        .filter(|(first, last, n)| *n >= 10 && two_years_ago(*first) <= *last)
        .count();
    assert!(veterans >= 1, "no long-term petitioner");
    // A few raise a second matter.
    let with_two = seen
        .keys()
        .filter(|id| {
            let id = crate::domain::petitioner::PetitionerId(**id);
            f.store.cases_of_petitioner(id).unwrap().len() >= 2
        })
        .count();
    assert!(with_two >= 5, "{with_two}");
}

#[test]
fn group_visits_have_representatives_and_reach_the_threshold() {
    let f = five_thousand();
    let groups: Vec<&Visit> = f.visits.iter().filter(|v| v.group).collect();
    let share = groups.len() as f64 / f.visits.len() as f64;
    assert!((0.02..0.07).contains(&share), "group share {share}");
    assert_eq!(groups.len() as u64, f.summary.group_visits);
    for v in &groups {
        assert!(v.head_count >= 5 && v.head_count <= 41, "{}", v.head_count);
        assert!(v.co_petitioners.len() >= 2);
        assert!(v.representatives().len() <= MAX_REPRESENTATIVES);
        assert!(v.representatives().len() >= 2);
    }
    assert!(groups.iter().any(|v| v.head_count >= 20));
    assert!(f.visits.iter().all(|v| v.group == (v.head_count >= 5)));
}

#[test]
fn names_include_heteronym_surnames_and_minority_names() {
    let f = five_thousand();
    let names: Vec<&str> = f
        .visits
        .iter()
        .map(|v| v.petitioner.name.as_str())
        .collect();
    for surname in ["单", "解", "查", "曾"] {
        assert!(names.iter().any(|n| n.starts_with(surname)), "no {surname}");
    }
    assert!(names.iter().any(|n| n.contains('·')));
    let wang_li = names.iter().filter(|n| n.starts_with(['王', '李'])).count();
    assert!(wang_li * 100 > names.len() * 10, "{wang_li}");
}

#[test]
fn numbers_follow_time_within_each_year() {
    let f = five_thousand();
    let mut last: BTreeMap<i32, u32> = BTreeMap::new();
    for v in &f.visits {
        assert_eq!(v.number.year, v.received_at.year());
        let prev = last.insert(v.number.year, v.number.seq).unwrap_or(0);
        assert!(v.number.seq > prev, "{} after seq {prev}", v.number);
    }
}

#[test]
fn progress_reaches_the_total_and_the_summary_matches_the_store() {
    let f = five_thousand();
    assert_eq!(f.progress.last(), Some(&(5000, 5000)));
    assert!(f.progress.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(f.store.visit_count().unwrap(), 5000);
    assert_eq!(f.summary.visits, 5000);
    assert_eq!(f.summary.leaders, f.store.leaders().unwrap().len() as u64);
    assert_eq!(
        f.summary.departments,
        f.store.departments().unwrap().len() as u64
    );
    assert!(f.summary.petitioners < 4000 && f.summary.petitioners > 2500);
    assert!(f.store.is_demo().unwrap());
}

#[test]
fn leaders_and_departments_are_ready_for_the_rota() {
    let f = five_thousand();
    let leaders = f.store.leaders().unwrap();
    assert!((8..=10).contains(&leaders.len()));
    assert!(leaders.iter().any(|l| l.title == "县长"));
    assert_eq!(leaders.iter().filter(|l| l.title == "副县长").count(), 3);
    assert!(leaders.iter().all(|l| !l.portfolio.is_empty()));
    let departments = f.store.departments().unwrap();
    assert!(departments.iter().any(|d| d.name == "县自然资源局"));
    assert!(departments.iter().any(|d| d.name.ends_with("乡人民政府")));
    assert!(
        departments
            .iter()
            .all(|d| d.phone.is_some() && !d.contact.is_empty())
    );
}

#[test]
fn the_reception_calendar_has_the_wednesdays_around_today_and_the_next_one_booked() {
    let f = five_thousand();
    let from = today() - chrono::Days::new(28);
    let to = today() + chrono::Days::new(56);
    let sessions = f.store.sessions_between(from, to).unwrap();
    assert_eq!(sessions.len() as u64, f.summary.sessions);
    // Twelve or thirteen Wednesdays, less any that are holidays.
    assert!((10..=13).contains(&sessions.len()), "{}", sessions.len());
    assert!(
        sessions
            .iter()
            .all(|s| s.plan.date.weekday() == Weekday::Wed)
    );
    let leaders: std::collections::BTreeSet<_> = sessions.iter().map(|s| s.plan.leader).collect();
    assert!(leaders.len() >= 8, "every leader takes a turn");
    let next = sessions.iter().find(|s| s.plan.date >= today()).unwrap();
    assert_eq!(next.appointments.len(), 3);
    let open: Vec<_> = f
        .store
        .pending_matters()
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    for a in &next.appointments {
        assert!(open.contains(&a.case), "an open matter is booked");
        assert!(a.slot > next.plan.start && a.slot < next.plan.end);
    }
}

#[test]
fn the_offices_own_categories_and_threshold_are_followed() {
    let mut opts = options(1200, 3);
    opts.settings.group_threshold = 8;
    opts.settings.categories = vec!["土地征收".into(), "移民安置".into(), "劳动社保".into()];
    let f = fill_memory(&opts);
    assert!(
        f.visits
            .iter()
            .all(|v| opts.settings.categories.contains(&v.category))
    );
    assert!(f.visits.iter().any(|v| v.category == "移民安置"));
    assert!(f.visits.iter().all(|v| v.group == (v.head_count >= 8)));
    assert!(
        f.visits
            .iter()
            .filter(|v| v.group)
            .all(|v| v.head_count >= 8)
    );
}

#[test]
fn no_visits_still_gives_leaders_and_departments() {
    let f = fill_memory(&options(0, 1));
    assert_eq!(f.summary.visits, 0);
    assert!(f.summary.leaders > 0);
    assert_eq!(f.progress, vec![(0, 0)]);
    assert!(f.store.is_demo().unwrap());
}

#[test]
fn a_leap_day_as_today_works_like_any_other() {
    let today = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
    let f = fill_memory(&DemoOptions {
        today,
        ..options(400, 5)
    });
    assert_eq!(f.visits.len(), 400);
    for v in &f.visits {
        assert!(v.received_at.date() <= today);
        if let Some(id) = &v.petitioner.id_number {
            assert_eq!(IdNumber::parse(id.as_str(), today).as_ref(), Ok(id));
            assert!((18..=85).contains(&id.age_on(today)), "{id}");
        }
    }
}

#[test]
fn demo_history_for_a_desk_opened_today_ends_before_today() {
    // A Wednesday, the busiest day, so a history that reached today would have visits in it.
    let wednesday = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let opts = DemoOptions {
        today: history_end(wednesday),
        ..options(3000, 7)
    };
    let filled = fill_memory(&opts);
    let newest = filled.visits.last().expect("visits were generated");
    assert_eq!(newest.received_at.date(), wednesday.pred_opt().unwrap());
}

#[test]
fn wednesday_receptions_name_the_leader_of_the_week_who_then_holds_the_matter() {
    use std::collections::BTreeSet;
    let f = five_thousand();
    let leaders = f.store.leaders().unwrap();
    let received: Vec<(&Visit, _)> = f
        .visits
        .iter()
        .filter_map(|v| Some((v, f.store.receiving_leader(v.id).unwrap()?)))
        .collect();
    assert!(received.len() > 100, "{}", received.len());
    let mut by_day = BTreeMap::new();
    for (v, leader) in &received {
        assert_eq!(v.received_at.weekday(), Weekday::Wed);
        assert_eq!(v.received_by, "demo-secretary");
        assert!(leaders.iter().any(|l| l.id == *leader));
        by_day
            .entry(v.received_at.date())
            .or_insert_with(BTreeSet::new)
            .insert(*leader);
    }
    assert!(by_day.values().all(|l| l.len() == 1), "one leader a day");
    let turns: BTreeSet<_> = by_day.values().flatten().collect();
    assert_eq!(turns.len(), leaders.len(), "every leader takes a turn");
    // The leader of a matter's first reception holds it, whoever received it later.
    let mut held = 0;
    for (v, leader) in &received {
        let matter = f.store.matter(v.case_id).unwrap().unwrap();
        let holder = matter
            .package
            .responsible
            .expect("a received matter is held");
        if matter.case.first_visit == v.id {
            assert_eq!(holder, *leader);
            held += 1;
        }
    }
    assert!(held > 50, "{held}");
}
