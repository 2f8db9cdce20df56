//! Wording of what the rules refuse about leaders and departments: a blank or duplicate name,
//! and a delete that would leave a matter pointing at nobody.

use super::{Localize, say};
use crate::domain::organisation::{OrgError, OrgField};
use crate::i18n::Lang;
use crate::store::RecordRef;

fn field_name(lang: Lang, field: OrgField) -> &'static str {
    use crate::i18n::T;
    let key = match field {
        OrgField::Name => T::OrgFieldName,
        OrgField::Title => T::OrgFieldTitle,
        OrgField::Portfolio => T::OrgFieldPortfolio,
        OrgField::Contact => T::OrgFieldContact,
        OrgField::Phone => T::OrgFieldPhone,
    };
    key.text(lang)
}

impl Localize for OrgError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            OrgError::NameRequired => say(lang, "请填写名称".into(), "enter the name".into()),
            OrgError::TooLong { field, max } => {
                let field = field_name(lang, *field);
                say(
                    lang,
                    format!("{field}不能超过{max}个字"),
                    format!("{field} has at most {max} characters"),
                )
            }
            OrgError::DuplicateName { name } => say(
                lang,
                format!("已有在用的“{name}”,不能重名;如是同一个,请编辑原记录"),
                format!("“{name}” is already in use; to change it, edit that record"),
            ),
        }
    }
}

/// A delete refused because matters still name the record.
pub(super) fn still_referenced(lang: Lang, record: RecordRef, name: &str, matters: u64) -> String {
    match record {
        RecordRef::Department(_) => say(
            lang,
            format!("承办单位“{name}”已有 {matters} 件事项交办或督办过,不能删除;可改为停用"),
            format!(
                "department “{name}” is named by {matters} matter(s) and cannot be deleted; deactivate it instead"
            ),
        ),
        _ => say(
            lang,
            format!("“{name}”是 {matters} 件事项的接访或包案领导,不能删除;可改为停用"),
            format!(
                "{name} received or holds {matters} matter(s) and cannot be deleted; deactivate instead"
            ),
        ),
    }
}

impl Localize for crate::import::ImportError {
    fn localize(&self, lang: Lang) -> String {
        use crate::i18n::T;
        use crate::import::ImportError;
        match self {
            ImportError::Read { path, reason } => lang.f(T::ImportReadFailed, &[path, reason]),
            ImportError::NotUtf8 { path } => lang.f(T::ImportNotUtf8, &[path]),
            ImportError::NoHeader => lang.t(T::ImportNoHeader).to_string(),
            ImportError::MissingColumn { column, accepted } => {
                lang.f(T::ImportMissingColumn, &[column, &accepted.join(" / ")])
            }
        }
    }
}

impl Localize for crate::import::RowProblem {
    fn localize(&self, lang: Lang) -> String {
        use crate::i18n::T;
        use crate::import::RowProblem;
        match self {
            RowProblem::Unreadable(reason) => lang.f(T::ImportUnreadable, &[reason]),
            RowProblem::Org(e) => e.localize(lang),
            RowProblem::Phone { text, error } => {
                lang.f(T::ImportBadPhone, &[text, &error.localize(lang)])
            }
            RowProblem::DuplicateInFile { first_row, name } => {
                lang.f(T::ImportDuplicateInFile, &[first_row, name])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;

    #[test]
    fn a_refused_delete_names_the_record_and_the_way_out() {
        let e = StoreError::StillReferenced {
            record: RecordRef::Leader(3),
            name: "王红".into(),
            matters: 2,
        };
        assert_eq!(
            e.localize(Lang::Zh),
            "“王红”是 2 件事项的接访或包案领导,不能删除;可改为停用"
        );
        assert!(e.localize(Lang::En).contains("deactivate"));
    }
}
