//! The files an office edits: key map, theme, policy and holidays.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xfdesk::app::keymap::KeyMap;
use xfdesk::domain::calendar::HolidayCalendar;
use xfdesk::domain::deadline::DeadlinePolicy;

fuzz_target!(|text: &str| {
    let _ = KeyMap::default().patch(text);
    if let Err(e) = DeadlinePolicy::from_toml(text) {
        let _ = e.line_in(text);
    }
    let _ = HolidayCalendar::empty().merge_json("holidays.json", text);
    let _ = xfdesk::theme::Theme::default().patch(text);
});
