//! What clerks type into the search box, taken from people in the database: their name, its
//! pinyin initials and full pinyin, their identity number, their phone, the phone's last four
//! digits. Each is typed a character at a time, so every prefix is one keystroke's search.

use xfdesk::domain::search::name_keys;
use xfdesk::domain::visit::{Visit, VisitId};
use xfdesk::store::Store;

/// One query as typed, with what kind of query it is.
pub struct Typed {
    pub kind: &'static str,
    pub text: String,
}

impl Typed {
    /// The search box's text after each keystroke.
    pub fn prefixes(&self) -> impl Iterator<Item = &str> {
        self.text
            .char_indices()
            .map(|(i, c)| &self.text[..i + c.len_utf8()])
    }
}

/// Up to `wanted` visits of different petitioners with a name, an identity number and a mobile
/// phone, spread over the database: the newest, then evenly through the older records.
pub fn people(store: &dyn Store, wanted: usize) -> Result<Vec<Visit>, String> {
    let err = |e: xfdesk::store::StoreError| e.to_string();
    let mut found: Vec<Visit> = Vec::new();
    let take = |v: Visit, found: &mut Vec<Visit>| {
        let usable = v.petitioner.name.chars().count() >= 2
            && v.petitioner.id_number.is_some()
            && v.petitioner.phone.as_ref().is_some_and(|p| p.is_mobile())
            && !found.iter().any(|f| f.petitioner_id == v.petitioner_id);
        if usable {
            found.push(v);
        }
        usable
    };
    for v in store.visits_newest_first(None, 100).map_err(err)? {
        if take(v, &mut found) {
            break;
        }
    }
    // Visits, petitioners and matters share one id sequence, so not every id is a visit.
    let count = store.visit_count().map_err(err)?;
    for i in 1..wanted as u64 {
        let start = count * i / wanted as u64;
        for id in start..start + 500 {
            if let Some(v) = store.visit(VisitId(id)).map_err(err)?
                && take(v, &mut found)
            {
                break;
            }
        }
    }
    Ok(found)
}

/// The queries a clerk might type to find this visit's petitioner.
pub fn typed(visit: &Visit) -> Vec<Typed> {
    let person = &visit.petitioner;
    let keys = name_keys(&person.name);
    let mut out = vec![Typed {
        kind: "name",
        text: person.name.clone(),
    }];
    if let Some(initials) = keys.initials.first() {
        out.push(Typed {
            kind: "initials",
            text: initials.clone(),
        });
    }
    if let Some(full) = keys.full.first() {
        out.push(Typed {
            kind: "pinyin",
            text: full.clone(),
        });
    }
    if let Some(id) = &person.id_number {
        out.push(Typed {
            kind: "id",
            text: id.as_str().to_string(),
        });
    }
    if let Some(phone) = &person.phone {
        let digits = phone.digits();
        let last4 = digits[digits.len().saturating_sub(4)..].to_string();
        out.push(Typed {
            kind: "phone",
            text: digits,
        });
        out.push(Typed {
            kind: "last4",
            text: last4,
        });
    }
    out
}
