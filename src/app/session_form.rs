//! Planning a session by hand (F8 on the week) or changing one (E): date, hours, leader,
//! place, mode, the departments sitting in, the matters a 带案下访 takes along and a note. A
//! session set by hand is never overwritten by a rota; one on a date its leader marked
//! unavailable is saved and flagged on the week.

use chrono::Days;

use crate::domain::case::CaseId;
use crate::domain::date::{parse_date, parse_time};
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::permission::Permission;
use crate::domain::schedule::{Mode, ScheduleChange, SessionId, SessionPlan};
use crate::domain::serial::SerialNo;
use crate::i18n::{Label, Localize, T};
use crate::store::Store;

use super::dialog::{Choice, DialogField};
use super::{App, Tone, week};

const DATE: usize = 0;
const START: usize = 1;
const END: usize = 2;
const LEADER: usize = 3;
const PLACE: usize = 4;
const MODE: usize = 5;
const SITTING_IN: usize = 6;
const CARRIED: usize = 7;
const NOTE: usize = 8;

/// Room for a handful of matter numbers (each `2026-000123`).
const CARRIED_CHARS: usize = 200;

#[derive(Clone, Debug)]
pub struct SessionForm {
    pub fields: Vec<DialogField>,
    pub focus: usize,
    /// Why the last save was refused, in the reader's words.
    pub error: Option<String>,
    /// The session being changed; `None` for a new one.
    pub editing: Option<SessionId>,
    /// What the fields held when the form opened.
    opened_with: Vec<String>,
}

impl SessionForm {
    /// Changed since it opened: Esc then asks before throwing the changes away.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .map(DialogField::value_signature)
            .ne(self.opened_with.iter().cloned())
    }
}

/// What the form starts with.
struct Prefill {
    plan: SessionPlan,
    /// No leader chosen yet (a new session): the first in the list is offered.
    leader_chosen: bool,
    carried: String,
}

/// F8 on the week: the form, on the week's pattern day and the office's hours and place.
pub fn open(app: &mut App) {
    if app.refused(Permission::PlanSchedule, false) {
        return;
    }
    let setting = &app.settings.reception;
    let monday = app
        .week
        .monday
        .unwrap_or_else(|| week::monday_of(app.clock.today()));
    let offset = u64::from(setting.weekday().num_days_from_monday());
    let day = monday.checked_add_days(Days::new(offset)).unwrap_or(monday);
    let plan = SessionPlan {
        date: day,
        start: setting.start,
        end: setting.end,
        place: setting.place.clone(),
        mode: Mode::FixedPlace,
        leader: LeaderId(0),
        sitting_in: Vec::new(),
        note: String::new(),
        carried: Vec::new(),
    };
    let prefill = Prefill {
        plan,
        leader_chosen: false,
        carried: String::new(),
    };
    app.week.form = Some(form(app, prefill, None));
}

/// E on the week: the selected session's form, to change its notice fields.
pub fn edit(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::PlanSchedule, false) {
        return;
    }
    // The matters it takes along are shown by number.
    week::load_matter_numbers(app, store);
    let Some(session) = app.week.selected_session() else {
        return;
    };
    let carried: Vec<String> = session
        .plan
        .carried
        .iter()
        .map(|c| app.week.matter_number(*c))
        .collect();
    let prefill = Prefill {
        plan: session.plan.clone(),
        leader_chosen: true,
        carried: carried.join(" "),
    };
    let id = session.id;
    app.week.form = Some(form(app, prefill, Some(id)));
}

fn form(app: &App, prefill: Prefill, editing: Option<SessionId>) -> SessionForm {
    let plan = &prefill.plan;
    let dir = app.directory();
    // A session's leader who has since retired stays choosable for that session.
    let leaders: Vec<Choice> = dir
        .active_leaders()
        .chain(dir.leader(plan.leader).filter(|_| prefill.leader_chosen))
        .fold(Vec::new(), |mut out: Vec<Choice>, l| {
            if !out.iter().any(|c| c.value == l.id.0) {
                out.push(Choice {
                    label: format!("{} {}", l.name, l.title),
                    value: l.id.0,
                });
            }
            out
        });
    let departments: Vec<Choice> = dir
        .active_departments()
        .map(|d| Choice {
            label: d.name.clone(),
            value: d.id.0,
        })
        .collect();
    let modes: Vec<Choice> = Mode::ALL
        .iter()
        .enumerate()
        .map(|(i, m)| Choice {
            label: m.label(app.lang).to_string(),
            value: i as u64,
        })
        .collect();
    let mode = Mode::ALL.iter().position(|m| *m == plan.mode).unwrap_or(0);
    let sitting_in: Vec<u64> = plan.sitting_in.iter().map(|d| d.0).collect();
    let hm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let fields = vec![
        DialogField::text(T::SessionDate, true, 10, &plan.date.to_string()),
        DialogField::text(T::SessionStart, true, 5, &hm(plan.start)),
        DialogField::text(T::SessionEnd, true, 5, &hm(plan.end)),
        DialogField::pick(T::SessionLeader, leaders).with_picked(plan.leader.0),
        DialogField::text(T::SessionPlace, true, 60, &plan.place),
        DialogField::pick(T::SessionMode, modes).with_picked(mode as u64),
        DialogField::multi(T::SessionSittingIn, departments).with_ticked(&sitting_in),
        DialogField::text(T::SessionCarried, false, CARRIED_CHARS, &prefill.carried),
        DialogField::text(T::SessionNote, false, 200, &plan.note),
    ];
    let opened_with = fields.iter().map(DialogField::value_signature).collect();
    SessionForm {
        fields,
        focus: 0,
        error: None,
        editing,
        opened_with,
    }
}

pub fn focus(app: &mut App, step: isize) {
    if let Some(f) = app.week.form.as_mut() {
        let last = f.fields.len().saturating_sub(1);
        f.focus = f.focus.saturating_add_signed(step).min(last);
    }
}

/// The plan the form describes, or the text saying what is wrong.
fn plan(app: &App, form: &SessionForm, store: &dyn Store) -> Result<SessionPlan, String> {
    let f = &form.fields;
    let bad = |key: T| app.lang.f(T::SessionFormBad, &[&app.t(key)]);
    let date = parse_date(f[DATE].text_value()).map_err(|_| bad(T::SessionDate))?;
    let start = parse_time(f[START].text_value()).map_err(|_| bad(T::SessionStart))?;
    let end = parse_time(f[END].text_value()).map_err(|_| bad(T::SessionEnd))?;
    let leader = f[LEADER]
        .picked()
        .map(LeaderId)
        .ok_or_else(|| app.t(T::RotaNoLeaders).to_string())?;
    let mode = f[MODE]
        .picked()
        .and_then(|i| Mode::ALL.get(i as usize).copied())
        .unwrap_or(Mode::FixedPlace);
    let carried = carried(app, form, f[CARRIED].text_value(), store)?;
    if !carried.is_empty() && mode != Mode::DownWithCases {
        return Err(app.t(T::SessionCarriedNotDown).to_string());
    }
    Ok(SessionPlan {
        date,
        start,
        end,
        place: f[PLACE].text_value().to_string(),
        mode,
        leader,
        sitting_in: f[SITTING_IN]
            .ticked()
            .into_iter()
            .map(DepartmentId)
            .collect(),
        note: f[NOTE].text_value().to_string(),
        carried,
    })
}

/// The open matters named by their numbers, separated by spaces, commas or 、. A matter the
/// session being changed already takes along stays, even if it has closed since.
fn carried(
    app: &App,
    form: &SessionForm,
    typed: &str,
    store: &dyn Store,
) -> Result<Vec<CaseId>, String> {
    let words: Vec<&str> = typed
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let numbers = words
        .iter()
        .map(|w| {
            let folded = crate::domain::text::fold_fullwidth(w);
            folded
                .parse::<SerialNo>()
                .map_err(|_| app.lang.f(T::SessionCarriedBad, &[w]))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let open = store.pending_matters().map_err(|e| e.localize(app.lang))?;
    let mut ids: Vec<CaseId> = Vec::new();
    let already = |number: &SerialNo| {
        let session = app
            .week
            .sessions
            .iter()
            .find(|s| Some(s.id) == form.editing)?;
        let text = number.to_string();
        session
            .plan
            .carried
            .iter()
            .copied()
            .find(|c| app.week.matter_number(*c) == text)
    };
    for number in numbers {
        let id = open
            .iter()
            .find(|r| r.number == number)
            .map(|r| r.id)
            .or_else(|| already(&number))
            .ok_or_else(|| app.lang.f(T::BookingNoMatter, &[&number]))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Ctrl-S: the session is added (or changed) and the week moves to it; a refusal keeps
/// everything typed.
pub fn save(app: &mut App, store: &dyn Store) {
    let Some(form) = app.week.form.as_ref() else {
        return;
    };
    let editing = form.editing;
    let plan = match plan(app, form, store) {
        Ok(plan) => plan,
        Err(e) => {
            if let Some(f) = app.week.form.as_mut() {
                f.error = Some(e);
            }
            return;
        }
    };
    let stamp = crate::domain::ledger::Stamp::new(app.clock.now(), app.operator_code().to_string());
    let date = plan.date;
    let (change, done) = match editing {
        Some(id) => (ScheduleChange::Replan { id, plan }, T::SessionReplanned),
        None => (ScheduleChange::Add(plan), T::SessionPlanned),
    };
    match store.change_schedule(&change, &stamp) {
        Ok(_) => {
            app.week.form = None;
            app.week.monday = Some(week::monday_of(date));
            week::reload(app, store);
            let msg = app.lang.f(done, &[&date]);
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            if let Some(f) = app.week.form.as_mut() {
                f.error = Some(msg);
            }
        }
    }
}
