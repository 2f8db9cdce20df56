//! Leaders and departments: their screen, the receiving leader at intake, CSV import.

macro_rules! org_texts {
    ([$($acc:tt)*] $($rest:ident)*) => {
        gather! { [$($acc)*
            ScreenOrg => "领导和承办单位", "Leaders and departments";
            CmdOrg => "领导单位", "Leaders";
            CmdOrgLong => "领导和承办单位:查看、新增、编辑、停用、删除", "Leaders and departments: list, add, edit, deactivate, delete";
            CmdAdd => "新增", "Add";
            CmdEdit => "编辑", "Edit";
            CmdEditLong => "修改选中的一项(接访日程里的场次)", "Change the selected item (a session on the schedule)";
            CmdAddLong => "领导和承办单位:新增一条", "Leaders and departments: add one";
            CmdToggleActive => "停用/启用", "(De)activate";
            CmdToggleActiveLong => "停用或重新启用选中的领导、单位(停用的不再供登记选择)", "Deactivate or reactivate the selected leader or department (inactive ones are not offered at intake)";
            CmdDelete => "删除", "Delete";
            CmdDeleteLong => "删除选中的领导、单位(已有事项引用的不能删除)", "Delete the selected leader or department (refused while a matter names it)";
            OrgTabLeaders => "领导", "Leaders";
            OrgTabDepartments => "承办单位", "Departments";
            OrgTabsHint => "Tab 切换", "Tab switches";
            OrgFieldName => "名称", "Name";
            OrgFieldTitle => "职务", "Title";
            OrgFieldPortfolio => "分管工作", "Portfolio";
            OrgFieldContact => "联系人", "Contact";
            OrgFieldPhone => "联系电话", "Phone";
            OrgLeaderName => "姓名", "Name";
            OrgDepartmentName => "单位名称", "Department";
            OrgColState => "状态", "State";
            OrgActive => "在用", "active";
            OrgInactive => "停用", "inactive";
            OrgEmptyLeaders => "还没有领导。按 Ctrl-N 新增,或用 xfdesk leaders import 导入 CSV。", "No leaders yet. Ctrl-N adds one; xfdesk leaders import reads a CSV file.";
            OrgEmptyDepartments => "还没有承办单位。按 Ctrl-N 新增,或用 xfdesk departments import 导入 CSV。", "No departments yet. Ctrl-N adds one; xfdesk departments import reads a CSV file.";
            OrgFormAddLeader => "新增领导", "Add a leader";
            OrgFormEditLeader => "编辑领导", "Edit leader";
            OrgFormAddDepartment => "新增承办单位", "Add a department";
            OrgFormEditDepartment => "编辑承办单位", "Edit department";
            OrgFormKeys => "Enter/Ctrl-S 保存  Tab 下一项  Esc 取消", "Enter/Ctrl-S save  Tab next  Esc cancel";
            OrgAdded => "已新增 {}", "Added {}";
            OrgSaved => "已保存 {}", "Saved {}";
            OrgDeactivated => "已停用 {};登记时不再列出", "Deactivated {}; no longer offered at intake";
            OrgReactivated => "已启用 {}", "Reactivated {}";
            OrgDeleted => "已删除 {}", "Deleted {}";
            OrgFailed => "未完成:{}", "Not done: {}";
            OrgFixErrors => "有 {} 处需要更正,已填内容都在", "{} fields need correcting; everything typed is kept";
            ConfirmDeleteTitle => "删除?", "Delete?";
            ConfirmDelete => "删除“{}”?删除后无法恢复。", "Delete “{}”? This cannot be undone.";
            ButtonDelete => "删除", "Delete";
            ConfirmFormDiscardTitle => "放弃修改?", "Discard changes?";
            ConfirmQuitDrafts => "{} 锁屏时留下了未保存的内容,退出后将丢失。仍要退出吗?", "{} locked the desk with unsaved work, which quitting loses. Quit anyway?";
            ConfirmFormDiscard => "表单中有未保存的修改。放弃后无法恢复。", "The form has unsaved changes. Discarding cannot be undone.";
            FormDiscarded => "已放弃未保存的修改", "Unsaved changes discarded";

            // Intake: the receiving leader.
            FieldReceivingLeader => "接访领导", "Leader";
            HintReceivingLeader => "不指定(可输入姓名或拼音首字母选择)", "none (type a name or pinyin initials)";
            LeaderNone => "不指定", "none";
            LeaderPickKeys => "↑↓ 选择  输入姓名或拼音首字母筛选  Tab 下一项", "↑↓ choose  type a name or pinyin initials  Tab next";
            LeaderNoMatch => "没有在用的领导符合“{}”", "No active leader matches “{}”";
            LeaderNoneActive => "尚无在用的领导(F7 添加)", "No active leaders yet (F7 adds)";
            ResponsibilitySet => "{} 成为本事项包案领导", "{} now holds this matter's case package";
            ResponsibilityKept => "本事项由首接领导 {} 包案(今日接访:{})", "First-receiving leader {} keeps this matter (received today by {})";
            ResponsibilityHeld => "本事项包案领导:{}", "This matter is held by {}";
            Joined => "{};{}", "{}; {}";
            ReacceptanceWarning => "该信访人事项已经复核,同一事实不再受理:{}", "This petitioner's matter {} has been re-reviewed: the same facts are not accepted again";

            // CSV import.
            CliLeaders => "领导名单", "The leaders";
            CliDepartments => "承办单位名单", "The departments";
            CliLeadersImport => "从 CSV 导入领导;表头:姓名、职务、分管工作(或 name、title、portfolio)", "Import leaders from CSV; header: name, title, portfolio (Chinese headers also work)";
            CliDepartmentsImport => "从 CSV 导入承办单位;表头:单位名称、联系人、联系电话(或 name、contact、phone)", "Import departments from CSV; header: name, contact, phone (Chinese headers also work)";
            CliImportFile => "CSV 文件(UTF-8,可带 BOM)", "CSV file (UTF-8, with or without BOM)";
            CliImportDryRun => "只检查并列出将导入的内容,不写入数据库", "Only check and list what would be imported; write nothing";
            CliImportSkipBad => "跳过有误的行,只导入正确的行", "Skip bad rows and import the good ones";
            ImportRow => "第 {} 行:{}", "row {}: {}";
            ImportLeadersDone => "导入 {} 位领导", "Imported {} leader(s)";
            ImportDepartmentsDone => "导入 {} 个承办单位", "Imported {} department(s)";
            ImportLeadersDry => "试运行:可导入 {} 位领导,未写入数据库", "Dry run: {} leader(s) would be imported; nothing written";
            ImportDepartmentsDry => "试运行:可导入 {} 个承办单位,未写入数据库", "Dry run: {} department(s) would be imported; nothing written";
            ImportSkipped => "跳过 {} 行有误的数据", "skipped {} bad row(s)";
            ImportRefused => "{} 行有误,未导入任何数据;改正后重试,或加 --skip-bad 只导入正确的行", "{} bad rows; nothing imported. Correct them and try again, or add --skip-bad to import only the good rows";
            ImportReadFailed => "无法读取 {}:{}", "Cannot read {}: {}";
            ImportNotUtf8 => "{} 不是 UTF-8 编码;请在 Excel 中另存为“CSV UTF-8(逗号分隔)”", "{} is not UTF-8; in Excel, save it as “CSV UTF-8 (Comma delimited)”";
            ImportNoHeader => "文件是空的;第 1 行应是表头", "The file is empty; row 1 must be the header";
            ImportMissingColumn => "表头中没有“{}”列(可写作:{})", "The header has no “{}” column (accepted spellings: {})";
            ImportDuplicateInFile => "与第 {} 行重名:{}", "same name as row {}: {}";
            ImportBadPhone => "联系电话“{}”有误:{}", "phone “{}” is wrong: {}";
            ImportUnreadable => "无法解析:{}", "cannot be read: {}";
        ] $($rest)* }
    };
}
