use super::*;

fn values() -> Values {
    vec![
        ("number", "2026-000123".to_string()),
        ("petitioner", "<张三> & 李四".to_string()),
    ]
}

#[test]
fn placeholders_are_filled_and_unknown_ones_stay_visible() {
    let text = fill(
        "编号:{{ number }},{{petitioner}};{{no_such}};{{unclosed",
        &values(),
    );
    assert_eq!(
        text,
        "编号:2026-000123,<张三> & 李四;{{no_such}};{{unclosed"
    );
}

#[test]
fn the_html_form_escapes_what_the_matter_says() {
    let dir = tempfile::tempdir().unwrap();
    let page = render(
        DocumentKind::Acceptance,
        "受理告知书",
        &values(),
        &[dir.path().into()],
    )
    .unwrap();
    assert!(page.text.contains("<张三> & 李四"), "{}", page.text);
    assert!(
        page.html.contains("&lt;张三&gt; &amp; 李四"),
        "{}",
        page.html
    );
    assert!(!page.html.contains("<张三>"), "{}", page.html);
}

#[test]
fn every_shipped_template_uses_only_placeholders_the_desk_fills() {
    let known = [
        "number",
        "petitioner",
        "address",
        "received",
        "kind",
        "category",
        "summary",
        "state",
        "stage",
        "leader",
        "department",
        "due",
        "late",
        "urge",
        "today",
    ];
    let all: Values = known.iter().map(|k| (*k, String::new())).collect();
    for kind in [
        DocumentKind::Acceptance,
        DocumentKind::Assignment,
        DocumentKind::Reminder,
        DocumentKind::Supervision,
    ] {
        let text = fill(kind.shipped(), &all);
        assert!(!text.contains("{{"), "{kind:?}: {text}");
    }
}

#[test]
fn dates_are_written_as_on_chinese_documents() {
    let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert_eq!(chinese_date(d), "2026年3月2日");
}
