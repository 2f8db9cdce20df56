use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn every_built_in_year_parses_and_is_covered() {
    let cal = HolidayCalendar::built_in();
    assert_eq!(cal.years(), vec![2023, 2024, 2025, 2026]);
    for (year, text) in BUILT_IN {
        let mut one = HolidayCalendar::empty();
        one.merge_json(year, text).unwrap();
        assert!(one.covers(year.parse().unwrap()), "{year}");
    }
}

#[test]
fn weekends_are_off_and_weekdays_work_when_nothing_is_listed() {
    let cal = HolidayCalendar::empty();
    assert!(cal.is_working_day(d(2025, 3, 14))); // Friday
    assert!(!cal.is_working_day(d(2025, 3, 15))); // Saturday
    assert!(!cal.is_working_day(d(2025, 3, 16))); // Sunday
}

#[test]
fn national_day_week_is_off_and_its_make_up_saturday_is_worked() {
    let cal = HolidayCalendar::built_in();
    for day in 1..=8 {
        assert!(!cal.is_working_day(d(2025, 10, day)), "2025-10-{day}");
    }
    // 2025-10-11 is a Saturday worked in exchange (调休), 2025-09-28 a Sunday.
    assert!(cal.is_working_day(d(2025, 10, 11)));
    assert!(cal.is_make_up_day(d(2025, 10, 11)));
    assert!(cal.is_working_day(d(2025, 9, 28)));
    assert_eq!(cal.holiday_name(d(2025, 10, 11)), Some("国庆节、中秋节"));
    // An ordinary Saturday after it is off again.
    assert!(!cal.is_working_day(d(2025, 10, 18)));
}

#[test]
fn spring_festival_2026_and_new_year_across_the_year_end() {
    let cal = HolidayCalendar::built_in();
    assert!(!cal.is_working_day(d(2026, 2, 16))); // Monday in 春节
    assert!(!cal.is_working_day(d(2026, 2, 23))); // last day of the nine
    assert!(cal.is_working_day(d(2026, 2, 14))); // make-up Saturday
    assert!(cal.is_working_day(d(2026, 2, 28))); // make-up Saturday
    // The 2023 notice puts 2022-12-31 in the New Year holiday; 2023-01-02 is a Monday off.
    assert!(!cal.is_working_day(d(2023, 1, 2)));
}

#[test]
fn adding_working_days_across_national_day_2025() {
    let cal = HolidayCalendar::built_in();
    // From Tuesday 30 September: 1–8 October off, 9 Thu, 10 Fri, 11 Sat (make-up), 13 Mon, 14 Tue.
    assert_eq!(cal.add_working_days(d(2025, 9, 30), 1), d(2025, 10, 9));
    assert_eq!(cal.add_working_days(d(2025, 9, 30), 3), d(2025, 10, 11));
    assert_eq!(cal.add_working_days(d(2025, 9, 30), 5), d(2025, 10, 14));
    // Without the calendar the same count would end on Tuesday 7 October.
    assert_eq!(
        HolidayCalendar::empty().add_working_days(d(2025, 9, 30), 5),
        d(2025, 10, 7)
    );
}

#[test]
fn the_start_day_is_not_counted_even_when_it_is_a_working_day() {
    let cal = HolidayCalendar::empty();
    assert_eq!(cal.add_working_days(d(2025, 3, 10), 0), d(2025, 3, 10));
    assert_eq!(cal.add_working_days(d(2025, 3, 10), 1), d(2025, 3, 11));
    // From a Saturday, the first working day is Monday.
    assert_eq!(cal.add_working_days(d(2025, 3, 15), 1), d(2025, 3, 17));
}

#[test]
fn on_or_next_working_day_skips_a_holiday_but_keeps_a_make_up_day() {
    let cal = HolidayCalendar::built_in();
    assert_eq!(cal.on_or_next_working_day(d(2024, 10, 3)), d(2024, 10, 8));
    assert_eq!(cal.on_or_next_working_day(d(2024, 10, 12)), d(2024, 10, 12));
}

#[test]
fn an_override_entry_wins_over_the_built_in_one() {
    // A local government gives 2025-10-09 off and cancels the 2025-10-11 make-up day.
    let text = r#"{"year": 2025, "days": [
        {"name": "地方假日", "date": "2025-10-09", "isOffDay": true},
        {"name": "国庆节", "date": "2025-10-11", "isOffDay": true}
    ]}"#;
    let cal = HolidayCalendar::built_in_with_override("holidays.json", text).unwrap();
    assert!(!cal.is_working_day(d(2025, 10, 9)));
    assert!(!cal.is_working_day(d(2025, 10, 11)));
    assert_eq!(cal.holiday_name(d(2025, 10, 9)), Some("地方假日"));
    // Built-in days the override does not name stay as they were.
    assert!(!cal.is_working_day(d(2025, 10, 1)));
    assert!(cal.is_working_day(d(2025, 9, 28)));
}

#[test]
fn an_override_may_add_years_as_an_array() {
    let text = r#"[{"year": 2027, "papers": [], "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]},
        {"year": 2028, "days": [{"name": "元旦", "date": "2028-01-01", "isOffDay": true}]}]"#;
    let cal = HolidayCalendar::built_in_with_override("holidays.json", text).unwrap();
    assert!(cal.covers(2027) && cal.covers(2028));
    assert!(!cal.is_working_day(d(2027, 1, 1)));
}

#[test]
fn missing_years_names_this_year_and_next_when_absent() {
    let cal = HolidayCalendar::built_in();
    assert!(cal.missing_years(d(2025, 6, 1)).is_empty());
    assert_eq!(cal.missing_years(d(2026, 6, 1)), vec![2027]);
    assert_eq!(cal.missing_years(d(2030, 1, 1)), vec![2030, 2031]);
}

#[test]
fn an_empty_placeholder_year_does_not_count_as_covered() {
    let mut cal = HolidayCalendar::empty();
    cal.merge_json("2027.json", r#"{"year": 2027, "papers": [], "days": []}"#)
        .unwrap();
    assert!(!cal.covers(2027));
    assert_eq!(cal.missing_years(d(2027, 3, 1)), vec![2027, 2028]);
}

#[test]
fn broken_json_names_the_file_and_the_place() {
    let err =
        HolidayCalendar::built_in_with_override("holidays.json", r#"{"year": 2027, "days": [}"#)
            .unwrap_err();
    let CalendarError::Json { origin, reason, .. } = err;
    assert_eq!(origin, "holidays.json");
    assert!(reason.contains("line 1"), "{reason}");
    // A wrong value deep in the file is found on its own line, in one year object or a list.
    let one = "{\n \"year\": 2027,\n \"days\": [\n  {\"name\": \"x\", \"date\": \"2027-02-30\", \"isOffDay\": true}\n ]\n}";
    let many = format!("[\n{one}\n]");
    for (text, line) in [(one.to_string(), 4), (many, 5)] {
        match HolidayCalendar::built_in_with_override("holidays.json", &text) {
            Err(CalendarError::Json { line: found, .. }) => assert_eq!(found, line, "{text}"),
            other => panic!("expected a JSON error, got {other:?}"),
        }
    }
    let bad_date =
        r#"{"year": 2027, "days": [{"name": "x", "date": "2027-02-30", "isOffDay": true}]}"#;
    assert!(HolidayCalendar::built_in_with_override("holidays.json", bad_date).is_err());
}
