//! The intake form: its state, focus order, inline checks, repeat detection while typing, and
//! saving. Nothing the clerk typed is lost by a failed save or a stray key.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::case::Case;
use crate::domain::id_number::IdNumber;
use crate::domain::intake::{Field, IntakeContext, IntakeError, IntakeInput, SUMMARY_MAX_CHARS};
use crate::domain::matter::Package;
use crate::domain::office::OfficeSettings;
use crate::domain::petitioner::{ADDRESS_MAX_CHARS, NAME_MAX_CHARS, Petitioner, Sex};
use crate::domain::phone::Phone;
use crate::domain::repeat::Probe;
use crate::domain::search::name_keys;
use crate::domain::serial::SerialNo;
use crate::domain::visit::{CaseLink, Channel, CoPetitioner, Kind};
use crate::i18n::{Label, Lang, Localize, T};
use crate::store::{Store, StoreError};

use super::co_petitioner::CoDialog;
use super::field::{PasteOutcome, TextField};
use super::reacceptance;
use super::receiving::{LeaderPick, responsibility_text};
use super::repeat::RepeatEntry;
use super::{App, Tone};

/// How many matches the repeat panel shows.
const MATCHES_SHOWN: usize = 5;

#[derive(Clone, Debug)]
pub struct IntakeForm {
    pub channel: Channel,
    /// The arrival of a reception session this form registers, if it was opened from the
    /// queue: it travels with the form, so another operator's intake never marks it.
    pub receiving: Option<super::reception_day::Receiving>,
    pub received_at: TextField,
    /// Kept from one visitor to the next: a reception session is one leader's.
    pub leader: LeaderPick,
    pub name: TextField,
    pub id_number: TextField,
    pub sex: Sex,
    pub phone: TextField,
    pub address: TextField,
    pub head_count: TextField,
    pub co_petitioners: Vec<CoPetitioner>,
    pub co_selected: usize,
    pub kind: Kind,
    pub category: usize,
    pub summary: TextArea<'static>,
    /// 0 is "new matter"; `i` is the linked petitioner's `i-1`th open matter.
    pub case_choice: usize,
    pub focus: Field,
    pub errors: Vec<(Field, IntakeError)>,
    /// The earlier petitioner this visit is registered for, once chosen from the matches.
    pub linked: Option<RepeatEntry>,
    pub matches: Vec<RepeatEntry>,
    /// With no match: how many earlier petitioners share the typed name. A name alone is not
    /// enough to call someone a repeat, but "no earlier visits" would be untrue.
    pub same_name: usize,
    /// Set while the matches panel has focus: the highlighted match.
    pub match_cursor: Option<usize>,
    pub co_dialog: Option<CoDialog>,
    /// The linked petitioner's matters not to be accepted again on the same facts.
    pub barred: Vec<(Case, Package)>,
    /// Those of them the visit as typed looks like: intake warns.
    pub reacceptance: Vec<SerialNo>,
    last_probe: Option<(String, Option<IdNumber>, Option<Phone>, String)>,
}

impl IntakeForm {
    pub fn new(_settings: &OfficeSettings) -> IntakeForm {
        let mut summary = TextArea::default();
        summary.set_wrap_mode(WrapMode::Glyph);
        IntakeForm {
            channel: Channel::WalkIn,
            receiving: None,
            received_at: TextField::new(24),
            leader: LeaderPick::default(),
            name: TextField::new(NAME_MAX_CHARS),
            id_number: TextField::new(24),
            sex: Sex::Unknown,
            phone: TextField::new(24),
            address: TextField::new(ADDRESS_MAX_CHARS),
            head_count: TextField::new(6),
            co_petitioners: Vec::new(),
            co_selected: 0,
            kind: Kind::Appeal,
            category: 0,
            summary,
            case_choice: 0,
            focus: Field::Name,
            errors: Vec::new(),
            linked: None,
            matches: Vec::new(),
            same_name: 0,
            match_cursor: None,
            co_dialog: None,
            barred: Vec::new(),
            reacceptance: Vec::new(),
            last_probe: None,
        }
    }

    /// Whether the focused widget takes typed characters.
    pub fn text_focus(&self) -> bool {
        if let Some(d) = &self.co_dialog {
            return d.focus != super::co_petitioner::CoField::Representative;
        }
        // A choice takes letters too: typing one picks the option it starts.
        self.match_cursor.is_none()
            && (self.text_field_ref(self.focus).is_some()
                || self.focus.is_choice()
                || matches!(self.focus, Field::Summary | Field::ReceivingLeader))
    }

    pub fn text_field_ref(&self, field: Field) -> Option<&TextField> {
        match field {
            Field::ReceivedAt => Some(&self.received_at),
            Field::Name => Some(&self.name),
            Field::IdNumber => Some(&self.id_number),
            Field::Phone => Some(&self.phone),
            Field::Address => Some(&self.address),
            Field::HeadCount => Some(&self.head_count),
            _ => None,
        }
    }

    fn text_field(&mut self, field: Field) -> Option<&mut TextField> {
        match field {
            Field::ReceivedAt => Some(&mut self.received_at),
            Field::Name => Some(&mut self.name),
            Field::IdNumber => Some(&mut self.id_number),
            Field::Phone => Some(&mut self.phone),
            Field::Address => Some(&mut self.address),
            Field::HeadCount => Some(&mut self.head_count),
            _ => None,
        }
    }

    pub fn summary_text(&self) -> String {
        self.summary.lines().join("\n")
    }

    pub fn error(&self, field: Field) -> Option<&IntakeError> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    /// Anything a clerk would be sorry to lose.
    pub fn is_dirty(&self) -> bool {
        [
            &self.received_at,
            &self.name,
            &self.id_number,
            &self.phone,
            &self.address,
            &self.head_count,
        ]
        .iter()
        .any(|f| !f.is_empty())
            || !self.co_petitioners.is_empty()
            || !self.summary_text().trim().is_empty()
    }

    /// The open matters the visit may join, after "new matter".
    pub fn case_options(&self) -> &[Case] {
        self.linked
            .as_ref()
            .map_or(&[], |l| l.open_cases.as_slice())
    }

    pub fn input(&self, settings: &OfficeSettings) -> IntakeInput {
        IntakeInput {
            channel: self.channel,
            received_at: self.received_at.value().to_string(),
            name: self.name.value().to_string(),
            id_number: self.id_number.value().to_string(),
            sex: self.sex,
            phone: self.phone.value().to_string(),
            address: self.address.value().to_string(),
            head_count: self.head_count.value().to_string(),
            co_petitioners: self.co_petitioners.clone(),
            kind: self.kind,
            category: settings
                .categories
                .get(self.category)
                .cloned()
                .unwrap_or_default(),
            summary: self.summary_text(),
            existing_petitioner: self.linked.as_ref().map(|l| l.found.petitioner.id),
            case: match self.case_choice {
                0 => CaseLink::New,
                i => self
                    .case_options()
                    .get(i - 1)
                    .map_or(CaseLink::New, |c| CaseLink::Existing(c.id)),
            },
            receiving_leader: self.leader.chosen,
        }
    }

    /// A fresh form for the next visitor; the channel stays, since clerks register letters or
    /// calls in runs.
    pub fn reset_after_save(&mut self, settings: &OfficeSettings) {
        let channel = self.channel;
        self.clear(settings);
        self.channel = channel;
    }

    /// An empty form, a walk-in; only the leaders it offers and the one chosen stay.
    pub fn clear(&mut self, settings: &OfficeSettings) {
        let mut leader = std::mem::take(&mut self.leader);
        leader.settle();
        *self = IntakeForm::new(settings);
        self.leader = leader;
        self.focus = Field::Name;
    }

    pub fn focus_next(&mut self) {
        let i = Field::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0);
        self.focus = Field::ALL[(i + 1) % Field::ALL.len()];
    }

    pub fn focus_prev(&mut self) {
        let i = Field::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0);
        self.focus = Field::ALL[(i + Field::ALL.len() - 1) % Field::ALL.len()];
    }

    /// Left/Right/Space on a choice field; returns whether a choice changed.
    /// A letter typed on a choice picks the next option that starts with it, as written
    /// (Letter: l) or in pinyin initials (党纪政纪: d). False when none does.
    fn pick_starting(&mut self, typed: char, lang: Lang, settings: &OfficeSettings) -> bool {
        let typed: String = typed.to_lowercase().collect();
        let starts = |label: &str| {
            label.to_lowercase().starts_with(&typed)
                // The common reading only: 涉 also reads dié, which nobody types for 涉法涉诉.
                || name_keys(label).initials.first().is_some_and(|k| k.starts_with(&typed))
        };
        // The first match after the current option, round to it again.
        let next = |labels: &[&str], current: usize| {
            let n = labels.len();
            (1..=n)
                .map(|k| (current + k) % n)
                .find(|&i| starts(labels[i]))
        };
        fn labels<L: Label>(all: &[L], lang: Lang) -> Vec<&'static str> {
            all.iter().map(|x| x.label(lang)).collect()
        }
        fn at<L: PartialEq>(all: &[L], x: &L) -> usize {
            all.iter().position(|y| y == x).unwrap_or(0)
        }
        match self.focus {
            Field::Channel => next(
                &labels(&Channel::ALL, lang),
                at(&Channel::ALL, &self.channel),
            )
            .map(|i| self.channel = Channel::ALL[i]),
            Field::Sex => next(&labels(&Sex::ALL, lang), at(&Sex::ALL, &self.sex))
                .map(|i| self.sex = Sex::ALL[i]),
            Field::Kind => next(&labels(&Kind::ALL, lang), at(&Kind::ALL, &self.kind))
                .map(|i| self.kind = Kind::ALL[i]),
            Field::Category => {
                let names: Vec<&str> = settings.categories.iter().map(String::as_str).collect();
                next(&names, self.category).map(|i| self.category = i)
            }
            _ => None,
        }
        .is_some()
    }

    fn cycle(&mut self, forward: bool, settings: &OfficeSettings) -> bool {
        let categories = settings.categories.len();
        fn step<T: Copy + PartialEq>(all: &[T], current: T, forward: bool) -> T {
            let i = all.iter().position(|x| *x == current).unwrap_or(0);
            let n = all.len();
            all[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }]
        }
        let count = |n: usize, i: usize| {
            if forward {
                (i + 1) % n.max(1)
            } else {
                (i + n.max(1) - 1) % n.max(1)
            }
        };
        match self.focus {
            Field::Channel => self.channel = step(&Channel::ALL, self.channel, forward),
            Field::Sex => self.sex = step(&Sex::ALL, self.sex, forward),
            Field::Kind => self.kind = step(&Kind::ALL, self.kind, forward),
            Field::Category => self.category = count(categories, self.category),
            Field::Case => {
                self.case_choice = count(self.case_options().len() + 1, self.case_choice);
                self.take_case_defaults(settings);
            }
            Field::CoPetitioners if !self.co_petitioners.is_empty() => {
                self.co_selected = count(self.co_petitioners.len(), self.co_selected)
            }
            _ => return false,
        }
        true
    }

    /// Joining an existing matter: this visit's kind and category start as the matter's.
    fn take_case_defaults(&mut self, settings: &OfficeSettings) {
        let Some(case) = self
            .case_choice
            .checked_sub(1)
            .and_then(|i| self.case_options().get(i))
        else {
            return;
        };
        let (kind, category) = (case.kind, case.category.clone());
        self.kind = kind;
        if let Some(i) = settings.categories.iter().position(|c| *c == category) {
            self.category = i;
        }
    }

    /// What has been typed about the person, parsed where it already parses.
    fn probe(&self, today: chrono::NaiveDate) -> Probe {
        Probe {
            name: crate::domain::text::tidy(self.name.value()),
            id_number: IdNumber::parse(self.id_number.value(), today).ok(),
            phone: Phone::parse(self.phone.value()).ok(),
            address: self.address.value().to_string(),
        }
    }
}

fn context<'a>(app: &'a App, now: chrono::NaiveDateTime) -> IntakeContext<'a> {
    IntakeContext {
        settings: &app.settings,
        now,
        operator: app.operator_code(),
    }
}

/// Re-checks one field and records or clears its error. `ContactRequired` waits for the save:
/// the phone may not have been reached yet.
pub(super) fn check_field(app: &mut App, field: Field) {
    let now = app.clock.now();
    let input = app.intake.input(&app.settings);
    let error = input
        .check_field(field, &context(app, now))
        .filter(|e| *e != IntakeError::ContactRequired);
    let form = &mut app.intake;
    form.errors.retain(|(f, _)| *f != field);
    if let Some(e) = error {
        form.errors.push((field, e));
    }
}

pub(super) fn leave_field(app: &mut App, forward: bool) {
    let left = app.intake.focus;
    check_field(app, left);
    if left == Field::ReceivingLeader {
        app.intake.leader.settle();
    }
    if forward {
        app.intake.focus_next()
    } else {
        app.intake.focus_prev()
    }
}

/// Typing in the form. Returns after updating errors and the repeat matches.
pub(super) fn key(app: &mut App, key: KeyEvent, store: &dyn Store) {
    if let Some(dialog) = app.intake.co_dialog.as_mut() {
        dialog.handle_key(key);
        return;
    }
    if let Some(cursor) = app.intake.match_cursor {
        let n = app.intake.matches.len();
        match key.code {
            KeyCode::Up if n > 0 => app.intake.match_cursor = Some((cursor + n - 1) % n),
            KeyCode::Down if n > 0 => app.intake.match_cursor = Some((cursor + 1) % n),
            _ => {}
        }
        return;
    }
    let form = &mut app.intake;
    let focus = form.focus;
    if focus == Field::ReceivingLeader {
        if form.leader.query.handle_key(key) {
            form.leader.refilter();
        }
        return;
    }
    let changed = if focus == Field::Summary {
        if form.summary_text().chars().count() >= SUMMARY_MAX_CHARS
            && matches!(key.code, KeyCode::Char(_) | KeyCode::Enter)
        {
            false
        } else {
            form.summary.input(key)
        }
    } else if let Some(field) = form.text_field(focus) {
        field.handle_key(key)
    } else {
        match key.code {
            KeyCode::Right | KeyCode::Char(' ') => form.cycle(true, &app.settings),
            KeyCode::Left => form.cycle(false, &app.settings),
            // A letter alone: Ctrl-E or Alt-D must not change the choice behind the clerk's back.
            KeyCode::Char(c)
                if focus.is_choice()
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                let picked = form.pick_starting(c, app.lang, &app.settings);
                if !picked {
                    let msg = app.t(T::ChoiceTyped).to_string();
                    app.say(Tone::Info, msg);
                }
                picked
            }
            KeyCode::Delete | KeyCode::Backspace if focus == Field::CoPetitioners => {
                remove_co_petitioner(form);
                true
            }
            _ => false,
        }
    };
    if changed {
        after_edit(app, focus, store);
    }
}

fn remove_co_petitioner(form: &mut IntakeForm) {
    if form.co_selected < form.co_petitioners.len() {
        form.co_petitioners.remove(form.co_selected);
        form.co_selected = form
            .co_selected
            .min(form.co_petitioners.len().saturating_sub(1));
    }
}

/// Space on the co-petitioner list marks or unmarks a representative.
pub(super) fn toggle_representative(app: &mut App) {
    let form = &mut app.intake;
    if let Some(c) = form.co_petitioners.get_mut(form.co_selected) {
        c.representative = !c.representative;
    }
    check_field(app, Field::CoPetitioners);
}

pub(super) fn paste(app: &mut App, text: &str, store: &dyn Store) {
    let focus = app.intake.focus;
    let outcome = if let Some(dialog) = app.intake.co_dialog.as_mut() {
        dialog.focused_field().map(|f| f.paste(text))
    } else if focus == Field::Summary {
        let room = SUMMARY_MAX_CHARS.saturating_sub(app.intake.summary_text().chars().count());
        let kept: String = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .take(room)
            .collect();
        let n = kept.chars().count();
        app.intake.summary.insert_str(&kept);
        Some(if n < text.chars().count() {
            PasteOutcome::Trimmed { kept: n }
        } else {
            PasteOutcome::Whole(n)
        })
    } else if focus == Field::ReceivingLeader {
        let outcome = app.intake.leader.query.paste(text);
        app.intake.leader.refilter();
        Some(outcome)
    } else {
        app.intake.text_field(focus).map(|f| f.paste(text))
    };
    match outcome {
        Some(PasteOutcome::Trimmed { kept }) => {
            let msg = app.lang.f(T::PasteTrimmed, &[&kept]);
            app.say(Tone::Warn, msg);
        }
        Some(PasteOutcome::Whole(_)) => {}
        None => return,
    }
    if app.intake.co_dialog.is_none() {
        after_edit(app, focus, store);
    }
}

/// After a field changed: keep its error current, fill the sex from a valid identity number,
/// let go of a chosen petitioner whose number was replaced, and look for earlier visits.
fn after_edit(app: &mut App, field: Field, store: &dyn Store) {
    if app.intake.error(field).is_some() {
        check_field(app, field);
    }
    let today = app.clock.today();
    if field == Field::IdNumber
        && let Ok(id) = IdNumber::parse(app.intake.id_number.value(), today)
    {
        if app.intake.sex == Sex::Unknown {
            app.intake.sex = id.sex();
        }
        let replaced = app
            .intake
            .linked
            .as_ref()
            .and_then(|l| l.found.petitioner.person.id_number.as_ref())
            .is_some_and(|known| *known != id);
        if replaced {
            app.intake.linked = None;
            app.intake.case_choice = 0;
            app.intake.barred.clear();
            app.intake.reacceptance.clear();
            let msg = app.t(T::RepeatUnlinked).to_string();
            app.say(Tone::Warn, msg);
        }
    }
    if matches!(
        field,
        Field::Name | Field::IdNumber | Field::Phone | Field::Address
    ) {
        refresh_matches(app, store);
    }
    if matches!(
        field,
        Field::Case | Field::Kind | Field::Category | Field::Summary
    ) {
        reacceptance::refresh(app);
    }
}

/// Looks up earlier petitioners for what has been typed, when it changed since last time.
pub(super) fn refresh_matches(app: &mut App, store: &dyn Store) {
    if !app.db_ready() {
        return;
    }
    let probe = app.intake.probe(app.clock.today());
    let key = (
        probe.name.clone(),
        probe.id_number.clone(),
        probe.phone.clone(),
        probe.address.clone(),
    );
    if app.intake.last_probe.as_ref() == Some(&key) {
        return;
    }
    app.intake.last_probe = Some(key);
    app.intake.same_name = 0;
    if probe.is_empty() {
        app.intake.matches.clear();
        app.intake.match_cursor = None;
        return;
    }
    let found = store.find_repeats(&probe).and_then(|found| {
        let entries = found
            .into_iter()
            .take(MATCHES_SHOWN)
            .map(|m| super::repeat::entry(app, store, m))
            .collect::<Result<Vec<_>, _>>()?;
        let same_name = if entries.is_empty() && !probe.name.is_empty() {
            store.petitioners_by_name(&probe.name)?.len()
        } else {
            0
        };
        Ok((entries, same_name))
    });
    match found {
        Ok((entries, same_name)) => {
            app.intake.same_name = same_name;
            app.intake.matches = entries;
            app.intake.match_cursor = app
                .intake
                .match_cursor
                .filter(|c| *c < app.intake.matches.len());
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// Enter on a match: the form takes the petitioner's details and offers their open matter,
/// and warns when one of their matters may not be accepted again.
pub(super) fn choose_match(app: &mut App, store: &dyn Store) {
    let Some(i) = app.intake.match_cursor else {
        return;
    };
    let Some(chosen) = app.intake.matches.get(i).cloned() else {
        return;
    };
    let form = &mut app.intake;
    let p: &Petitioner = &chosen.found.petitioner;
    form.name.set(&p.person.name);
    form.id_number
        .set(p.person.id_number.as_ref().map_or("", |i| i.as_str()));
    form.phone
        .set(p.person.phone.as_ref().map_or("", |p| p.as_str()));
    form.address.set(&p.person.address);
    form.sex = p.person.sex;
    form.errors.retain(|(f, _)| {
        !matches!(
            f,
            Field::Name | Field::IdNumber | Field::Phone | Field::Address | Field::Sex
        )
    });
    form.match_cursor = None;
    let open = chosen.open_cases.len();
    let name = p.person.name.clone();
    form.case_choice = usize::from(open > 0);
    form.focus = if open > 0 {
        Field::Case
    } else {
        Field::HeadCount
    };
    let petitioner = p.id;
    form.linked = Some(chosen);
    app.intake.take_case_defaults(&app.settings);
    let msg = if open > 0 {
        app.lang.f(T::RepeatChosenCases, &[&name, &open])
    } else {
        app.lang.f(T::RepeatChosen, &[&name])
    };
    match reacceptance::barred_matters(store, petitioner) {
        Ok(barred) => app.intake.barred = barred,
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
            return;
        }
    }
    reacceptance::refresh(app);
    match reacceptance::warning(app) {
        Some(warning) => app.say(Tone::Warn, app.lang.f(T::Joined, &[&msg, &warning])),
        None => app.say(Tone::Info, msg),
    }
}

/// Ctrl-S. Saves only a valid form; on any failure every typed character stays.
pub(super) fn save(app: &mut App, store: &dyn Store) {
    if app.intake.co_dialog.is_some() {
        return;
    }
    if !app.db_ready() {
        let msg = app.t(T::NotSavedYet).to_string();
        app.say(Tone::Warn, msg);
        return;
    }
    if !app.intake.is_dirty() {
        let msg = app.t(T::NothingToSave).to_string();
        app.say(Tone::Info, msg);
        return;
    }
    let now = app.clock.now();
    let input = app.intake.input(&app.settings);
    let visit = match input.validate(&context(app, now)) {
        Ok(v) => v,
        Err(errors) => {
            let n = errors.len();
            app.intake.focus = errors[0].0;
            app.intake.match_cursor = None;
            app.intake.errors = errors;
            let msg = app.lang.f(T::FixErrors, &[&n]);
            app.say(Tone::Error, msg);
            return;
        }
    };
    let (outcome, arrival_not_marked) = super::reception_day::register(app, &visit, store);
    // Read before the form is reset: a refused arrival was let go by `register`.
    let received = app.intake.receiving.is_some();
    match outcome {
        Ok(done) => {
            let mut msg = if done.new_case {
                app.lang
                    .f(T::SavedNewCase, &[&done.visit.number, &done.case.number])
            } else {
                app.lang
                    .f(T::SavedJoinedCase, &[&done.visit.number, &done.case.number])
            };
            if let Some(holder) =
                responsibility_text(done.responsibility, &app.org.leaders, app.lang)
            {
                msg = app.lang.f(T::Joined, &[&msg, &holder]);
            }
            saved(app);
            match arrival_not_marked {
                Some(why) => app.say(Tone::Warn, format!("{msg};{why}")),
                None => app.say(Tone::Ok, msg),
            }
            if received {
                super::reception_day::received(app, &done, store);
            }
        }
        // The visit may be in memory only: on a full disk sled keeps it there, never writes it
        // and gives its number again after a restart. The form stays, so nothing typed is
        // lost; the message says how to avoid registering it twice.
        Err(StoreError::Unconfirmed { registered, reason }) => {
            let numbers: Vec<String> = registered
                .iter()
                .map(|r| r.visit.number.to_string())
                .collect();
            let msg = app.lang.f(
                T::SavedUnconfirmed,
                &[&numbers.join(", "), &reason.localize(app.lang)],
            );
            app.say(Tone::Error, msg);
        }
        Err(e) => {
            let msg = app.lang.f(T::SaveFailed, &[&e.localize(app.lang)]);
            app.say(Tone::Error, msg);
        }
    }
}

/// After a visit is in the database: a fresh form, and lists that know about it.
fn saved(app: &mut App) {
    app.intake.reset_after_save(&app.settings);
    if let super::DbStatus::Ready { visits, .. } = &mut app.db {
        *visits += 1;
    }
    app.visits.stale = true;
}

/// The leaders changed (F7, or the database opened): intake offers the active ones.
pub(super) fn leaders_changed(app: &mut App) {
    let active = app.org.leaders.iter().filter(|l| l.active).cloned();
    app.intake.leader.set_leaders(active);
}

/// F5: the co-petitioner dialog; Enter in it adds the person.
pub(super) fn open_co_dialog(app: &mut App) {
    app.intake.match_cursor = None;
    app.intake.co_dialog = Some(CoDialog::default());
}

pub(super) fn confirm_co_dialog(app: &mut App) {
    let now = app.clock.now();
    let operator = app.operator_code().to_string();
    let ctx = IntakeContext {
        settings: &app.settings,
        now,
        operator: &operator,
    };
    let Some(dialog) = app.intake.co_dialog.as_mut() else {
        return;
    };
    if let Some(c) = dialog.confirm(&ctx) {
        app.intake.co_petitioners.push(c);
        app.intake.co_selected = app.intake.co_petitioners.len() - 1;
        app.intake.co_dialog = None;
        app.intake.focus = Field::CoPetitioners;
        check_field(app, Field::CoPetitioners);
        if app.intake.error(Field::HeadCount).is_some() || !app.intake.head_count.is_empty() {
            check_field(app, Field::HeadCount);
        }
    }
}
