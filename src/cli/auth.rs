//! The command line acts as an operator too: subcommands that read personal data or change
//! anything need `--operator CODE` (or `XFDESK_OPERATOR`) and the PIN (`XFDESK_PIN`, or asked on
//! the terminal without echo); so does `check`, which reads every record. Refusals and runs are
//! recorded in the evidence log, and whatever the run writes carries the code `authorize` returns.

use std::path::Path;

use crate::app::{Clock, SystemClock};
use crate::domain::audit::{AuditEvent, AuditKind, detail};
use crate::domain::office::OfficeSettings;
use crate::domain::permission::Permission;
use crate::i18n::{Label, Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;

pub const OPERATOR_ENV: &str = "XFDESK_OPERATOR";
pub const PIN_ENV: &str = "XFDESK_PIN";

/// The operator's code: the option, else the environment.
pub fn operator_code(arg: Option<&str>) -> Option<String> {
    arg.map(str::to_string)
        .or_else(|| std::env::var(OPERATOR_ENV).ok())
        .filter(|c| !c.trim().is_empty())
}

pub(super) fn read_pin(code: &str, lang: Lang) -> Result<String, String> {
    if let Ok(pin) = std::env::var(PIN_ENV) {
        return Ok(pin);
    }
    rpassword::prompt_password(lang.f(T::CliPinPrompt, &[&code]))
        .map_err(|e| lang.f(T::CliNoPin, &[&e]))
}

/// Checks who runs `subcommand` and whether their role allows `needs`; records the run or the
/// refusal. The store is closed again before the subcommand opens it. Returns the operator's
/// code as stored: what every stamp and log entry of the run carries.
pub fn authorize(
    db: &Path,
    operator: Option<&str>,
    needs: Permission,
    subcommand: &str,
    lang: Lang,
) -> Result<String, String> {
    let code = operator_code(operator).ok_or_else(|| lang.t(T::CliNeedsOperator).to_string())?;
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let (settings, _) = crate::config::office_settings(db, lang);
    let pin = read_pin(&code, lang)?;
    check(&store, &settings, &code, &pin, needs, subcommand, lang)
}

/// As `authorize`, on a store the subcommand has open already (a backup keeps the database
/// open from the check to the last record; a restore checks against the restored operators).
pub fn authorize_on(
    store: &SledStore,
    operator: Option<&str>,
    needs: Permission,
    subcommand: &str,
    lang: Lang,
) -> Result<String, String> {
    let code = operator_code(operator).ok_or_else(|| lang.t(T::CliNeedsOperator).to_string())?;
    let (settings, _) = crate::config::office_settings(store.path(), lang);
    let pin = read_pin(&code, lang)?;
    check(store, &settings, &code, &pin, needs, subcommand, lang)
}

pub(crate) fn record(store: &dyn Store, code: &str, kind: AuditKind, subject: &str, detail: &str) {
    let event = AuditEvent {
        at: SystemClock { today: None }.now(),
        operator: code.to_string(),
        kind,
        subject: subject.to_string(),
        detail: detail.to_string(),
    };
    if let Err(e) = store.record_audit(&event) {
        tracing::error!("the evidence log could not be written: {e}");
    }
}

/// The check itself, on an open store, for tests; `Ok` is the operator's code.
pub fn check(
    store: &dyn Store,
    settings: &OfficeSettings,
    code: &str,
    pin: &str,
    needs: Permission,
    subcommand: &str,
    lang: Lang,
) -> Result<String, String> {
    let now = SystemClock { today: None }.now();
    let wrong = lang.t(T::SignInWrong).to_string();
    let found = store.operator_by_code(code).map_err(|e| e.localize(lang))?;
    let Some(op) = found else {
        record(
            store,
            code,
            AuditKind::SignInFailed,
            subcommand,
            &format!("{}: {}", detail::COMMAND_LINE, detail::UNKNOWN_CODE),
        );
        return Err(wrong);
    };
    if op.locked {
        record(
            store,
            &op.code,
            AuditKind::SignInFailed,
            subcommand,
            &format!("{}: {}", detail::COMMAND_LINE, detail::LOCKED),
        );
        return Err(lang.f(T::SignInLocked, &[&op.code]));
    }
    if let Some(at) = op.retry_at().filter(|at| *at > now) {
        let secs = (at - now).num_seconds().max(1);
        return Err(lang.f(T::SignInWait, &[&secs]));
    }
    if !op.pin.verify(pin) {
        record(
            store,
            &op.code,
            AuditKind::SignInFailed,
            subcommand,
            &format!("{}: {}", detail::COMMAND_LINE, detail::WRONG_PIN),
        );
        let after = store
            .note_failed_sign_in(op.id, now, settings.sign_in_attempts)
            .map_err(|e| e.localize(lang))?;
        if after.locked {
            record(
                store,
                &op.code,
                AuditKind::CodeLocked,
                subcommand,
                detail::COMMAND_LINE,
            );
            return Err(lang.f(T::SignInNowLocked, &[&op.code]));
        }
        return Err(wrong);
    }
    if !op.active {
        record(
            store,
            &op.code,
            AuditKind::SignInFailed,
            subcommand,
            &format!("{}: {}", detail::COMMAND_LINE, detail::DEACTIVATED),
        );
        return Err(lang.f(T::SignInInactive, &[&op.code]));
    }
    store.note_signed_in(op.id).map_err(|e| e.localize(lang))?;
    if !op.role.may(needs) {
        record(
            store,
            &op.code,
            AuditKind::CommandLine,
            subcommand,
            "refused: role",
        );
        return Err(lang.f(T::CliRefused, &[&op.code, &op.role.label(lang)]));
    }
    record(store, &op.code, AuditKind::CommandLine, subcommand, "");
    Ok(op.code)
}
