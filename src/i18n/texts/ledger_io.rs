//! Export, import and documents.

macro_rules! ledger_io_texts {
    ([$($acc:tt)*] $($rest:ident)*) => {
        gather! { [$($acc)*
            // Ledger columns: the headers `xfdesk export` writes and `xfdesk import` recognises.
            ExportColNumber => "编号", "Number";
            ExportColName => "姓名", "Name";
            ExportColIdNumber => "身份证号", "ID number";
            ExportColPhone => "联系电话", "Phone";
            ExportColAddress => "住址", "Address";
            ExportColChannel => "来访方式", "Channel";
            ExportColCategory => "事项类别", "Category";
            ExportColKind => "事项性质", "Kind";
            ExportColOpened => "登记日期", "Opened";
            ExportColSummary => "主要诉求", "Request";
            ExportColHeadCount => "人数", "People";
            ExportColVisits => "来访次数", "Visits";
            ExportColLeader => "包案领导", "Leader";
            ExportColDepartment => "责任单位", "Department";
            ExportColState => "状态", "State";
            ExportColStage => "办理阶段", "Stage";
            ExportColDue => "办理期限", "Due";
            ExportColDaysLate => "超期天数", "Days late";
            ExportProgress => "正在导出台账", "Exporting the ledger";
            ExportDone => "已导出 {} 件事项到 {}", "Exported {} matter(s) to {}";
            ExportMasked => "身份证号和联系电话已部分隐藏;完整号码只有督办员可以导出", "ID numbers and phones are masked; only a supervisor may export them in full";
            ExportFailed => "无法写入 {}:{}", "Cannot write {}: {}";
            LedgerImportBadRow => "第 {} 行,“{}”列:{}", "row {}, column “{}”: {}";
            LedgerImportUnknownChannel => "“{}”不是来访方式(可写:{})", "“{}” is not a channel (accepted: {})";
            LedgerImportUnknownState => "“{}”不是事项状态(可写:{})", "“{}” is not a state of a matter (accepted: {})";
            LedgerImportStates => "{} 件事项按原台账设置了状态、包案领导或责任单位", "{} matters were given the state, leader or department the ledger gives";
            LedgerImportUnknownLeader => "没有名为“{}”的领导:请先在 F7 或用 xfdesk leaders import 添加", "no leader is named “{}”: add them first (F7 or xfdesk leaders import)";
            LedgerImportUnknownDepartment => "没有名为“{}”的承办单位:请先在 F7 或用 xfdesk departments import 添加", "no department is named “{}”: add it first (F7 or xfdesk departments import)";
            LedgerImportUnknownKind => "“{}”不是事项性质(可写:{})", "“{}” is not a kind of matter (accepted: {})";
            LedgerImportSameAsRow => "与第 {} 行是同一次来访", "the same visit as row {}";
            LedgerImportDone => "导入 {} 条来访", "Imported {} visit(s)";
            LedgerImportDry => "试运行:可导入 {} 条来访,未写入数据库", "Dry run: {} visit(s) would be imported; nothing written";
            LedgerImportAlready => "{} 行此前已导入,未重复导入", "{} row(s) were imported before and are not imported again";
            LedgerImportRefused => "{} 行有误,未导入任何数据;改正后重试", "{} bad row(s); nothing imported. Correct them and try again";
            LedgerImportXlsx => "无法读取 Excel 文件 {}:{}", "Cannot read the Excel file {}: {}";
            LedgerImportBadMap => "列映射文件 {} 有误:{}", "The column mapping {} is wrong: {}";
            LedgerImportMapField => "列映射文件中“{}”不是可导入的列(可写:{})", "“{}” in the column mapping is not a column the import knows (accepted: {})";
            LedgerImportNoFormat => "只能导入 .csv 或 .xlsx 文件:{}", "Only .csv and .xlsx files can be imported: {}";
            DocumentAcceptance => "受理告知书", "acceptance notice";
            DocumentAssignment => "交办单", "assignment sheet";
            DocumentReminder => "催办单", "reminder";
            DocumentSupervision => "督办单", "supervision notice";
            DocumentDone => "已生成{}:{}", "Wrote the {}: {}";
            DocumentLate => "现已超期{}日。", "It is now {} day(s) late.";
            DocumentNoMatter => "没有编号为 {} 的事项", "There is no matter numbered {}";
            DocumentBadNumber => "“{}”不是事项编号(如 2026-000123)", "“{}” is not a matter number (e.g. 2026-000123)";
            DocumentTemplate => "无法读取文书模板 {}:{}", "Cannot read the document template {}: {}";
            DocumentNeverAccepted => "事项 {} 未经受理(现为「{}」),不能出具受理告知书", "Matter {} was never accepted (it is “{}”), so it has no acceptance notice";
            DocumentNotAssigned => "事项 {} 尚未交办承办单位(现为「{}」),而{}须写明承办单位;请先交办", "Matter {} has not been assigned to a department (it is “{}”), and the {} names the handling department; assign it first";
            DocumentNoUrge => "事项 {} 没有{}文号,不能出具{};请先在事项上登记{}", "Matter {} has no {} number, so there is no {} to write; record the {} on the matter first";
            DocumentUnknownUrge => "“{}”不是事项 {} 的{}文号;该事项的{}文号:{}", "“{}” is not a number of matter {} ({}); its {} numbers: {}";
            DocumentConfidential => "事项 {} 属检举控告类,操作员 {} 无权查看其内容", "Matter {} is an accusation; operator {} may not read it";
            CliExport => "导出信访台账(每件事项一行)为 CSV 或 Excel", "Export the ledger (one row a matter) as CSV or Excel";
            CliExportFormat => "文件格式:csv 或 xlsx", "File format: csv or xlsx";
            CliExportOut => "输出文件", "Output file";
            CliExportFrom => "只导出此日(含)以后登记的事项,YYYY-MM-DD", "Only matters opened on or after this day, YYYY-MM-DD";
            CliExportTo => "只导出此日(含)以前登记的事项,YYYY-MM-DD", "Only matters opened on or before this day, YYYY-MM-DD";
            CliImport => "从 Excel 台账(.csv 或 .xlsx)导入来访;有误的行全部列出,不写入", "Import visits from an Excel ledger (.csv or .xlsx); every bad row is listed and none is written";
            CliImportLedgerFile => "台账文件:.csv(UTF-8)或 .xlsx", "Ledger file: .csv (UTF-8) or .xlsx";
            CliImportMap => "列映射文件(TOML):[columns] 下写 列名 = \"文件中的表头\"", "Column mapping (TOML): under [columns], column = \"header in the file\"";
            CliDocument => "由事项生成文书:受理告知书、交办单、催办单、督办单(文本或 HTML)", "Write a document of a matter: acceptance, assignment, reminder, supervision (text or HTML)";
            CliDocumentKind => "文书种类", "Which document";
            CliDocumentMatter => "事项编号,如 2026-000123", "Matter number, e.g. 2026-000123";
            CliDocumentUrge => "催办或督办文号,如 催〔2026〕3号", "The reminder's or supervision notice's number, as printed on it";
            CliDocumentOut => "输出文件;.html 或 .htm 为网页,其他为纯文本", "Output file; .html or .htm writes HTML, anything else plain text";
        ] $($rest)* }
    };
}
