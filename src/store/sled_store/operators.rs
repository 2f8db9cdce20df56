//! Operators on disk: each in the `operators` tree under its id, and in `index` its login code
//! valued with the id (`tag::OPERATOR_CODE`), so adding one refuses a taken code inside its
//! transaction. There are dozens of operators at most: the rules that look at all of them (the
//! last administrator) read the whole tree.

use sled::transaction::Transactional;

use crate::domain::operator::{
    NewOperator, Operator, OperatorChange, OperatorError, OperatorId, tidy_code,
};
use crate::store::{RecordRef, Result, operators};

use super::SledStore;
use super::keys::{tag, text_prefix, trailing_id};
use super::read::{engine, load_all, transaction_error};
use super::write::{fail, next_id, put_record};

pub(super) fn code_key(code: &str) -> Vec<u8> {
    text_prefix(tag::OPERATOR_CODE, code)
}

impl SledStore {
    pub(super) fn insert_operator(&self, new: &NewOperator) -> Result<Operator> {
        let all = self.all_operators()?;
        let new = operators::check_new(&all, new)?;
        let key = code_key(&new.code);
        let operator = (&self.operators, &self.index, &self.meta)
            .transaction(|(tree, index, meta)| {
                if index.get(&key)?.is_some() {
                    return Err(fail(OperatorError::DuplicateCode {
                        code: new.code.clone(),
                    }));
                }
                let id = next_id(meta)?;
                let operator = Operator::build(OperatorId(id), &new);
                put_record(tree, id, &operator, RecordRef::Operator(id))?;
                index.insert(key.as_slice(), &id.to_be_bytes())?;
                Ok(operator)
            })
            .map_err(transaction_error)?;
        self.persist()?;
        Ok(operator)
    }

    pub(super) fn all_operators(&self) -> Result<Vec<Operator>> {
        load_all(&self.operators, RecordRef::Operator)
    }

    pub(super) fn find_operator(&self, code: &str) -> Result<Option<Operator>> {
        let Ok(code) = tidy_code(code) else {
            return Ok(None);
        };
        let Some(value) = self.index.get(code_key(&code)).map_err(engine)? else {
            return Ok(None);
        };
        let Some(id) = trailing_id(&value) else {
            return Ok(None);
        };
        super::read::load(&self.operators, id, RecordRef::Operator(id))
    }

    pub(super) fn update_operator(
        &self,
        id: OperatorId,
        change: &OperatorChange,
    ) -> Result<Operator> {
        let all = self.all_operators()?;
        let changed = operators::apply(&all, id, change)?;
        let rec = RecordRef::Operator(id.0);
        self.operators
            .transaction(|tree| {
                put_record(tree, id.0, &changed, rec)?;
                Ok(())
            })
            .map_err(transaction_error)?;
        self.persist()?;
        Ok(changed)
    }
}
