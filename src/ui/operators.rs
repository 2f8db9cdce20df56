//! The operators tab (administrators): code, name, role, a secretary's leader, and whether the
//! operator is active or locked; the add, edit and PIN forms over it. PINs show as dots.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::app::operators::{FormMode, OpField, OperatorForm, leader_choices};
use crate::domain::permission::Role;
use crate::i18n::{Label, T};
use crate::theme::Theme;

use super::centered;
use super::signin::{FieldValue, field_row};
use super::text::{fit, pad, width};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [tabs_area, list_area, keys_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    super::org::tabs(app, theme, frame, tabs_area, true);
    list(app, theme, frame, list_area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(app.t(T::OpKeys), usize::from(keys_area.width)),
            theme.muted,
        )),
        keys_area,
    );
    if let Some(form) = &app.ops.form {
        form_dialog(app, form, theme, frame, area);
    }
}

fn leader_name(app: &App, id: Option<crate::domain::organisation::LeaderId>) -> String {
    id.and_then(|id| app.org.leaders.iter().find(|l| l.id == id))
        .map(|l| l.name.clone())
        .unwrap_or_default()
}

fn list(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = super::chrome::panel(
        Span::styled(format!(" {} ", app.t(T::OrgTabOperators)), theme.title),
        app.ops.form.is_none(),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.ops.list.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(app.t(T::OpNone), theme.muted)),
            inner,
        );
        return;
    }
    let titles = [
        T::OpColState,
        T::OpColCode,
        T::OpColName,
        T::OpColRole,
        T::OpColLeader,
    ];
    let widths = [8, 18, 12, 10, 12];
    let header = Row::new(
        titles
            .iter()
            .zip(widths)
            .map(|(t, w)| Cell::from(pad(app.t(*t), w))),
    )
    .style(theme.label);
    let rows: Vec<Row> = app
        .ops
        .list
        .iter()
        .map(|op| {
            let (state, style) = match (op.active, op.locked) {
                (false, _) => (T::OpStateInactive, theme.muted.add_modifier(Modifier::DIM)),
                (true, true) => (T::OpStateLocked, theme.warning),
                (true, false) => (T::OpStateActive, theme.base),
            };
            let cells = [
                app.t(state).to_string(),
                op.code.clone(),
                op.name.clone(),
                op.role.label(app.lang).to_string(),
                leader_name(app, op.leader),
            ];
            Row::new(
                cells
                    .into_iter()
                    .zip(widths)
                    .map(|(c, w)| Cell::from(fit(&c, w))),
            )
            .style(style)
        })
        .collect();
    let table = Table::new(rows, widths.map(|w| Constraint::Length(w as u16)))
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(app.ops.selected));
    frame.render_stateful_widget(table, inner, &mut state);
}

fn form_dialog(app: &App, form: &OperatorForm, theme: &Theme, frame: &mut Frame, area: Rect) {
    let height = 2 * form.order.len() as u16 + 5;
    let popup = centered(area, 64, height);
    frame.render_widget(Clear, popup);
    let title = match form.mode {
        FormMode::Add => T::OpFormAdd,
        FormMode::Edit(_) => T::OpFormEdit,
        FormMode::Pin(_) => T::OpFormPin,
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", app.t(title)), theme.title))
        .border_style(theme.focus_border)
        .style(theme.base);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let label_w = form
        .order
        .iter()
        .map(|f| width(app.t(f.label())))
        .max()
        .unwrap_or(8)
        + 3;
    let leaders = leader_choices(app);
    for (i, field) in form.order.iter().enumerate() {
        let value = match field {
            OpField::Role => FieldValue::Choice(
                Role::ALL
                    .get(form.role)
                    .map(|r| r.label(app.lang).to_string())
                    .unwrap_or_default(),
            ),
            OpField::Leader => FieldValue::Choice(
                leaders
                    .get(form.leader)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
            ),
            f if f.secret() => FieldValue::Secret(form.text(*f).map_or(&form.pin, |t| t)),
            f => FieldValue::Text(form.text(*f).map_or(&form.name, |t| t)),
        };
        let row = Rect {
            y: inner.y + 2 * i as u16,
            height: 1,
            ..inner
        };
        let label = app.t(field.label());
        field_row(
            app,
            theme,
            frame,
            row,
            label,
            label_w,
            form.focus == i,
            value,
        );
    }
    let bottom = Rect {
        y: inner.bottom().saturating_sub(2),
        height: 2,
        ..inner
    };
    let lines = vec![
        match &form.error {
            Some(e) => Line::styled(format!("✗ {e}"), theme.error),
            None => Line::raw(""),
        },
        Line::styled(app.t(T::OpFormKeys), theme.muted),
    ];
    frame.render_widget(Paragraph::new(lines), bottom);
}
