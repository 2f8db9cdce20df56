//! Breaking styled lines into rows that fit a width, for every paragraph that wraps.
//!
//! ratatui 0.30's own wrapping can give a row one cell wider than its area when a
//! double-width character meets the edge: the row then overwrites the border beside it (a
//! dialog's hint line did, on every matter action), and in a narrow area it panics
//! (ratatui#2679). Rows from here are never wider than asked, measured per grapheme the way
//! ratatui measures when it draws them.
//!
//! A row breaks after a space where there is one; Chinese has none, so it may also break
//! before or after any double-width character, but a row never starts with closing
//! punctuation (“天:1” stays together) nor ends with an opening one; failing all, at the edge.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

struct Piece<'a> {
    text: &'a str,
    style: Style,
    width: usize,
}

/// What may not start a row (closing punctuation) and what may not end one (opening).
const NO_START: &str = ":;,.!?)]}%、。，：；！？）」』”’》〉…·";
const NO_END: &str = "([{“‘（「『《〈";

impl Piece<'_> {
    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }

    fn is_in(&self, set: &str) -> bool {
        self.text.chars().next().is_some_and(|c| set.contains(c))
    }
}

/// `lines` as rows of at most `width` cells. With `trim`, a row that continues a broken line
/// starts at its first non-space. A character wider than the whole width is left out.
pub fn rows<'a>(
    lines: impl IntoIterator<Item = Line<'a>>,
    width: u16,
    trim: bool,
) -> Vec<Line<'a>> {
    let width = usize::from(width);
    let mut out = Vec::new();
    for line in lines {
        let (style, alignment) = (line.style, line.alignment);
        for pieces in break_line(&line, width, trim) {
            let mut row = Line::from(spans(pieces)).style(style);
            row.alignment = alignment;
            out.push(row);
        }
    }
    out
}

/// One line's pieces, row by row; an empty line stays one empty row.
fn break_line<'l>(line: &'l Line<'_>, width: usize, trim: bool) -> Vec<Vec<Piece<'l>>> {
    let mut rows = Vec::new();
    let mut row: Vec<Piece> = Vec::new();
    let mut used = 0;
    for span in &line.spans {
        for g in span.content.graphemes(true) {
            if g.chars().any(char::is_control) {
                continue;
            }
            let piece = Piece {
                text: g,
                style: span.style,
                width: g.width(),
            };
            if piece.width > width {
                continue;
            }
            // A break may carry so much to the next row that `piece` still does not fit:
            // break again, at the edge at the latest.
            while used + piece.width > width {
                let rest = match last_break(&row, &piece, width) {
                    Some(at) => row.split_off(at),
                    None => Vec::new(),
                };
                rows.push(std::mem::replace(&mut row, rest));
                if trim {
                    let spaces = row.iter().take_while(|p| p.is_space()).count();
                    row.drain(..spaces);
                }
                used = row.iter().map(|p| p.width).sum();
            }
            if trim && row.is_empty() && piece.is_space() && !rows.is_empty() {
                continue;
            }
            used += piece.width;
            row.push(piece);
        }
    }
    rows.push(row);
    rows
}

/// Where the row may break so that `next` goes on the following row with what comes after
/// the break: the index of the first piece of that following row, never 0 (a row that
/// cannot break anywhere breaks at the edge instead). A break at a space is taken while it
/// leaves the row at least half full, so “61–90天:1” and a key hint's words stay whole;
/// otherwise the last break beside a double-width character.
fn last_break(row: &[Piece], next: &Piece, width: usize) -> Option<usize> {
    if next.is_space() {
        return Some(row.len()).filter(|&at| at > 0);
    }
    let allowed = |at: usize| {
        let after = row.get(at).unwrap_or(next);
        !after.is_in(NO_START) && !row[at - 1].is_in(NO_END)
    };
    let at_space = (1..=row.len())
        .rev()
        .find(|&at| row[at - 1].is_space() && allowed(at));
    if let Some(at) = at_space {
        let kept: usize = row[..at].iter().map(|p| p.width).sum();
        if kept * 2 >= width {
            return Some(at);
        }
    }
    let beside_wide = |at: usize| row[at - 1].width > 1 || row.get(at).unwrap_or(next).width > 1;
    (1..=row.len())
        .rev()
        .find(|&at| allowed(at) && (beside_wide(at) || row[at - 1].is_space()))
}

/// Neighbouring pieces of one style become one span.
fn spans(pieces: Vec<Piece>) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for p in pieces {
        if style.is_some_and(|s| s != p.style) {
            out.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(p.style);
        text.push_str(p.text);
    }
    if let Some(s) = style {
        out.push(Span::styled(text, s));
    }
    out
}

#[cfg(test)]
mod tests;
