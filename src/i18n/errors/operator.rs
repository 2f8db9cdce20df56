//! Operator errors, worded from the catalogue.

use super::super::{Lang, T};
use super::Localize;
use crate::domain::operator::{
    CODE_MAX_CHARS, OPERATOR_NAME_MAX_CHARS, OperatorError, PIN_MAX_DIGITS, PIN_MIN_DIGITS,
};

impl Localize for OperatorError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            OperatorError::CodeBlank => lang.t(T::OpErrCodeBlank).into(),
            OperatorError::CodeChars => lang.f(T::OpErrCodeChars, &[&CODE_MAX_CHARS]),
            OperatorError::DuplicateCode { code } => lang.f(T::OpErrDuplicate, &[code]),
            OperatorError::NameBlank => lang.t(T::OpErrNameBlank).into(),
            OperatorError::NameTooLong => lang.f(T::OpErrNameTooLong, &[&OPERATOR_NAME_MAX_CHARS]),
            OperatorError::PinRule => lang.f(T::OpErrPinRule, &[&PIN_MIN_DIGITS, &PIN_MAX_DIGITS]),
            OperatorError::PinMismatch => lang.t(T::OpErrPinMismatch).into(),
            OperatorError::Hash(e) => lang.f(T::OpErrHash, &[e]),
            OperatorError::LastAdministrator => lang.t(T::OpErrLastAdmin).into(),
        }
    }
}
