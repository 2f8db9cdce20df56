//! The leaders and departments screen (F7): two lists, a form to add or edit, and the actions
//! that retire, bring back or delete a record. Every change goes to the store at once; the
//! lists are read again after it, so the screen shows what is stored.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::organisation::{Department, Leader};
use crate::domain::permission::Permission;
use crate::i18n::{Localize, T};
use crate::store::{Store, StoreError};

use super::action::Command;
use super::org_form::{Filled, OrgForm, OrgTab};
use super::{App, ConfirmKind, Overlay, Screen, Tone, intake};

/// Lines of the screen that are not list rows: header, tabs, the list's borders and its
/// header row, status line and footer. The view lays out the same.
pub const CHROME_ROWS: u16 = 7;

#[derive(Clone, Debug, Default)]
pub struct OrgScreen {
    pub tab: OrgTab,
    pub leaders: Vec<Leader>,
    pub departments: Vec<Department>,
    /// The selected row of each tab.
    pub selected: [usize; 2],
    pub offset: [usize; 2],
    pub form: Option<OrgForm>,
}

impl OrgScreen {
    fn slot(&self) -> usize {
        match self.tab {
            OrgTab::Leaders => 0,
            OrgTab::Departments => 1,
        }
    }

    pub fn len(&self) -> usize {
        match self.tab {
            OrgTab::Leaders => self.leaders.len(),
            OrgTab::Departments => self.departments.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected(&self) -> usize {
        self.selected[self.slot()]
    }

    pub fn offset(&self) -> usize {
        self.offset[self.slot()]
    }

    /// The selected record's id, name and whether it is active.
    pub fn selected_record(&self) -> Option<(u64, &str, bool)> {
        let i = self.selected();
        match self.tab {
            OrgTab::Leaders => self
                .leaders
                .get(i)
                .map(|l| (l.id.0, l.name.as_str(), l.active)),
            OrgTab::Departments => self
                .departments
                .get(i)
                .map(|d| (d.id.0, d.name.as_str(), d.active)),
        }
    }

    /// Names of the active records of the form's kind, for its duplicate check.
    fn active_names(&self, tab: OrgTab) -> Vec<(u64, String)> {
        match tab {
            OrgTab::Leaders => self
                .leaders
                .iter()
                .filter(|l| l.active)
                .map(|l| (l.id.0, l.name.clone()))
                .collect(),
            OrgTab::Departments => self
                .departments
                .iter()
                .filter(|d| d.active)
                .map(|d| (d.id.0, d.name.clone()))
                .collect(),
        }
    }

    pub fn form_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(OrgForm::is_dirty)
    }
}

pub fn page_rows(app: &App) -> usize {
    usize::from(app.size.1.saturating_sub(CHROME_ROWS)).max(1)
}

/// F7: the screen, with the lists as stored now.
pub(super) fn open(app: &mut App, store: &dyn Store) {
    app.screen = Screen::Organisation;
    app.details.clear();
    reload(app, store);
}

/// Reads both lists again and tells intake which leaders it may offer.
pub(super) fn reload(app: &mut App, store: &dyn Store) {
    if !app.db_ready() {
        return;
    }
    match store.leaders().and_then(|l| Ok((l, store.departments()?))) {
        Ok((leaders, departments)) => {
            let org = &mut app.org;
            org.leaders = leaders;
            org.departments = departments;
            org.selected = [
                org.selected[0].min(org.leaders.len().saturating_sub(1)),
                org.selected[1].min(org.departments.len().saturating_sub(1)),
            ];
            intake::leaders_changed(app);
        }
        Err(e) => fail(app, &e),
    }
    // The operators tab shows its count beside the others.
    if app.may(Permission::ManageOperators)
        && let Ok(list) = store.operators()
    {
        app.ops.list = list;
    }
}

fn fail(app: &mut App, e: &StoreError) {
    let msg = app.lang.f(T::OrgFailed, &[&e.localize(app.lang)]);
    app.say(Tone::Error, msg);
}

pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    if app.org.form.is_some() {
        form_command(app, c, store);
        return;
    }
    let page = page_rows(app) as isize;
    let changes = matches!(
        c,
        Command::Add | Command::Open | Command::ToggleActive | Command::Delete
    );
    if changes && app.refused(Permission::ManageOrganisation, false) {
        return;
    }
    // Administrators have a third tab: the operators.
    let to_operators = match c {
        Command::NextField => app.org.tab == OrgTab::Departments,
        Command::PrevField => app.org.tab == OrgTab::Leaders,
        _ => false,
    };
    if to_operators && app.may(Permission::ManageOperators) {
        app.org.tab = app.org.tab.other();
        super::operators::open(app, store);
        return;
    }
    match c {
        Command::Back => super::session::go_home(app, store),
        Command::NextField | Command::PrevField => app.org.tab = app.org.tab.other(),
        Command::Up => move_selection(app, -1),
        Command::Down => move_selection(app, 1),
        Command::PageUp => move_selection(app, -page),
        Command::PageDown => move_selection(app, page),
        Command::Add => {
            app.org.form = Some(OrgForm::new(app.org.tab, None, Default::default()));
        }
        Command::Open => edit_selected(app),
        Command::ToggleActive => toggle_active(app, store),
        Command::Delete if app.org.selected_record().is_some() => {
            app.overlay = Some(Overlay::Confirm {
                kind: ConfirmKind::Delete,
                act: false,
            });
        }
        _ => {}
    }
}

fn form_command(app: &mut App, c: Command, store: &dyn Store) {
    if matches!(c, Command::Save | Command::Open)
        && app.refused(Permission::ManageOrganisation, false)
    {
        return;
    }
    let Some(form) = app.org.form.as_mut() else {
        return;
    };
    match c {
        Command::Save | Command::Open => save(app, store),
        Command::Back if form.is_dirty() => {
            app.overlay = Some(Overlay::Confirm {
                kind: ConfirmKind::DiscardForm,
                act: false,
            });
        }
        Command::Back => app.org.form = None,
        Command::NextField | Command::Down => leave_field(app, 1),
        Command::PrevField | Command::Up => leave_field(app, 2),
        _ => {}
    }
}

/// Checks the field being left, then moves `step` fields on (of three, so 2 is back one).
fn leave_field(app: &mut App, step: usize) {
    let Some(tab) = app.org.form.as_ref().map(|f| f.tab) else {
        return;
    };
    let active = app.org.active_names(tab);
    if let Some(form) = app.org.form.as_mut() {
        let field = form.focused_field();
        form.check_field(field, active.iter().map(|(id, n)| (*id, n.as_str())));
        form.focus = (form.focus + step) % 3;
    }
}

/// Typing and pasting go to the focused field of an open form; without one, ←/→ switch the
/// lists and Home/End jump.
pub(super) fn key(app: &mut App, key: KeyEvent) {
    let tab = app.org.form.as_ref().map(|f| f.tab);
    if let Some(tab) = tab {
        let active = app.org.active_names(tab);
        if let Some(form) = app.org.form.as_mut()
            && form.focused().handle_key(key)
        {
            let field = form.focused_field();
            if form.error(field).is_some() {
                form.check_field(field, active.iter().map(|(id, n)| (*id, n.as_str())));
            }
        }
        return;
    }
    match key.code {
        KeyCode::Left | KeyCode::Right => app.org.tab = app.org.tab.other(),
        KeyCode::Home => move_selection(app, isize::MIN / 2),
        KeyCode::End => move_selection(app, isize::MAX / 2),
        _ => {}
    }
}

pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(form) = app.org.form.as_mut() {
        form.focused().paste(text);
    }
}

fn move_selection(app: &mut App, delta: isize) {
    let len = app.org.len();
    if len == 0 {
        return;
    }
    let height = page_rows(app);
    let slot = app.org.slot();
    let org = &mut app.org;
    let target = (org.selected[slot] as isize + delta).clamp(0, len as isize - 1) as usize;
    org.selected[slot] = target;
    let offset = &mut org.offset[slot];
    if target < *offset {
        *offset = target;
    } else if target >= *offset + height {
        *offset = target + 1 - height;
    }
}

fn edit_selected(app: &mut App) {
    let org = &mut app.org;
    let i = org.selected();
    org.form = match org.tab {
        OrgTab::Leaders => org
            .leaders
            .get(i)
            .map(|l| OrgForm::leader(Some(l.id.0), &l.as_new())),
        OrgTab::Departments => org
            .departments
            .get(i)
            .map(|d| OrgForm::department(Some(d.id.0), &d.as_new())),
    };
}

fn save(app: &mut App, store: &dyn Store) {
    let Some(form) = app.org.form.as_ref() else {
        return;
    };
    let active = app.org.active_names(form.tab);
    let filled = form.check(active.iter().map(|(id, n)| (*id, n.as_str())));
    let editing = form.editing;
    let filled = match filled {
        Ok(filled) => filled,
        Err(errors) => {
            let n = errors.len();
            if let Some(form) = app.org.form.as_mut() {
                let first = errors[0].0;
                form.focus = form
                    .tab
                    .fields()
                    .iter()
                    .position(|f| *f == first)
                    .unwrap_or(0);
                form.errors = errors;
            }
            let msg = app.lang.f(T::OrgFixErrors, &[&n]);
            app.say(Tone::Error, msg);
            return;
        }
    };
    use crate::domain::organisation::{DepartmentId, LeaderId};
    let stamp = &stamp(app);
    let done = match (&filled, editing) {
        (Filled::Leader(l), None) => store.add_leader(l, stamp).map(|l| l.name),
        (Filled::Leader(l), Some(id)) => store.edit_leader(LeaderId(id), l, stamp).map(|l| l.name),
        (Filled::Department(d), None) => store.add_department(d, stamp).map(|d| d.name),
        (Filled::Department(d), Some(id)) => store
            .edit_department(DepartmentId(id), d, stamp)
            .map(|d| d.name),
    };
    match done {
        Ok(name) => {
            app.org.form = None;
            reload(app, store);
            select_named(app, &name);
            let key = if editing.is_some() {
                T::OrgSaved
            } else {
                T::OrgAdded
            };
            let msg = app.lang.f(key, &[&name]);
            app.say(Tone::Ok, msg);
        }
        // The form stays as typed; the store's reason is shown under the field it concerns.
        Err(e) => {
            if let (StoreError::Organisation(org), Some(form)) = (&e, app.org.form.as_mut()) {
                form.errors = vec![(org.field(), super::org_form::FormError::Org(org.clone()))];
            }
            fail(app, &e);
        }
    }
}

fn select_named(app: &mut App, name: &str) {
    let org = &app.org;
    let found = match org.tab {
        OrgTab::Leaders => org.leaders.iter().position(|l| l.name == name),
        OrgTab::Departments => org.departments.iter().position(|d| d.name == name),
    };
    if let Some(i) = found {
        let delta = i as isize - org.selected() as isize;
        move_selection(app, delta);
    }
}

/// Who changes a record and when, for the evidence log.
fn stamp(app: &App) -> crate::domain::ledger::Stamp {
    crate::domain::ledger::Stamp::new(app.clock.now(), app.operator_code().to_string())
}

/// Retiring is undone with the same key, so it needs no confirmation.
fn toggle_active(app: &mut App, store: &dyn Store) {
    use crate::domain::organisation::{DepartmentId, LeaderId};
    let Some((id, _, active)) = app.org.selected_record() else {
        return;
    };
    let stamp = &stamp(app);
    let done = match app.org.tab {
        OrgTab::Leaders => store
            .set_leader_active(LeaderId(id), !active, stamp)
            .map(|l| l.name),
        OrgTab::Departments => store
            .set_department_active(DepartmentId(id), !active, stamp)
            .map(|d| d.name),
    };
    match done {
        Ok(name) => {
            reload(app, store);
            let key = if active {
                T::OrgDeactivated
            } else {
                T::OrgReactivated
            };
            let msg = app.lang.f(key, &[&name]);
            app.say(Tone::Ok, msg);
        }
        Err(e) => fail(app, &e),
    }
}

/// After the clerk confirmed: deletes the selected record, or says why it cannot be.
pub(super) fn delete_selected(app: &mut App, store: &dyn Store) {
    use crate::domain::organisation::{DepartmentId, LeaderId};
    if app.refused(Permission::ManageOrganisation, false) {
        return;
    }
    let Some((id, name, _)) = app.org.selected_record() else {
        return;
    };
    let name = name.to_string();
    let stamp = &stamp(app);
    let done = match app.org.tab {
        OrgTab::Leaders => store.delete_leader(LeaderId(id), stamp),
        OrgTab::Departments => store.delete_department(DepartmentId(id), stamp),
    };
    match done {
        Ok(()) => {
            reload(app, store);
            let msg = app.lang.f(T::OrgDeleted, &[&name]);
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}
