//! The columns a ledger import reads, the header spellings it recognises, and an office's
//! mapping file for the rest.

use std::collections::HashMap;

use super::super::table::Column;
use crate::domain::intake::Field;
use crate::i18n::{Lang, T};

/// The columns the import reads, in the order of `COLUMNS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LedgerColumn {
    Name,
    IdNumber,
    Phone,
    Address,
    Date,
    Channel,
    Category,
    Kind,
    Request,
    People,
    State,
    Leader,
    Department,
}

use LedgerColumn as C;

pub(super) const ORDER: [LedgerColumn; 13] = [
    C::Name,
    C::IdNumber,
    C::Phone,
    C::Address,
    C::Date,
    C::Channel,
    C::Category,
    C::Kind,
    C::Request,
    C::People,
    C::State,
    C::Leader,
    C::Department,
];

/// Header spellings recognised without a mapping file: the export's own headers in both
/// languages and what offices commonly write. The first is the one an error names.
pub(super) const COLUMNS: [Column; 13] = [
    Column {
        names: &["姓名", "信访人", "信访人姓名", "name"],
        required: true,
    },
    Column {
        names: &[
            "身份证号",
            "身份证号码",
            "公民身份号码",
            "id number",
            "id_number",
        ],
        required: false,
    },
    Column {
        names: &["联系电话", "电话", "手机", "手机号码", "phone"],
        required: false,
    },
    Column {
        names: &["住址", "地址", "家庭住址", "address"],
        required: false,
    },
    Column {
        names: &[
            "登记日期",
            "来访日期",
            "来访时间",
            "信访日期",
            "opened",
            "date",
        ],
        required: true,
    },
    Column {
        names: &["来访方式", "渠道", "信访方式", "channel"],
        required: false,
    },
    Column {
        names: &["事项类别", "类别", "问题类别", "category"],
        required: true,
    },
    Column {
        names: &["事项性质", "信访类型", "kind"],
        required: false,
    },
    Column {
        names: &[
            "主要诉求",
            "诉求",
            "反映问题",
            "信访事项",
            "request",
            "summary",
        ],
        required: true,
    },
    Column {
        names: &["人数", "来访人数", "people"],
        required: false,
    },
    Column {
        names: &["状态", "办理状态", "事项状态", "state"],
        required: false,
    },
    Column {
        names: &["包案领导", "责任领导", "首接领导", "leader"],
        required: false,
    },
    Column {
        names: &["责任单位", "承办单位", "交办单位", "department"],
        required: false,
    },
];

impl LedgerColumn {
    /// The key a mapping file names the column by.
    fn key(self) -> &'static str {
        match self {
            C::Name => "name",
            C::IdNumber => "id_number",
            C::Phone => "phone",
            C::Address => "address",
            C::Date => "date",
            C::Channel => "channel",
            C::Category => "category",
            C::Kind => "kind",
            C::Request => "request",
            C::People => "people",
            C::State => "state",
            C::Leader => "leader",
            C::Department => "department",
        }
    }

    pub fn header(self, lang: Lang) -> &'static str {
        let key = match self {
            C::Name => T::ExportColName,
            C::IdNumber => T::ExportColIdNumber,
            C::Phone => T::ExportColPhone,
            C::Address => T::ExportColAddress,
            C::Date => T::ExportColOpened,
            C::Channel => T::ExportColChannel,
            C::Category => T::ExportColCategory,
            C::Kind => T::ExportColKind,
            C::Request => T::ExportColSummary,
            C::People => T::ExportColHeadCount,
            C::State => T::ExportColState,
            C::Leader => T::ExportColLeader,
            C::Department => T::ExportColDepartment,
        };
        lang.t(key)
    }

    /// Where the intake form's complaint about a field shows in the ledger.
    pub(super) fn of_field(field: Field) -> LedgerColumn {
        match field {
            Field::ReceivedAt => C::Date,
            Field::IdNumber | Field::Sex => C::IdNumber,
            Field::Phone => C::Phone,
            Field::Address => C::Address,
            Field::HeadCount | Field::CoPetitioners => C::People,
            Field::Category => C::Category,
            Field::Kind => C::Kind,
            Field::Summary => C::Request,
            Field::Channel => C::Channel,
            Field::Name | Field::ReceivingLeader | Field::Case => C::Name,
        }
    }
}

/// The mapping file's extra header spellings, per column of `ORDER`.
pub fn mapping(text: &str, lang: Lang) -> Result<Vec<Vec<String>>, String> {
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        columns: HashMap<String, toml::Value>,
    }
    let file: File = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut extra = vec![Vec::new(); ORDER.len()];
    for (key, value) in file.columns {
        let Some(i) = ORDER.iter().position(|c| c.key() == key) else {
            let keys: Vec<&str> = ORDER.iter().map(|c| c.key()).collect();
            return Err(lang.f(T::LedgerImportMapField, &[&key, &keys.join(", ")]));
        };
        match value {
            toml::Value::String(s) => extra[i].push(s),
            toml::Value::Array(items) => extra[i].extend(
                items
                    .into_iter()
                    .filter_map(|v| v.as_str().map(str::to_string)),
            ),
            _ => {}
        }
    }
    Ok(extra)
}
