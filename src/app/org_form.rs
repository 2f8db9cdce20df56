//! The form that adds or edits a leader or a department: three single-line fields, checked
//! when the clerk leaves one and all together on saving; nothing typed is lost on a refusal.

use crate::domain::organisation::{
    CONTACT_MAX_CHARS, NAME_MAX_CHARS, NewDepartment, NewLeader, OrgError, OrgField,
    PORTFOLIO_MAX_CHARS, TITLE_MAX_CHARS, duplicate_name,
};
use crate::domain::phone::{Phone, PhoneError};

use super::field::TextField;

/// Which list the screen shows, and so which kind of record a form holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OrgTab {
    #[default]
    Leaders,
    Departments,
}

impl OrgTab {
    pub fn other(self) -> OrgTab {
        match self {
            OrgTab::Leaders => OrgTab::Departments,
            OrgTab::Departments => OrgTab::Leaders,
        }
    }

    /// The form's fields, in focus order.
    pub fn fields(self) -> [OrgField; 3] {
        match self {
            OrgTab::Leaders => [OrgField::Name, OrgField::Title, OrgField::Portfolio],
            OrgTab::Departments => [OrgField::Name, OrgField::Contact, OrgField::Phone],
        }
    }
}

/// What is wrong with a field of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    Org(OrgError),
    Phone(PhoneError),
}

/// What a valid form gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filled {
    Leader(NewLeader),
    Department(NewDepartment),
}

#[derive(Clone, Debug)]
pub struct OrgForm {
    pub tab: OrgTab,
    /// The id of the record being edited; `None` adds a new one.
    pub editing: Option<u64>,
    pub fields: [TextField; 3],
    pub focus: usize,
    pub errors: Vec<(OrgField, FormError)>,
    initial: [String; 3],
}

fn limit(field: OrgField) -> usize {
    match field {
        OrgField::Name => NAME_MAX_CHARS,
        OrgField::Title => TITLE_MAX_CHARS,
        OrgField::Portfolio => PORTFOLIO_MAX_CHARS,
        OrgField::Contact => CONTACT_MAX_CHARS,
        OrgField::Phone => 24,
    }
}

impl OrgForm {
    /// A form with `values` in its fields: empty to add, the record's to edit.
    pub fn new(tab: OrgTab, editing: Option<u64>, values: [String; 3]) -> OrgForm {
        let fields = tab.fields().map(|f| TextField::new(limit(f)));
        let mut form = OrgForm {
            tab,
            editing,
            fields,
            focus: 0,
            errors: Vec::new(),
            initial: values.clone(),
        };
        for (field, value) in form.fields.iter_mut().zip(&values) {
            field.set(value);
        }
        form
    }

    pub fn leader(editing: Option<u64>, l: &NewLeader) -> OrgForm {
        let values = [l.name.clone(), l.title.clone(), l.portfolio.clone()];
        OrgForm::new(OrgTab::Leaders, editing, values)
    }

    pub fn department(editing: Option<u64>, d: &NewDepartment) -> OrgForm {
        let phone = d.phone.as_ref().map(|p| p.to_string()).unwrap_or_default();
        let values = [d.name.clone(), d.contact.clone(), phone];
        OrgForm::new(OrgTab::Departments, editing, values)
    }

    /// Whether anything differs from what the form opened with.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, v)| f.value() != v)
    }

    pub fn focused(&mut self) -> &mut TextField {
        let i = self.focus.min(2);
        &mut self.fields[i]
    }

    pub fn focused_field(&self) -> OrgField {
        self.tab.fields()[self.focus.min(2)]
    }

    pub fn error(&self, field: OrgField) -> Option<&FormError> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    /// Checks every field. `active` are the names of the active records of the tab's kind,
    /// with their ids, for the duplicate check (the store checks again on saving).
    pub fn check<'a>(
        &self,
        active: impl IntoIterator<Item = (u64, &'a str)>,
    ) -> Result<Filled, Vec<(OrgField, FormError)>> {
        let [a, b, c] = self.fields.each_ref().map(|f| f.value().to_string());
        let mut errors = Vec::new();
        let filled = match self.tab {
            OrgTab::Leaders => NewLeader {
                name: a,
                title: b,
                portfolio: c,
            }
            .checked()
            .map(Filled::Leader),
            OrgTab::Departments => {
                let phone = if c.trim().is_empty() {
                    None
                } else {
                    Phone::parse(&c)
                        .map_err(|e| errors.push((OrgField::Phone, FormError::Phone(e))))
                        .ok()
                };
                NewDepartment {
                    name: a,
                    contact: b,
                    phone,
                }
                .checked()
                .map(Filled::Department)
            }
        };
        let filled = filled.and_then(|f| {
            let name = match &f {
                Filled::Leader(l) => &l.name,
                Filled::Department(d) => &d.name,
            };
            if duplicate_name(name, self.editing, active) {
                return Err(OrgError::DuplicateName { name: name.clone() });
            }
            Ok(f)
        });
        match filled {
            Err(e) => {
                errors.insert(0, (e.field(), FormError::Org(e)));
                Err(errors)
            }
            Ok(_) if !errors.is_empty() => Err(errors),
            Ok(f) => Ok(f),
        }
    }

    /// Re-checks one field and keeps or clears its error.
    pub fn check_field<'a>(
        &mut self,
        field: OrgField,
        active: impl IntoIterator<Item = (u64, &'a str)>,
    ) {
        let found = match self.check(active) {
            Ok(_) => None,
            Err(errors) => errors.into_iter().find(|(f, _)| *f == field),
        };
        self.errors.retain(|(f, _)| *f != field);
        if let Some(e) = found {
            self.errors.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_department_form_reads_a_full_width_phone_and_names_each_wrong_field() {
        let mut form = OrgForm::new(OrgTab::Departments, None, Default::default());
        assert!(!form.is_dirty());
        form.fields[0].set("县民政局");
        form.fields[2].set("０８７９－２１２３４５６");
        assert!(form.is_dirty());
        match form.check([]) {
            Ok(Filled::Department(d)) => {
                assert_eq!(d.phone.map(|p| p.to_string()), Some("0879-2123456".into()))
            }
            other => panic!("{other:?}"),
        }
        form.fields[0].set(" ");
        form.fields[2].set("138");
        let errors = form.check([]).unwrap_err();
        let fields: Vec<OrgField> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, [OrgField::Name, OrgField::Phone]);
    }

    #[test]
    fn a_leader_may_keep_its_own_name_but_not_take_anothers() {
        let wang = NewLeader {
            name: "王红".into(),
            ..NewLeader::default()
        };
        let form = OrgForm::leader(Some(1), &wang);
        let active = [(1, "王红"), (2, "李明")];
        assert!(form.check(active).is_ok());
        let mut other = OrgForm::leader(Some(2), &wang);
        other.check_field(OrgField::Name, active);
        assert!(matches!(
            other.error(OrgField::Name),
            Some(FormError::Org(OrgError::DuplicateName { .. }))
        ));
    }
}
