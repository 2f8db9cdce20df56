//! The filter dialog of the matters list (F8): state, leader, department and category, each a
//! picker that starts on "any".

use crate::domain::case::CaseState;
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::i18n::{Label, T};

use super::super::App;
use super::super::dialog::{Choice, DialogField, Input};
use super::{Filter, refilter};

#[derive(Clone, Debug)]
pub struct FilterDialog {
    pub fields: Vec<DialogField>,
    pub focus: usize,
}

fn with_any(app: &App, options: impl Iterator<Item = Choice>) -> Vec<Choice> {
    let any = Choice {
        label: app.t(T::FilterAny).to_string(),
        value: u64::MAX,
    };
    std::iter::once(any).chain(options).collect()
}

fn pick_at(options: &[Choice], value: Option<u64>) -> usize {
    value
        .and_then(|v| options.iter().position(|c| c.value == v))
        .unwrap_or(0)
}

fn pick(label: T, options: Vec<Choice>, value: Option<u64>) -> DialogField {
    let at = pick_at(&options, value);
    DialogField {
        label,
        required: false,
        input: Input::Pick { options, at },
    }
}

pub(in crate::app) fn open_filter(app: &mut App) {
    let lang = app.lang;
    let f = &app.matters.filter;
    let states = CaseState::ALL.iter().enumerate().map(|(i, s)| Choice {
        label: s.label(lang).to_string(),
        value: i as u64,
    });
    let state_at = f
        .state
        .and_then(|s| CaseState::ALL.iter().position(|x| *x == s))
        .map(|i| i as u64);
    let leaders = app.directory().leaders.iter().map(|l| Choice {
        label: l.name.clone(),
        value: l.id.0,
    });
    let departments = app.directory().departments.iter().map(|d| Choice {
        label: d.name.clone(),
        value: d.id.0,
    });
    let categories = app
        .settings
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| Choice {
            label: c.clone(),
            value: i as u64,
        });
    let category_at = f
        .category
        .as_ref()
        .and_then(|c| app.settings.categories.iter().position(|x| x == c))
        .map(|i| i as u64);
    let fields = vec![
        pick(T::FilterState, with_any(app, states), state_at),
        pick(
            T::FilterLeader,
            with_any(app, leaders),
            f.leader.map(|l| l.0),
        ),
        pick(
            T::FilterDepartment,
            with_any(app, departments),
            f.department.map(|d| d.0),
        ),
        pick(T::FilterCategory, with_any(app, categories), category_at),
    ];
    app.matters.filter_dialog = Some(FilterDialog { fields, focus: 0 });
}

pub(in crate::app) fn filter_focus(app: &mut App, delta: isize) {
    if let Some(d) = app.matters.filter_dialog.as_mut() {
        let len = d.fields.len() as isize;
        d.focus = (d.focus as isize + delta).rem_euclid(len) as usize;
    }
}

pub(in crate::app) fn filter_key(app: &mut App, key: ratatui::crossterm::event::KeyEvent) {
    if let Some(d) = app.matters.filter_dialog.as_mut()
        && let Some(field) = d.fields.get_mut(d.focus)
    {
        field.key(key);
    }
}

/// Enter in the filter dialog: the chosen filter applies.
pub(in crate::app) fn apply_filter(app: &mut App) {
    let Some(d) = app.matters.filter_dialog.take() else {
        return;
    };
    let chosen = |i: usize| match d.fields.get(i).map(|f| &f.input) {
        Some(Input::Pick { options, at }) => {
            options.get(*at).map(|c| c.value).filter(|v| *v != u64::MAX)
        }
        _ => None,
    };
    app.matters.filter = Filter {
        state: chosen(0).and_then(|i| CaseState::ALL.get(i as usize).copied()),
        leader: chosen(1).map(LeaderId),
        department: chosen(2).map(DepartmentId),
        category: chosen(3).and_then(|i| app.settings.categories.get(i as usize).cloned()),
    };
    refilter(app);
}
