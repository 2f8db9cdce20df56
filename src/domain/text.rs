//! Normalisation of what clerks type. Chinese input methods deliver full-width digits, letters
//! and punctuation (１２３, Ｘ, －); every identifier field folds them to ASCII before validating.

/// Folds full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to ASCII.
pub fn fold_fullwidth(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Folds full width and drops spaces, dashes and similar separators clerks use to group digits.
pub fn compact_identifier(input: &str) -> String {
    fold_fullwidth(input)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '.' | '—' | '–'))
        .collect()
}

/// Trims and collapses runs of whitespace (including the ideographic space) to one space.
pub fn tidy(input: &str) -> String {
    let folded: String = input
        .chars()
        .map(|c| if c == '\u{3000}' { ' ' } else { c })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_letters_and_space_become_ascii() {
        assert_eq!(fold_fullwidth("１１０１０５ｘＸ　－"), "110105xX -");
        assert_eq!(fold_fullwidth("张三"), "张三");
    }

    #[test]
    fn identifiers_lose_grouping_separators() {
        assert_eq!(compact_identifier("138 1234－5678"), "13812345678");
    }

    #[test]
    fn tidy_collapses_whitespace() {
        assert_eq!(tidy("  云南省　普洱市   思茅区 "), "云南省 普洱市 思茅区");
    }
}
