//! Reading `policy.toml`: what an office writes, and what it is told when it gets it wrong.

use super::*;

fn parse(text: &str) -> DeadlinePolicy {
    DeadlinePolicy::from_toml(text).unwrap()
}

#[test]
fn an_empty_file_is_the_statutory_policy() {
    assert_eq!(parse(""), DeadlinePolicy::default());
    assert_eq!(parse("# only a comment\n"), DeadlinePolicy::default());
}

#[test]
fn a_partial_file_changes_only_what_it_names() {
    let p = parse("due_soon_days = 5\n\n[handle]\ndays = 90\n\n[object_to_assignment]\ndays = 7\n");
    assert_eq!(p.due_soon_days, 5);
    assert_eq!(p.limit(Stage::Handle), Limit::calendar(90));
    // Naming only `days` keeps the stage's own count: still working days.
    assert_eq!(p.limit(Stage::ObjectToAssignment), Limit::working(7));
    assert_eq!(p.limit(Stage::NotifyAcceptance), Limit::calendar(15));
    assert_eq!(p.limit(Stage::ReReviewAnswer), Limit::calendar(30));
    assert_eq!(p.max_extension_days, 30);
    assert!(p.roll_to_working_day);
    assert!(p.tiers.is_empty());
}

#[test]
fn a_stage_can_switch_to_working_days_and_rolling_can_be_turned_off() {
    let p = parse("roll_to_working_day = false\n[notify_acceptance]\ncount = \"working\"\n");
    assert_eq!(p.limit(Stage::NotifyAcceptance), Limit::working(15));
    assert!(!p.roll_to_working_day);
}

#[test]
fn tiers_keep_the_order_of_the_file() {
    let p = parse("[[tiers]]\nname = \"重大\"\ndays = 60\n[[tiers]]\nname = \"普通\"\ndays = 7\n");
    let names: Vec<&str> = p.tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["重大", "普通"]);
    assert_eq!(p.tier("普通").map(|t| t.days), Some(7));
}

#[test]
fn the_shipped_example_parses_to_the_statute_plus_three_tiers() {
    let p = parse(EXAMPLE_POLICY);
    let statutory = DeadlinePolicy {
        tiers: Vec::new(),
        ..p.clone()
    };
    assert_eq!(statutory, DeadlinePolicy::default());
    let tiers: Vec<(&str, u32)> = p.tiers.iter().map(|t| (t.name.as_str(), t.days)).collect();
    assert_eq!(tiers, [("普通", 7), ("复杂", 20), ("重大", 60)]);
}

#[test]
fn the_policy_can_sit_inside_another_toml_file() {
    #[derive(Debug, serde::Deserialize)]
    struct Outer {
        deadlines: DeadlinePolicy,
    }
    let outer: Outer = toml::from_str("[deadlines.handle]\ndays = 45\n").unwrap();
    assert_eq!(outer.deadlines.limit(Stage::Handle), Limit::calendar(45));
    let bad = toml::from_str::<Outer>("[deadlines.handle]\ndays = 0\n");
    assert!(bad.unwrap_err().to_string().contains("handle.days"));
}

/// toml's message with the line it names.
fn toml_reason(text: &str) -> String {
    match DeadlinePolicy::from_toml(text) {
        Err(PolicyError::Toml {
            reason,
            line: Some(line),
        }) => format!("line {line}: {reason}"),
        other => panic!("expected a TOML error, got {other:?}"),
    }
}

#[test]
fn a_misspelt_key_is_named_with_its_line() {
    let reason = toml_reason("due_soon_days = 3\n[handel]\ndays = 90\n");
    assert!(reason.contains("handel"), "{reason}");
    assert!(reason.contains("line 2"), "{reason}");
}

#[test]
fn a_wrong_value_is_named_with_its_line() {
    let reason = toml_reason("[handle]\ndays = \"sixty\"\n");
    assert!(reason.contains("line 2"), "{reason}");
    let reason = toml_reason("[handle]\ncount = \"weekdays\"\n");
    assert!(reason.contains("weekdays"), "{reason}");
    let reason = toml_reason("due_soon_days = \n");
    assert!(reason.contains("line 1"), "{reason}");
}

#[test]
fn impossible_numbers_are_refused_by_field() {
    assert_eq!(
        DeadlinePolicy::from_toml("[handle]\ndays = 0\n"),
        Err(PolicyError::ZeroDays {
            field: "handle.days".into()
        })
    );
    assert_eq!(
        DeadlinePolicy::from_toml("max_extension_days = 5000\n"),
        Err(PolicyError::TooManyDays {
            field: "max_extension_days".into(),
            days: 5000,
            max: MAX_DAYS
        })
    );
    // Zero is a real choice for the window and the extension cap.
    assert_eq!(
        parse("due_soon_days = 0\nmax_extension_days = 0\n").max_extension_days,
        0
    );
}

#[test]
fn tiers_need_distinct_names_and_days() {
    let twice = "[[tiers]]\nname = \"普通\"\ndays = 7\n[[tiers]]\nname = \" 普通 \"\ndays = 9\n";
    assert_eq!(
        DeadlinePolicy::from_toml(twice),
        Err(PolicyError::DuplicateTier {
            name: "普通".into()
        })
    );
    assert_eq!(
        DeadlinePolicy::from_toml("[[tiers]]\nname = \"\"\ndays = 7\n"),
        Err(PolicyError::EmptyTierName)
    );
    assert_eq!(
        DeadlinePolicy::from_toml("[[tiers]]\nname = \"急\"\ndays = 0\n"),
        Err(PolicyError::ZeroDays {
            field: "tiers.急".into()
        })
    );
}

#[test]
fn an_impossible_number_is_found_on_its_line() {
    let cases = [
        ("due_soon_days = 3\n\n[handle]\ndays = 0\n", 4),
        ("max_extension_days = 5000\n", 1),
        (
            "[[tiers]]\nname = \"急\"\ndays = 3\n\n[[tiers]]\nname = \"急\"\ndays = 5\n",
            1,
        ),
        (
            "[[tiers]]\nname = \"普通\"\ndays = 9\n[[tiers]]\nname = \"急\"\ndays = 0\n",
            4,
        ),
        ("[handle]\ndays = \"sixty\"\n", 2),
    ];
    for (text, line) in cases {
        let err = DeadlinePolicy::from_toml(text).unwrap_err();
        assert_eq!(err.line_in(text), Some(line), "{text}: {err:?}");
    }
}
