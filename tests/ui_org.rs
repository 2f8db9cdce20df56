//! The leaders and departments screen (F7) as a clerk uses it: lists with Chinese names in
//! aligned columns, retired records dimmed and marked, the add/edit form with inline checks,
//! and deletes refused while a matter names the record.

mod common;

use std::sync::Arc;

use common::{TestDesk, admin};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use xfdesk::app::org_form::OrgTab;
use xfdesk::app::{ConfirmKind, Overlay, Screen};
use xfdesk::domain::organisation::{NewDepartment, NewLeader};
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::Person;
use xfdesk::domain::phone::Phone;
use xfdesk::domain::visit::{CaseLink, Channel, Kind, NewVisit};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

fn leader(name: &str, title: &str, portfolio: &str) -> NewLeader {
    NewLeader {
        name: name.into(),
        title: title.into(),
        portfolio: portfolio.into(),
    }
}

fn department(name: &str, contact: &str, phone: &str) -> NewDepartment {
    NewDepartment {
        name: name.into(),
        contact: contact.into(),
        phone: Phone::parse(phone).ok(),
    }
}

/// Four leaders (one retired, one with a long minority name) and three departments; 王红
/// received a visitor, so a matter names her.
fn store() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let added = store
        .add_leaders(
            &[
                leader("王红", "县长", "主持县政府全面工作，负责审计工作"),
                leader("李建国", "常务副县长", "财政、税务、发展改革"),
                leader(
                    "阿依古丽·买买提",
                    "副县长",
                    "教育体育、卫生健康、民政、医疗保障",
                ),
                leader("单雄", "副县长、县公安局局长", "公安、司法、民族宗教"),
            ],
            &admin(),
        )
        .unwrap();
    store
        .set_leader_active(added[3].id, false, &admin())
        .unwrap();
    store
        .add_departments(
            &[
                department("县人力资源和社会保障局", "赵科长", "0879-3212345"),
                department("县自然资源局", "钱主任", "13908791234"),
                department("思茅镇人民政府", "", ""),
            ],
            &admin(),
        )
        .unwrap();
    store
        .register_visit(&NewVisit {
            channel: Channel::WalkIn,
            received_at: common::now() - chrono::Duration::days(7),
            recorded_at: None,
            received_by: "clerk1".into(),
            petitioner: Person {
                name: "张三".into(),
                phone: Phone::parse("13812345678").ok(),
                ..Person::default()
            },
            existing_petitioner: None,
            co_petitioners: vec![],
            head_count: 1,
            group: false,
            kind: Kind::Appeal,
            category: "土地征收".into(),
            summary: "要求落实征地补偿款".into(),
            case: CaseLink::New,
            receiving_leader: Some(added[0].id),
        })
        .unwrap();
    store
}

/// Leaders and departments are the administrator's; they open on this screen.
fn org_desk(lang: Lang) -> TestDesk {
    let d = common::desk_as(Role::Administrator, lang, 110, 20, store(), true);
    assert_eq!(d.app().screen, Screen::Organisation);
    d
}

#[test]
fn leaders_listed_with_chinese_names_aligned_and_the_retired_one_marked() {
    let mut d = org_desk(Lang::Zh);
    assert_eq!(d.app().screen, Screen::Organisation);
    assert_eq!(d.app().org.leaders.len(), 4);
    let screen = d.screen();
    let row = screen.lines().find(|l| l.contains("单雄")).unwrap();
    assert!(row.contains("停用"), "{row}");
    // The retired row is dimmed: colour aside, the mark and the DIM modifier tell.
    let buffer = d.backend().buffer().clone();
    let y = (0..buffer.area.height)
        .find(|y| buffer[(1, *y)].symbol() == "停")
        .unwrap();
    assert!(buffer[(1, y)].modifier.contains(Modifier::DIM));
    assert!(!buffer[(1, y - 1)].modifier.contains(Modifier::DIM));
    assert_snapshot!(d.backend());
}

#[test]
fn departments_are_the_other_tab() {
    let mut d = org_desk(Lang::Zh);
    d.key(KeyCode::Tab);
    assert_eq!(d.app().org.tab, OrgTab::Departments);
    assert_snapshot!(d.backend());
    d.key(KeyCode::Right);
    assert_eq!(d.app().org.tab, OrgTab::Leaders);
}

#[test]
fn a_leader_added_with_chinese_text_is_stored_and_offered_at_intake() {
    let mut d = org_desk(Lang::Zh);
    d.ctrl('n').type_text("周平");
    // The caret after two Chinese characters: four cells into the field.
    let (x, _) = d.cursor();
    d.key(KeyCode::Left);
    assert_eq!(d.cursor().0, x - 2);
    d.key(KeyCode::End)
        .key(KeyCode::Tab)
        .type_text("副县长")
        .key(KeyCode::Tab)
        .type_text("自然资源、住房和城乡建设");
    assert_snapshot!("the_add_form_filled", d.backend());
    d.key(KeyCode::Enter);
    assert!(d.app().org.form.is_none());
    let stored = d.store.leaders().unwrap();
    assert_eq!(stored.len(), 5);
    assert_eq!(stored[4].name, "周平");
    assert_eq!(stored[4].portfolio, "自然资源、住房和城乡建设");
    assert!(d.screen().contains("已新增 周平"));
    assert_eq!(d.app().org.selected[0], 4, "the new leader is selected");
    // A clerk takes over the desk and finds the leader offered at intake.
    common::add_operator(&*d.store, Role::Clerk, None);
    d.switch().sign_in("clerk1", common::PIN);
    assert_eq!(d.app().screen, Screen::Intake);
    let offered: Vec<String> = d
        .app()
        .intake
        .leader
        .matches()
        .map(|l| l.name.clone())
        .collect();
    assert_eq!(offered, ["王红", "李建国", "阿依古丽·买买提", "周平"]);
}

#[test]
fn a_refused_save_keeps_everything_typed_and_says_why_under_the_field() {
    let mut d = org_desk(Lang::Zh);
    d.key(KeyCode::Tab).type_text("a");
    assert!(
        d.app().org.form.is_some(),
        "a plain letter in the list adds"
    );
    d.type_text("县自然资源局")
        .key(KeyCode::Tab)
        .type_text("孙科长")
        .key(KeyCode::Tab)
        .type_text("１３８１２３");
    assert_eq!(
        d.app().org.form.as_ref().unwrap().fields[1].value(),
        "孙科长",
        "letters typed in a field stay typing"
    );
    d.ctrl('s');
    assert_eq!(d.store.departments().unwrap().len(), 3, "nothing saved");
    let form = d.app().org.form.as_ref().unwrap();
    assert_eq!(form.fields[0].value(), "县自然资源局");
    assert_eq!(form.fields[2].value(), "１３８１２３");
    assert_eq!(form.focus, 0, "the first wrong field has focus");
    assert_snapshot!(d.backend());
    // Put right, the errors go and the phone is kept normalised.
    d.key(KeyCode::End).type_text("分局").tab(2);
    for _ in 0..6 {
        d.key(KeyCode::Backspace);
    }
    d.paste("13812345678").key(KeyCode::Enter);
    let depts = d.store.departments().unwrap();
    assert_eq!(depts.len(), 4, "{:?}", d.app().org.form);
    assert_eq!(depts[3].name, "县自然资源局分局");
    assert_eq!(depts[3].phone.as_ref().unwrap().as_str(), "13812345678");
}

#[test]
fn esc_on_an_edited_form_asks_before_discarding() {
    let mut d = org_desk(Lang::Zh);
    d.key(KeyCode::Down).key(KeyCode::Enter);
    assert_eq!(
        d.app().org.form.as_ref().unwrap().fields[0].value(),
        "李建国"
    );
    d.key(KeyCode::Esc);
    assert!(d.app().org.form.is_none(), "unchanged: closes at once");
    d.key(KeyCode::Enter).type_text("同志").key(KeyCode::Esc);
    assert_eq!(
        d.app().overlay,
        Some(Overlay::Confirm {
            kind: ConfirmKind::DiscardForm,
            act: false
        })
    );
    d.key(KeyCode::Enter);
    assert_eq!(
        d.app().org.form.as_ref().unwrap().fields[0].value(),
        "李建国同志",
        "the default button keeps editing"
    );
    d.key(KeyCode::Esc).key(KeyCode::Right).key(KeyCode::Enter);
    assert!(d.app().org.form.is_none());
    assert_eq!(d.store.leaders().unwrap()[1].name, "李建国");
}

#[test]
fn retiring_and_bringing_back_a_leader() {
    let mut d = org_desk(Lang::Zh);
    d.key(KeyCode::Down).key(KeyCode::Char('t'));
    assert!(!d.store.leaders().unwrap()[1].active);
    assert!(d.screen().contains("已停用 李建国"));
    d.key(KeyCode::F(2));
    let offered: Vec<String> = d
        .app()
        .intake
        .leader
        .matches()
        .map(|l| l.name.clone())
        .collect();
    assert_eq!(offered, ["王红", "阿依古丽·买买提"]);
    d.key(KeyCode::F(7)).ctrl('t');
    assert!(d.store.leaders().unwrap()[1].active);
    assert!(d.screen().contains("已启用 李建国"));
}

#[test]
fn a_leader_a_matter_names_is_not_deleted_and_the_clerk_is_told_why() {
    let mut d = org_desk(Lang::Zh);
    d.key(KeyCode::Char('d'));
    assert!(d.screen().contains("删除“王红”?"));
    d.key(KeyCode::Enter);
    assert_eq!(d.store.leaders().unwrap().len(), 4, "keep is the default");
    d.ctrl('d').key(KeyCode::Right).key(KeyCode::Enter);
    assert_eq!(d.store.leaders().unwrap().len(), 4);
    let screen = d.screen();
    assert!(
        screen.contains("“王红”是 1 件事项的接访或包案领导,不能删除;可改为停用"),
        "{screen}"
    );
    d.key(KeyCode::Down)
        .key(KeyCode::Char('d'))
        .key(KeyCode::Right)
        .key(KeyCode::Enter);
    let names: Vec<String> = d
        .store
        .leaders()
        .unwrap()
        .into_iter()
        .map(|l| l.name)
        .collect();
    assert_eq!(names, ["王红", "阿依古丽·买买提", "单雄"]);
    assert!(d.screen().contains("已删除 李建国"));
}

#[test]
fn english_leaders_list() {
    let mut d = org_desk(Lang::En);
    assert_snapshot!(d.backend());
}
