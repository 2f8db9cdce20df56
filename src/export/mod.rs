//! `xfdesk export`: the ledger as the office keeps it in Excel, one row a matter, as CSV
//! (with the byte-order mark Excel on Chinese Windows needs) or XLSX (ID numbers and phones as
//! text, so Excel does not round them). The columns are the ones `xfdesk import` recognises,
//! so an exported file comes back in unchanged.

mod write;

pub use write::{write_csv, write_xlsx};

use chrono::NaiveDate;

use crate::domain::calendar::HolidayCalendar;
use crate::domain::confidential;
use crate::domain::deadline::{DeadlinePolicy, Urgency};
use crate::domain::lifecycle::CaseState;
use crate::domain::operator::Operator;
use crate::domain::pending::MatterRow;
use crate::domain::permission::{Permission, may_read};
use crate::i18n::{Label, Lang, T};
use crate::store::{Result, Store};

/// The columns, in order: a header is the catalogue text of its key.
pub const COLUMNS: [T; 18] = [
    T::ExportColNumber,
    T::ExportColName,
    T::ExportColIdNumber,
    T::ExportColPhone,
    T::ExportColAddress,
    T::ExportColChannel,
    T::ExportColCategory,
    T::ExportColKind,
    T::ExportColOpened,
    T::ExportColSummary,
    T::ExportColHeadCount,
    T::ExportColVisits,
    T::ExportColLeader,
    T::ExportColDepartment,
    T::ExportColState,
    T::ExportColStage,
    T::ExportColDue,
    T::ExportColDaysLate,
];

/// Columns Excel must keep as text: an 18-digit ID number stored as a number loses its last
/// digits, a phone its leading zero.
pub const TEXT_COLUMNS: [usize; 2] = [2, 3];

/// What the export is computed with besides the store.
pub struct Scope<'a> {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub today: NaiveDate,
    pub policy: &'a DeadlinePolicy,
    pub calendar: &'a HolidayCalendar,
    /// Who exports: their role decides masking and what of an accusation they may read.
    pub operator: &'a Operator,
    pub lang: Lang,
}

/// The ledger's rows, oldest matter first, as the cells of `COLUMNS`. `progress` is told how
/// many matters are done out of how many.
pub fn ledger(
    store: &dyn Store,
    scope: &Scope,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Vec<String>>> {
    let mut cases = Vec::new();
    for state in CaseState::ALL {
        cases.extend(store.cases_in_state(state, usize::MAX)?);
    }
    cases.retain(|c| {
        let day = c.opened_at.date();
        scope.from.is_none_or(|f| day >= f) && scope.to.is_none_or(|t| day <= t)
    });
    cases.sort_by_key(|c| c.number);
    let lang = scope.lang;
    let full = scope.operator.role.may(Permission::ExportFull);
    let names = Names::of(store)?;
    let mut rows = Vec::with_capacity(cases.len());
    for (done, case) in cases.iter().enumerate() {
        progress(done, cases.len());
        let Some(mut matter) = store.matter(case.id)? else {
            continue;
        };
        let mut person = store
            .petitioner(case.petitioner_id)?
            .map(|p| p.person)
            .unwrap_or_default();
        let mut first = store.visit(case.first_visit)?;
        // What the screen blanks for this operator, the file blanks too.
        let readable = may_read(
            scope.operator.role,
            scope.operator.leader,
            case.kind,
            matter.package.responsible,
        );
        if !readable {
            let veil = lang.veil();
            confidential::matter(&mut matter, veil);
            person = confidential::person(veil);
            if let Some(v) = first.as_mut() {
                confidential::visit(v, veil);
            }
        }
        let case = &matter.case;
        let row = MatterRow::of(&matter, &person.name);
        let line = crate::domain::report::line(&row, scope.today, scope.policy, scope.calendar);
        let days_late = match line.urgency {
            Some(Urgency::Overdue { days_late }) => days_late.to_string(),
            _ => String::new(),
        };
        let id_number = person
            .id_number
            .as_ref()
            .map(|i| if full { i.to_string() } else { i.masked() });
        let phone = person
            .phone
            .as_ref()
            .map(|p| if full { p.to_string() } else { p.masked() });
        rows.push(vec![
            case.number.to_string(),
            person.name.clone(),
            id_number.unwrap_or_default(),
            phone.unwrap_or_default(),
            person.address.clone(),
            first
                .as_ref()
                .map(|v| v.channel.label(lang).to_string())
                .unwrap_or_default(),
            case.category.clone(),
            case.kind.label(lang).to_string(),
            case.opened_at.format("%Y-%m-%d %H:%M").to_string(),
            case.summary.clone(),
            first
                .as_ref()
                .map(|v| v.head_count.to_string())
                .unwrap_or_default(),
            case.visit_count.to_string(),
            names.leader(matter.package.responsible),
            names.department(matter.package.department),
            case.state.label(lang).to_string(),
            row.clock
                .as_ref()
                .map(|c| c.stage.label(lang).to_string())
                .unwrap_or_default(),
            line.due.map(|d| d.to_string()).unwrap_or_default(),
            days_late,
        ]);
    }
    progress(cases.len(), cases.len());
    Ok(rows)
}

/// Names of leaders and departments, read once per export.
struct Names {
    leaders: std::collections::HashMap<crate::domain::organisation::LeaderId, String>,
    departments: std::collections::HashMap<crate::domain::organisation::DepartmentId, String>,
}

impl Names {
    fn of(store: &dyn Store) -> Result<Names> {
        Ok(Names {
            leaders: store
                .leaders()?
                .into_iter()
                .map(|l| (l.id, l.name))
                .collect(),
            departments: store
                .departments()?
                .into_iter()
                .map(|d| (d.id, d.name))
                .collect(),
        })
    }

    fn leader(&self, id: Option<crate::domain::organisation::LeaderId>) -> String {
        id.and_then(|l| self.leaders.get(&l).cloned())
            .unwrap_or_default()
    }

    fn department(&self, id: Option<crate::domain::organisation::DepartmentId>) -> String {
        id.and_then(|d| self.departments.get(&d).cloned())
            .unwrap_or_default()
    }
}

/// The header row in `lang`.
pub fn header(lang: Lang) -> Vec<String> {
    COLUMNS.iter().map(|t| lang.t(*t).to_string()).collect()
}
