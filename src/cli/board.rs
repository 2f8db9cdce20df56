//! `xfdesk board`: the lobby display. This week's and next week's sessions, full screen, read
//! again every half minute; no key does anything but quit. It reads the lobby file the desk
//! publishes beside the database at every change of the schedule (`store::lobby`), never the
//! database itself while that file exists, so it runs beside a desk and never stops one from
//! starting. A database from before the file is opened once, briefly, to write it.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::week::monday_of;
use crate::app::{Clock, SystemClock};
use crate::i18n::{Label, Lang, T};
use crate::store::lobby::{LOBBY_FILE, Lobby};
use crate::store::sled_store::SledStore;

const REFRESH: Duration = Duration::from_secs(30);

/// What the board shows.
pub type BoardData = Lobby;

/// The lobby file, or for a database that has none yet, one written from the database (when
/// no desk holds it). `None` keeps what the board shows.
fn read(db: &Path, now: NaiveDateTime) -> Option<BoardData> {
    match Lobby::read(db) {
        Some(Ok(lobby)) => return Some(lobby),
        Some(Err(e)) => {
            tracing::warn!("the lobby file cannot be read: {e}");
            return None;
        }
        None => {}
    }
    let store = SledStore::open(db).ok()?;
    let lobby = Lobby::of(&store, now).ok()?;
    drop(store);
    if let Err(e) = lobby.publish(db) {
        tracing::warn!("the lobby file cannot be written: {e}");
    }
    Some(lobby)
}

pub fn board(db: &Path, lang: Lang, today: Option<NaiveDate>) -> Result<(), String> {
    let clock = SystemClock { today };
    let mut data = read(db, clock.now()).unwrap_or_default();
    let mut seen = published_at(db);
    let mut terminal = ratatui::try_init().map_err(|e| e.to_string())?;
    let mut last = Instant::now();
    let result = (|| -> std::io::Result<()> {
        loop {
            terminal.draw(|f| render(f, &data, lang, clock.today()))?;
            if event::poll(Duration::from_secs(1))?
                && let Event::Key(k) = event::read()?
                && k.kind == KeyEventKind::Press
                && (matches!(k.code, KeyCode::Char('q') | KeyCode::Esc)
                    || (k.code == KeyCode::Char('c')
                        && k.modifiers.contains(KeyModifiers::CONTROL)))
            {
                return Ok(());
            }
            // A new file is read at once; without one, the database is tried now and then.
            let now = published_at(db);
            if now != seen || (now.is_none() && last.elapsed() >= REFRESH) {
                seen = now;
                last = Instant::now();
                if let Some(fresh) = read(db, clock.now()) {
                    data = fresh;
                }
            }
        }
    })();
    ratatui::restore();
    result.map_err(|e| e.to_string())
}

/// When the lobby file was last written, if there is one.
fn published_at(db: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(db.join(LOBBY_FILE))
        .and_then(|m| m.modified())
        .ok()
}

/// The board for `today`: this week above, next week below, each session on one wide line.
pub fn render(frame: &mut Frame, data: &BoardData, lang: Lang, today: NaiveDate) {
    let area = frame.area();
    let [title, this, next, foot] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::styled(lang.t(T::BoardTitle), bold),
        ])
        .alignment(Alignment::Center),
        title,
    );
    let monday = monday_of(today);
    let next_monday = monday.checked_add_days(Days::new(7)).unwrap_or(monday);
    week(frame, this, data, lang, T::BoardThisWeek, monday, today);
    week(
        frame,
        next,
        data,
        lang,
        T::BoardNextWeek,
        next_monday,
        today,
    );
    let read = data
        .written_at
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(format!("{read}   {}", lang.t(T::BoardQuit)))
            .alignment(Alignment::Right)
            .style(Style::default().add_modifier(Modifier::DIM)),
        foot,
    );
}

fn week(
    frame: &mut Frame,
    area: Rect,
    data: &BoardData,
    lang: Lang,
    heading: T,
    monday: NaiveDate,
    today: NaiveDate,
) {
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let title = format!(
        " {} {} ",
        lang.t(heading),
        lang.f(T::WeekTitle, &[&monday, &sunday])
    );
    let block = Block::bordered().title(Line::styled(
        title,
        Style::default().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let days: Vec<&str> = lang.t(T::WeekDays).split_whitespace().collect();
    let mut lines = Vec::new();
    for s in data
        .sessions
        .iter()
        .filter(|s| s.plan.date >= monday && s.plan.date <= sunday)
    {
        let p = &s.plan;
        let day = days
            .get(p.date.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or_default();
        let leader = data.leaders.iter().find(|l| l.id == p.leader);
        let sitting: Vec<&str> = p
            .sitting_in
            .iter()
            .filter_map(|id| data.departments.iter().find(|d| d.id == *id))
            .map(|d| d.name.as_str())
            .collect();
        let style = if p.date == today {
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        };
        lines.push(Line::styled(
            format!(
                " {} {}  {}-{}   {} {}   {}   {}",
                p.date.format("%m-%d"),
                lang.f(T::NoticeWeekday, &[&day]),
                p.start.format("%H:%M"),
                p.end.format("%H:%M"),
                leader.map_or("", |l| l.name.as_str()),
                leader.map_or("", |l| l.title.as_str()),
                p.place,
                p.mode.label(lang),
            ),
            style,
        ));
        if !sitting.is_empty() {
            lines.push(Line::raw(format!(
                "        {}:{}",
                lang.t(T::SessionSittingIn),
                sitting.join("、")
            )));
        }
        lines.push(Line::raw(""));
    }
    if lines.is_empty() {
        lines.push(Line::raw(format!(" {}", lang.t(T::WeekNoSessions))));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
