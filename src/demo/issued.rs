//! Identity numbers and phones already handed out, so two synthetic people never share one.

use std::collections::HashSet;

use crate::domain::id_number::IdNumber;
use crate::domain::phone::Phone;
use crate::domain::visit::CoPetitioner;

/// The numbers handed out so far. A shared number would make the desk's repeat detection
/// look wrong. Only asked, never iterated, so its order cannot leak into the data.
#[derive(Default)]
pub struct Issued {
    ids: HashSet<u64>,
    phones: HashSet<u64>,
}

impl Issued {
    /// Records the person's numbers if none is taken yet; false (and nothing recorded) when
    /// one is.
    pub fn claim(&mut self, id: Option<&IdNumber>, phone: Option<&Phone>) -> bool {
        let id_key = id.map(|i| digits_key(i.as_str()));
        let phone_key = phone.map(|p| digits_key(&p.digits()));
        if id_key.is_some_and(|k| self.ids.contains(&k))
            || phone_key.is_some_and(|k| self.phones.contains(&k))
        {
            return false;
        }
        self.ids.extend(id_key);
        self.phones.extend(phone_key);
        true
    }

    /// Claims the numbers of everyone who came together, all or none: false when any is
    /// taken or two of them share one.
    pub fn claim_all(&mut self, people: &[CoPetitioner]) -> bool {
        let mut ids: Vec<u64> = people
            .iter()
            .filter_map(|c| c.id_number.as_ref().map(|i| digits_key(i.as_str())))
            .collect();
        let mut phones: Vec<u64> = people
            .iter()
            .filter_map(|c| c.phone.as_ref().map(|p| digits_key(&p.digits())))
            .collect();
        let (id_count, phone_count) = (ids.len(), phones.len());
        ids.sort_unstable();
        ids.dedup();
        phones.sort_unstable();
        phones.dedup();
        if ids.len() < id_count
            || phones.len() < phone_count
            || ids.iter().any(|k| self.ids.contains(k))
            || phones.iter().any(|k| self.phones.contains(k))
        {
            return false;
        }
        self.ids.extend(ids);
        self.phones.extend(phones);
        true
    }
}

/// An identity number's first 17 digits (the 18th follows from them) or a phone's digits, as
/// one number. Phones keep a leading 1 to tell 0879… landlines from mobiles.
fn digits_key(s: &str) -> u64 {
    s.bytes()
        .take(17)
        .filter(u8::is_ascii_digit)
        .fold(1u64, |k, b| {
            k.wrapping_mul(10).wrapping_add(u64::from(b - b'0'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_claimed_number_is_not_handed_out_twice() {
        let mut issued = Issued::default();
        let id = IdNumber::parse("11010519491231002X", today()).unwrap();
        let phone = Phone::parse("0879-2123456").unwrap();
        let other = Phone::parse("13912345678").unwrap();
        assert!(issued.claim(Some(&id), Some(&phone)));
        assert!(!issued.claim(Some(&id), None));
        assert!(!issued.claim(None, Some(&phone)));
        assert!(issued.claim(None, Some(&other)));
        let co = |phone: &Phone| CoPetitioner {
            name: "李四".into(),
            phone: Some(phone.clone()),
            ..CoPetitioner::default()
        };
        let third = Phone::parse("13712345678").unwrap();
        assert!(!issued.claim_all(&[co(&third), co(&phone)]));
        assert!(!issued.claim_all(&[co(&third), co(&third)]));
        assert!(issued.claim_all(&[co(&third)]));
    }
}
