//! Planning a session by hand (F8 on the week): date, hours, leader, place, mode, the
//! departments sitting in and a note. A session set by hand is never overwritten by a rota;
//! one on a date its leader marked unavailable is saved and flagged on the week.

use chrono::Days;

use crate::domain::date::{parse_date, parse_time};
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::permission::Permission;
use crate::domain::schedule::{Mode, ScheduleChange, SessionPlan};
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
const NOTE: usize = 7;

#[derive(Clone, Debug)]
pub struct SessionForm {
    pub fields: Vec<DialogField>,
    pub focus: usize,
    /// Why the last save was refused, in the reader's words.
    pub error: Option<String>,
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
    let dir = app.directory();
    let leaders: Vec<Choice> = dir
        .active_leaders()
        .map(|l| Choice {
            label: format!("{} {}", l.name, l.title),
            value: l.id.0,
        })
        .collect();
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
    let fields = vec![
        DialogField::text(T::SessionDate, true, 10, &day.to_string()),
        DialogField::text(
            T::SessionStart,
            true,
            5,
            &setting.start.format("%H:%M").to_string(),
        ),
        DialogField::text(
            T::SessionEnd,
            true,
            5,
            &setting.end.format("%H:%M").to_string(),
        ),
        DialogField::pick(T::SessionLeader, leaders),
        DialogField::text(T::SessionPlace, true, 60, &setting.place),
        DialogField::pick(T::SessionMode, modes),
        DialogField::multi(T::SessionSittingIn, departments),
        DialogField::text(T::SessionNote, false, 200, ""),
    ];
    app.week.form = Some(SessionForm {
        fields,
        focus: 0,
        error: None,
    });
}

pub fn focus(app: &mut App, step: isize) {
    if let Some(f) = app.week.form.as_mut() {
        let last = f.fields.len().saturating_sub(1);
        f.focus = f.focus.saturating_add_signed(step).min(last);
    }
}

/// The plan the form describes, or the text saying what is wrong.
fn plan(app: &App, form: &SessionForm) -> Result<SessionPlan, String> {
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
        carried: Vec::new(),
    })
}

/// Ctrl-S: the session is added and the week moves to it; a refusal keeps everything typed.
pub fn save(app: &mut App, store: &dyn Store) {
    let Some(form) = app.week.form.as_ref() else {
        return;
    };
    let plan = match plan(app, form) {
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
    match store.change_schedule(&ScheduleChange::Add(plan), &stamp) {
        Ok(_) => {
            app.week.form = None;
            app.week.monday = Some(week::monday_of(date));
            week::reload(app, store);
            let msg = app.lang.f(T::SessionPlanned, &[&date]);
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
