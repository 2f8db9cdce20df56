//! "Not accepted again on the same facts" (不再受理, 第36条) at intake: once the clerk has
//! chosen an earlier petitioner, their matters whose re-review was answered are kept at hand,
//! and the form warns while the new visit looks like one of them. A warning only: whether the
//! facts are the same is the clerk's judgement.

use crate::domain::case::Case;
use crate::domain::matter::Package;
use crate::domain::petitioner::PetitionerId;
use crate::domain::reacceptance::{Probe, barred_lookalikes};
use crate::store::Store;

use super::App;

/// The petitioner's matters that may not be accepted again, with their packages.
pub(super) fn barred_matters(
    store: &dyn Store,
    petitioner: PetitionerId,
) -> crate::store::Result<Vec<(Case, Package)>> {
    let mut barred = Vec::new();
    for case in store.cases_of_petitioner(petitioner)? {
        if let Some(matter) = store.matter(case.id)?
            && matter.package.no_reacceptance
        {
            barred.push((matter.case, matter.package));
        }
    }
    Ok(barred)
}

/// Works out again which barred matters the visit as typed looks like.
pub(super) fn refresh(app: &mut App) {
    let form = &app.intake;
    if form.barred.is_empty() {
        app.intake.reacceptance.clear();
        return;
    }
    let category = app
        .settings
        .categories
        .get(form.category)
        .cloned()
        .unwrap_or_default();
    let summary = form.summary_text();
    let probe = Probe {
        kind: form.kind,
        category: &category,
        summary: &summary,
    };
    let ids = barred_lookalikes(probe, form.barred.iter().map(|(c, p)| (c, p)));
    let numbers = form
        .barred
        .iter()
        .filter(|(c, _)| ids.contains(&c.id))
        .map(|(c, _)| c.number)
        .collect();
    app.intake.reacceptance = numbers;
}

/// The warning's text, when there is one: the matters' numbers.
pub fn warning(app: &App) -> Option<String> {
    let numbers = &app.intake.reacceptance;
    if numbers.is_empty() {
        return None;
    }
    let list: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    Some(
        app.lang
            .f(crate::i18n::T::ReacceptanceWarning, &[&list.join("、")]),
    )
}
