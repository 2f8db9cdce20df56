//! The evidence log screen: the filters above, one event per row below, newest first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::app::ledger::FilterField;
use crate::i18n::{Label, Names, T, detail_text, subject_text};
use crate::theme::Theme;

use super::field::text_line;
use super::text::fit;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [filters, list] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    filter_box(app, theme, frame, filters);
    table(app, theme, frame, list);
}

fn filter_box(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let l = &app.ledger;
    let block = super::chrome::panel(
        Span::styled(format!(" {} ", app.t(T::LedgerHint)), theme.muted),
        l.focus.is_some(),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let fields = [
        (FilterField::Operator, T::LedgerFilterOperator, 10u16),
        (FilterField::Matter, T::LedgerFilterMatter, 12),
        (FilterField::From, T::LedgerFilterFrom, 10),
        (FilterField::To, T::LedgerFilterTo, 10),
        (FilterField::Kind, T::LedgerFilterKind, 14),
    ];
    let mut x = inner.x;
    for (field, label, w) in fields {
        let focus = l.focus == Some(field);
        let label = format!("{}:", app.t(label));
        let label_w = super::text::width(&label) as u16;
        let style = if focus {
            theme.focus_label
        } else {
            theme.label
        };
        let right = inner.x + inner.width;
        if x + label_w + w > right {
            break;
        }
        frame.render_widget(
            Paragraph::new(Span::styled(label, style)),
            Rect::new(x, inner.y, label_w, 1),
        );
        let value_area = Rect::new(x + label_w, inner.y, w, 1);
        let line = match field {
            FilterField::Operator => text_line(
                app,
                theme,
                frame,
                &l.operator,
                T::LangName,
                focus,
                value_area,
            ),
            FilterField::Matter => {
                text_line(app, theme, frame, &l.matter, T::LangName, focus, value_area)
            }
            FilterField::From => {
                text_line(app, theme, frame, &l.from, T::LangName, focus, value_area)
            }
            FilterField::To => text_line(app, theme, frame, &l.to, T::LangName, focus, value_area),
            FilterField::Kind => {
                let kind = l
                    .kind
                    .map_or(app.t(T::LedgerAllKinds), |k| k.label(app.lang));
                Line::styled(fit(&format!("‹{kind}›"), usize::from(w)), theme.input)
            }
        };
        frame.render_widget(Paragraph::new(line), value_area);
        x += label_w + w + 2;
    }
}

fn table(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let l = &app.ledger;
    let lang = app.lang;
    let mut title = format!(
        " {} · {} ",
        app.t(T::ScreenLedger),
        lang.f(T::LedgerPage, &[&l.page_number()])
    );
    if l.has_older() {
        title.push_str(&format!("· {} ", app.t(T::LedgerOlder)));
    }
    let block = super::chrome::panel(Span::styled(title, theme.title), l.focus.is_none(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if l.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(app.t(T::LedgerEmpty), theme.muted)),
            inner,
        );
        return;
    }
    let leader = |id: u64| {
        app.org
            .leaders
            .iter()
            .find(|x| x.id.0 == id)
            .map(|x| x.name.clone())
    };
    let department = |id: u64| {
        app.org
            .departments
            .iter()
            .find(|x| x.id.0 == id)
            .map(|x| x.name.clone())
    };
    let names = Names {
        leader: &leader,
        department: &department,
    };
    let header = [
        T::LedgerColSeq,
        T::LedgerColAt,
        T::LedgerColOperator,
        T::LedgerColKind,
        T::LedgerColSubject,
        T::LedgerColDetail,
    ]
    .map(|t| app.t(t).to_string());
    let cells: Vec<[String; 6]> = l
        .rows
        .iter()
        .map(|(seq, e)| {
            [
                seq.to_string(),
                e.at.format("%Y-%m-%d %H:%M").to_string(),
                e.operator.clone(),
                e.kind.label(lang).to_string(),
                subject_text(&e.subject, lang, &names),
                detail_text(e.kind, &e.detail, lang),
            ]
        })
        .collect();
    // Each column as wide as the widest text it shows, the detail taking what is left; short
    // of room, the subject and detail give way before the operator's code is cut.
    let wanted: Vec<usize> = (0..6)
        .map(|i| {
            cells
                .iter()
                .map(|r| &r[i])
                .chain(std::iter::once(&header[i]))
                .map(|t| super::text::width(t))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let floor = [4, 16, 10, 8, 20, 10];
    let widths: Vec<Constraint> =
        super::columns::share(&wanted, &floor, usize::from(inner.width), Some(5))
            .into_iter()
            .map(|w| Constraint::Length(u16::try_from(w).unwrap_or(u16::MAX)))
            .collect();
    let header = Row::new(header.map(Cell::from)).style(theme.label);
    let rows = cells.into_iter().map(|r| Row::new(r.map(Cell::from)));
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected)
        .column_spacing(1);
    let mut state = TableState::default().with_selected(Some(l.selected));
    frame.render_stateful_widget(table, inner, &mut state);
}
