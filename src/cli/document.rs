//! `xfdesk document acceptance|assignment|reminder|supervision --matter N --out FILE`: one
//! matter's document, as text or (by the file's extension) HTML, recorded in the evidence log.

use std::path::Path;

use chrono::NaiveDate;

use crate::app::{Clock, SystemClock};
use crate::document::{DocumentKind, Values, chinese_date};
use crate::domain::audit::{AuditKind, detail, subject};
use crate::domain::deadline::Urgency;
use crate::domain::pending::MatterRow;
use crate::domain::permission::{Permission, may_read};
use crate::domain::serial::SerialNo;
use crate::i18n::{Label, Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;

/// The permission writing `kind` needs: the acceptance notice and assignment sheet belong to
/// accepting and assigning, the reminder and supervision notice to urging.
pub fn needs(kind: DocumentKind) -> Permission {
    match kind {
        DocumentKind::Acceptance | DocumentKind::Assignment => Permission::AcceptOrAssign,
        DocumentKind::Reminder | DocumentKind::Supervision => Permission::Urge,
    }
}

/// What to write.
pub struct DocumentRequest<'a> {
    pub kind: DocumentKind,
    pub matter: &'a str,
    pub urge: Option<&'a str>,
    pub out: &'a Path,
    pub today: Option<NaiveDate>,
}

/// Writes the document; returns the sentence to print.
pub fn document(
    db: &Path,
    request: &DocumentRequest,
    operator: &str,
    lang: Lang,
) -> Result<String, String> {
    let number: SerialNo = request
        .matter
        .trim()
        .parse()
        .map_err(|_| lang.f(T::DocumentBadNumber, &[&request.matter]))?;
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let who = super::ledger::operator_record(&store, operator, lang)?;
    let today = request
        .today
        .unwrap_or_else(|| SystemClock { today: None }.today());
    let values = values(&store, db, number, request, today, lang)?;
    let readable = may_read(who.role, who.leader, values.kind, values.responsible);
    if !readable {
        return Err(lang.f(T::DocumentConfidential, &[&number, &operator]));
    }
    let title = lang.t(request.kind.title());
    if let Some(refusal) = &values.refusal {
        return Err(crate::i18n::paperwork::refusal(
            refusal, title, &number, lang,
        ));
    }
    let dirs = crate::document::template_dirs(db);
    let rendered = crate::document::render(request.kind, title, &values.values, &dirs)
        .map_err(|(path, e)| lang.f(T::DocumentTemplate, &[&path.display(), &e]))?;
    let html = request
        .out
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let path = request.out.display().to_string();
    let content = if html { rendered.html } else { rendered.text };
    std::fs::write(request.out, content).map_err(|e| lang.f(T::ExportFailed, &[&path, &e]))?;
    let detail = format!(
        "{} {path}",
        subject::token(detail::DOCUMENT, request.kind.file_stem())
    );
    super::ledger::record(
        &store,
        operator,
        AuditKind::Exported,
        &subject::token(subject::MATTER, number),
        &detail,
    )
    .map_err(|e| e.localize(lang))?;
    Ok(lang.f(T::DocumentDone, &[&title, &path]))
}

/// A matter's placeholders, with what deciding who may read it needs, and why the matter does
/// not support the document, if it does not (the placeholders are then not to be printed).
pub struct MatterValues {
    pub values: Values,
    pub refusal: Option<crate::domain::paperwork::Refusal>,
    pub kind: crate::domain::visit::Kind,
    pub responsible: Option<crate::domain::organisation::LeaderId>,
}

/// The placeholders of the matter numbered `number`, as of `today`.
pub fn values(
    store: &dyn Store,
    db: &Path,
    number: SerialNo,
    request: &DocumentRequest,
    today: NaiveDate,
    lang: Lang,
) -> Result<MatterValues, String> {
    let l = |e: crate::store::StoreError| e.localize(lang);
    let missing = || lang.f(T::DocumentNoMatter, &[&number]);
    let found = crate::domain::lifecycle::CaseState::ALL
        .iter()
        .map(|s| store.cases_in_state(*s, usize::MAX))
        .collect::<Result<Vec<_>, _>>()
        .map_err(l)?
        .into_iter()
        .flatten()
        .find(|c| c.number == number)
        .ok_or_else(missing)?;
    let matter = store.matter(found.id).map_err(l)?.ok_or_else(missing)?;
    let person = store
        .petitioner(found.petitioner_id)
        .map_err(l)?
        .map(|p| p.person)
        .unwrap_or_default();
    let leader = matter.package.responsible.and_then(|id| {
        let all = store.leaders().ok()?;
        all.into_iter().find(|x| x.id == id).map(|x| x.name)
    });
    let ready = crate::domain::paperwork::check(request.kind.paper(), &matter, request.urge);
    let ready_ok = ready.as_ref().ok();
    let department = ready_ok.map(|r| r.department).and_then(|id| {
        let all = store.departments().ok()?;
        all.into_iter().find(|x| x.id == id).map(|x| x.name)
    });
    let (policy, calendar) = super::deadline_setup(db, lang);
    let row = MatterRow::of(&matter, &person.name);
    let line = crate::domain::report::line(&row, today, &policy, &calendar);
    let late = match line.urgency {
        Some(Urgency::Overdue { days_late }) => lang.f(T::DocumentLate, &[&days_late]),
        _ => String::new(),
    };
    let blank = || "________".to_string();
    let values: Values = vec![
        ("number", found.number.to_string()),
        ("petitioner", person.name.clone()),
        ("address", person.address.clone()),
        ("received", chinese_date(found.opened_at.date())),
        ("kind", found.kind.label(lang).to_string()),
        ("category", found.category.clone()),
        ("summary", found.summary.clone()),
        ("state", found.state.label(lang).to_string()),
        (
            "stage",
            row.clock
                .as_ref()
                .map(|c| c.stage.label(lang).to_string())
                .unwrap_or_else(blank),
        ),
        ("leader", leader.unwrap_or_else(blank)),
        ("department", department.unwrap_or_else(blank)),
        ("due", line.due.map(chinese_date).unwrap_or_else(blank)),
        ("late", late),
        (
            "urge",
            ready_ok
                .and_then(|r| r.urge)
                .map(|n| n.localize(lang))
                .unwrap_or_else(blank),
        ),
        ("today", chinese_date(today)),
    ];
    Ok(MatterValues {
        values,
        refusal: ready.err(),
        kind: found.kind,
        responsible: matter.package.responsible,
    })
}
