//! Text a clerk's terminal, an input method or a damaged file can deliver: full-width and wide
//! characters, combining marks, control characters, and very long runs of them.

use proptest::prelude::*;

/// One character of the kinds that have broken text handling before.
pub fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('0', '9'),
        2 => proptest::char::range('０', '９'),
        2 => proptest::char::range('Ａ', 'Ｚ'),
        2 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('一', '龥'),
        1 => Just('Ｘ'),
        1 => Just('x'),
        1 => Just('\u{3000}'),
        1 => prop_oneof![Just(' '), Just('-'), Just('+'), Just('('), Just('）'), Just('/'), Just(':'), Just('年'), Just('转')],
        1 => proptest::char::range('\u{0}', '\u{1f}'),
        1 => proptest::char::range('\u{300}', '\u{36f}'),
        1 => prop_oneof![Just('\u{200b}'), Just('\u{feff}'), Just('\u{202e}'), Just('😀'), Just('\u{fe0f}')],
        1 => any::<char>(),
    ]
}

/// A string of hostile characters, short or (rarely) very long: a short run repeated, which
/// costs little to generate.
pub fn hostile_text() -> impl Strategy<Value = String> {
    let run = || proptest::collection::vec(hostile_char(), 0..40);
    prop_oneof![
        8 => run().prop_map(|cs| cs.into_iter().collect()),
        1 => (run(), 1usize..400).prop_map(|(cs, n)| cs.into_iter().collect::<String>().repeat(n)),
    ]
}

/// Full-width digits and letters for their ASCII counterparts, as an input method types them.
pub fn to_fullwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}
