//! The people who use the desk: an operator signs in with a login code and a PIN. The PIN is
//! kept only as an argon2 hash (a PHC string); wrong PINs make the next try wait longer and lock
//! the code after the office's number of failures.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::organisation::LeaderId;
use super::permission::Role;
use super::text::{fold_fullwidth, tidy};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OperatorId(pub u64);

/// A PIN as argon2 left it: algorithm, parameters, salt and hash in one string. It never holds
/// the PIN, and `Debug` does not print even the hash.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash(String);

impl std::fmt::Debug for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PinHash(…)")
    }
}

/// Stored: its layout must not change without a new codec format version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operator {
    pub id: OperatorId,
    /// What the operator types to sign in, e.g. `wangli`; unique, kept as typed (tidied).
    pub code: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub pin: PinHash,
    /// For a secretary: the leader they record for. Accusations held by that leader are theirs
    /// to read.
    pub leader: Option<LeaderId>,
    /// Wrong PINs since the last good one.
    pub failures: u32,
    pub last_failure: Option<NaiveDateTime>,
    /// Too many wrong PINs: only an administrator's unlock or a new PIN opens it again.
    pub locked: bool,
}

/// An operator as added, before the store has given an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewOperator {
    pub code: String,
    pub name: String,
    pub role: Role,
    pub pin: PinHash,
    pub leader: Option<LeaderId>,
}

/// What an administrator may change of an operator, besides the PIN and the active flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorEdit {
    pub name: String,
    pub role: Role,
    pub leader: Option<LeaderId>,
}

pub const CODE_MAX_CHARS: usize = 20;
pub const OPERATOR_NAME_MAX_CHARS: usize = 20;
pub const PIN_MIN_DIGITS: usize = 6;
pub const PIN_MAX_DIGITS: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OperatorError {
    #[error("the login code is empty")]
    CodeBlank,
    #[error("a login code is letters, digits, - and _, at most {CODE_MAX_CHARS}")]
    CodeChars,
    #[error("another operator already has the login code {code}")]
    DuplicateCode { code: String },
    #[error("the name is empty")]
    NameBlank,
    #[error("the name is longer than {OPERATOR_NAME_MAX_CHARS} characters")]
    NameTooLong,
    #[error("a PIN is {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits")]
    PinRule,
    #[error("the two PINs differ")]
    PinMismatch,
    #[error("the PIN could not be hashed: {0}")]
    Hash(String),
    #[error("the last active administrator cannot be removed or demoted")]
    LastAdministrator,
}

/// The login code as stored: trimmed, full-width folded, lower case; letters, digits, `-`, `_`.
pub fn tidy_code(code: &str) -> Result<String, OperatorError> {
    let code = fold_fullwidth(code).trim().to_lowercase();
    if code.is_empty() {
        return Err(OperatorError::CodeBlank);
    }
    let fine = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !fine || code.chars().count() > CODE_MAX_CHARS {
        return Err(OperatorError::CodeChars);
    }
    Ok(code)
}

pub fn tidy_name(name: &str) -> Result<String, OperatorError> {
    let name = tidy(name);
    if name.is_empty() {
        return Err(OperatorError::NameBlank);
    }
    if name.chars().count() > OPERATOR_NAME_MAX_CHARS {
        return Err(OperatorError::NameTooLong);
    }
    Ok(name)
}

/// The PIN as hashed: full-width digits (an input method's) become ASCII; it must be 6 to 12
/// digits and nothing else.
pub fn normalise_pin(pin: &str) -> Result<String, OperatorError> {
    let pin = fold_fullwidth(pin);
    let pin = pin.trim();
    let digits = pin.chars().count();
    if !pin.chars().all(|c| c.is_ascii_digit())
        || !(PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&digits)
    {
        return Err(OperatorError::PinRule);
    }
    Ok(pin.to_string())
}

impl PinHash {
    /// Hashes a PIN that follows the rules, with a fresh random salt.
    pub fn new(pin: &str) -> Result<PinHash, OperatorError> {
        let pin = normalise_pin(pin)?;
        let mut salt = [0u8; 16];
        rand::Rng::fill(&mut rand::rng(), &mut salt[..]);
        let salt = SaltString::encode_b64(&salt).map_err(|e| OperatorError::Hash(e.to_string()))?;
        let hash = Argon2::default()
            .hash_password(pin.as_bytes(), &salt)
            .map_err(|e| OperatorError::Hash(e.to_string()))?;
        Ok(PinHash(hash.to_string()))
    }

    /// A hash as stored; for tests and stores that read it back.
    pub fn from_phc(phc: String) -> PinHash {
        PinHash(phc)
    }

    pub fn as_phc(&self) -> &str {
        &self.0
    }

    /// Whether `pin` is the PIN this hash was made from. A damaged hash verifies nothing.
    pub fn verify(&self, pin: &str) -> bool {
        let Ok(pin) = normalise_pin(pin) else {
            return false;
        };
        let Ok(parsed) = PasswordHash::new(&self.0) else {
            return false;
        };
        Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok()
    }
}

/// How long the desk makes a code wait after `failures` wrong PINs in a row: 1, 2, 4, 8 … seconds,
/// at most a minute. None before the first failure.
pub fn retry_delay(failures: u32) -> Option<Duration> {
    if failures == 0 {
        return None;
    }
    let secs = 1i64 << (failures - 1).min(6);
    Some(Duration::seconds(secs.min(60)))
}

impl Operator {
    pub fn build(id: OperatorId, new: &NewOperator) -> Operator {
        Operator {
            id,
            code: new.code.clone(),
            name: new.name.clone(),
            role: new.role,
            active: true,
            pin: new.pin.clone(),
            leader: new.leader,
            failures: 0,
            last_failure: None,
            locked: false,
        }
    }

    /// When the next try is allowed, if it must wait.
    pub fn retry_at(&self) -> Option<NaiveDateTime> {
        Some(self.last_failure? + retry_delay(self.failures)?)
    }

    /// A wrong PIN at `at`: counted, and the code locked at `lock_after` failures.
    pub fn failed(&mut self, at: NaiveDateTime, lock_after: u32) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure = Some(at);
        if self.failures >= lock_after.max(1) {
            self.locked = true;
        }
    }

    /// A good PIN, an unlock or a new PIN: the count starts again.
    pub fn cleared(&mut self) {
        self.failures = 0;
        self.last_failure = None;
        self.locked = false;
    }
}

/// One change to an operator's record, as the stores apply it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OperatorChange {
    Edit(OperatorEdit),
    SetActive(bool),
    /// A new PIN (an administrator's reset): also unlocks.
    NewPin(PinHash),
    /// A wrong PIN at this time; locks at `lock_after` failures.
    Failed {
        at: NaiveDateTime,
        lock_after: u32,
    },
    /// A good PIN: the failures are forgotten.
    SignedIn,
    Unlock,
}

impl Operator {
    /// The record after `change`. `other_admins` counts the *other* active administrators: the
    /// last one may not be deactivated or demoted, or nobody could manage operators again.
    pub fn changed(
        &self,
        change: &OperatorChange,
        other_admins: usize,
    ) -> Result<Operator, OperatorError> {
        let mut next = self.clone();
        let was_admin = self.active && self.role == Role::Administrator;
        match change {
            OperatorChange::Edit(edit) => {
                next.name = tidy_name(&edit.name)?;
                next.role = edit.role;
                next.leader = edit.leader;
            }
            OperatorChange::SetActive(active) => next.active = *active,
            OperatorChange::NewPin(pin) => {
                next.pin = pin.clone();
                next.cleared();
            }
            OperatorChange::Failed { at, lock_after } => next.failed(*at, *lock_after),
            OperatorChange::SignedIn | OperatorChange::Unlock => next.cleared(),
        }
        let still_admin = next.active && next.role == Role::Administrator;
        if was_admin && !still_admin && other_admins == 0 {
            return Err(OperatorError::LastAdministrator);
        }
        Ok(next)
    }
}

impl NewOperator {
    /// Tidied and checked: code and name as the store keeps them.
    pub fn checked(&self) -> Result<NewOperator, OperatorError> {
        Ok(NewOperator {
            code: tidy_code(&self.code)?,
            name: tidy_name(&self.name)?,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_verifies_only_itself_and_is_never_kept_in_clear() {
        let hash = PinHash::new("123456").unwrap();
        assert!(hash.as_phc().starts_with("$argon2id$"), "{}", hash.as_phc());
        assert!(!hash.as_phc().contains("123456"));
        assert!(hash.verify("123456"));
        assert!(
            hash.verify("１２３４５６"),
            "full-width digits from an input method"
        );
        assert!(!hash.verify("123457"));
        assert!(!hash.verify(""));
        assert_eq!(format!("{hash:?}"), "PinHash(…)");
        // The salt is fresh each time.
        assert_ne!(PinHash::new("123456").unwrap(), hash);
        assert!(!PinHash::from_phc("garbage".into()).verify("123456"));
    }

    #[test]
    fn pin_rules_six_to_twelve_digits() {
        assert_eq!(normalise_pin("１２３４５６").unwrap(), "123456");
        assert_eq!(normalise_pin(" 654321 ").unwrap(), "654321");
        for bad in ["12345", "", "12345a", "1234567890123", "12 3456"] {
            assert_eq!(normalise_pin(bad), Err(OperatorError::PinRule), "{bad}");
        }
        assert!(PinHash::new("abc").is_err());
    }

    #[test]
    fn codes_are_tidied_and_checked() {
        assert_eq!(tidy_code(" Demo-Clerk ").unwrap(), "demo-clerk");
        assert_eq!(tidy_code("ｗａｎｇ１").unwrap(), "wang1");
        assert_eq!(tidy_code(" "), Err(OperatorError::CodeBlank));
        assert_eq!(tidy_code("王力"), Err(OperatorError::CodeChars));
        assert_eq!(tidy_name("  "), Err(OperatorError::NameBlank));
    }

    #[test]
    fn failures_double_the_wait_and_lock_at_the_limit() {
        assert_eq!(retry_delay(0), None);
        let secs: Vec<i64> = (1..=8)
            .map(|n| retry_delay(n).unwrap().num_seconds())
            .collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 32, 60, 60]);
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 18)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let new = NewOperator {
            code: "c".into(),
            name: "n".into(),
            role: Role::Clerk,
            pin: PinHash::from_phc(String::new()),
            leader: None,
        };
        let mut op = Operator::build(OperatorId(1), &new);
        assert_eq!(op.retry_at(), None);
        op.failed(at, 3);
        assert_eq!(op.retry_at(), Some(at + Duration::seconds(1)));
        op.failed(at, 3);
        assert!(!op.locked);
        op.failed(at, 3);
        assert!(op.locked);
        op.cleared();
        assert_eq!((op.failures, op.locked, op.retry_at()), (0, false, None));
    }
}
