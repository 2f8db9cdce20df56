//! Measuring and fitting text in terminal cells. Chinese characters take two cells; every table
//! column, field and label is sized with these, never with `len()` or `chars().count()`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending in `…` when something was cut. A wide character
/// that would straddle the edge is left out rather than split.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `fit`, then spaces up to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = fit(s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// The text on one line: line breaks become spaces (for previews of the request).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_two_cells_and_fits_without_splitting_a_character() {
        assert_eq!(width("张三abc"), 7);
        assert_eq!(fit("要求落实征地补偿款", 9), "要求落实…");
        assert_eq!(width(&fit("要求落实征地补偿款", 9)), 9);
        assert_eq!(fit("要求落实征地补偿款", 8), "要求落…");
        assert_eq!(fit("张三", 4), "张三");
        assert_eq!(fit("张三", 0), "");
    }

    #[test]
    fn pad_fills_to_the_exact_width() {
        assert_eq!(pad("张三", 6), "张三  ");
        assert_eq!(width(&pad("阿依古丽·买买提", 10)), 10);
    }
}

/// The part of `s` from display cell `start`, at most `max` cells wide: what a scrolled
/// single-line field shows.
pub fn window(s: &str, start: usize, max: usize) -> String {
    let mut cell = 0;
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if cell < start {
            cell += w;
            continue;
        }
        if used + w > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn window_scrolls_by_cells() {
        assert_eq!(window("张三李四", 2, 4), "三李");
        assert_eq!(window("张三李四", 0, 3), "张");
        assert_eq!(window("ab张三", 1, 10), "b张三");
    }
}
