use proptest::prelude::*;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::rows;
use crate::ui::text::width;

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

const HINT: &str =
    "Tab 下一项  ←→ 选择  空格 勾选  Enter 确认(多行内容中换行)  Ctrl-S 保存  Esc 取消";

#[test]
fn the_dialog_hint_fits_the_dialog() {
    // 71 cells up to 保存: ratatui's wrapping put all of it in the dialog's 70.
    let out = rows([Line::raw(HINT)], 70, true);
    assert_eq!(
        texts(&out),
        [
            "Tab 下一项  ←→ 选择  空格 勾选  Enter 确认(多行内容中换行)  Ctrl-S ",
            "保存  Esc 取消"
        ]
    );
    assert!(out.iter().all(|l| l.width() <= 70));
}

#[test]
fn chinese_breaks_between_characters_and_words_stay_whole() {
    let out = rows([Line::raw("反映房屋在高速公路征收范围内")], 10, false);
    assert_eq!(texts(&out), ["反映房屋在", "高速公路征", "收范围内"]);
    let out = rows([Line::raw("窗口ab")], 5, false);
    assert_eq!(texts(&out), ["窗口", "ab"], "ab is not split from itself");
    let out = rows([Line::raw("call back tomorrow")], 10, true);
    assert_eq!(texts(&out), ["call back ", "tomorrow"]);
    let out = rows([Line::raw("31–60天:0  61–90天:1")], 18, true);
    assert_eq!(
        texts(&out),
        ["31–60天:0  ", "61–90天:1"],
        "a count stays with its label"
    );
    let out = rows([Line::raw("不再受理:2026-000001")], 16, true);
    assert_eq!(
        texts(&out),
        ["不再受", "理:2026-000001"],
        "no row starts with a colon"
    );
    let out = rows([Line::raw("abcdefghij")], 4, true);
    assert_eq!(
        texts(&out),
        ["abcd", "efgh", "ij"],
        "a word longer than a row"
    );
}

#[test]
fn trimming_drops_the_spaces_a_row_would_start_with() {
    let line = || Line::raw("要求  尽快  处理");
    assert_eq!(
        texts(&rows([line()], 6, true)),
        ["要求  ", "尽快  ", "处理"]
    );
    assert_eq!(
        texts(&rows([line()], 5, false)),
        ["要求 ", " 尽快", "  处", "理"]
    );
}

#[test]
fn styles_alignment_and_empty_lines_are_kept() {
    let label = Style::new().fg(Color::Yellow);
    let value = Style::new().fg(Color::White);
    let line = Line::from(vec![
        Span::styled("诉求:", label),
        Span::styled("补偿款至今未到位", value),
    ])
    .centered();
    let out = rows([line, Line::raw("")], 12, false);
    assert_eq!(texts(&out), ["诉求:补偿款", "至今未到位", ""]);
    assert_eq!(out[0].spans[0].style, label);
    assert_eq!(out[0].spans[1].style, value);
    assert_eq!(out[1].spans[0].style, value);
    assert!(
        out[..2]
            .iter()
            .all(|l| l.alignment == Some(ratatui::layout::Alignment::Center))
    );
}

#[test]
fn what_cannot_fit_anywhere_is_left_out() {
    assert_eq!(texts(&rows([Line::raw("窗口a")], 1, false)), ["a"]);
    assert_eq!(texts(&rows([Line::raw("窗口")], 0, false)), [""]);
    // Found by the property below: a break that leaves a wide character and the closing
    // punctuation after it still too wide for the row.
    assert_eq!(
        texts(&rows([Line::raw("张”a李，")], 3, false)),
        ["张”", "a", "李", "，"]
    );
    // ratatui#2679: a leading combining mark, and a wide glyph in a word too long for the row.
    for text in ["\u{301}abc", "a🌞b"] {
        for w in 0..6 {
            assert!(
                rows([Line::raw(text)], w, true)
                    .iter()
                    .all(|l| l.width() <= usize::from(w))
            );
        }
    }
}

fn visible(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

proptest! {
    /// Any text, any width: no row is wider than the width, and every character that fits
    /// a row at all is there, in order.
    #[test]
    fn rows_never_overflow_and_lose_nothing_that_fits(
        text in "[a-z 张三李四，。“”←→🌞\u{301}\u{200b}\t]{0,60}",
        cells in 0u16..24,
        trim in any::<bool>(),
    ) {
        let out = rows([Line::raw(text.clone())], cells, trim);
        for row in &out {
            prop_assert!(width_of(row) <= usize::from(cells), "{row:?} wider than {cells}");
        }
        let fits: String = text
            .graphemes(true)
            .filter(|g| width(g) <= usize::from(cells))
            .collect();
        let joined: String = out.iter().map(|l| l.to_string()).collect();
        prop_assert_eq!(visible(&joined), visible(&fits));
    }
}

fn width_of(line: &Line) -> usize {
    width(&line.to_string())
}
