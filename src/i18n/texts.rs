//! The texts. Placeholders `{}` are filled in order; both languages take the same number.
//!
//! One catalogue, kept in parts by screen: each part's macro adds its entries to what it is
//! handed and hands the lot on, and the last hands everything to `catalogue!`, so a key
//! still exists in both languages or does not compile.

use super::catalogue;

/// Passes the gathered entries to the next part, or to `catalogue!` when none is left.
macro_rules! gather {
    ([$($acc:tt)*]) => { catalogue! { $($acc)* } };
    ([$($acc:tt)*] $next:ident $($rest:ident)*) => { $next! { [$($acc)*] $($rest)* } };
}

#[macro_use]
mod org;
#[macro_use]
mod matters;
#[macro_use]
mod deadlines;
#[macro_use]
mod evidence;
#[macro_use]
mod operators;
#[macro_use]
mod ledger_io;
#[macro_use]
mod supervisor;
#[macro_use]
mod schedule;
#[macro_use]
mod backup;

gather! { [
    LangName => "中文", "English";
    AppTitle => "信访接待登记台", "Petition Reception Desk";
    ScreenStart => "开始", "Start";
    ScreenIntake => "来访登记", "Intake";
    ScreenVisits => "来访记录", "Visits";
    ScreenDetail => "来访详情", "Visit detail";
    HeaderDemo => "演示数据", "demo data";
    DbOpening => "正在打开数据库…", "Opening the database…";
    DbVisits => "共 {} 条来访", "{} visits";
    DbFailed => "数据库不可用", "Database unavailable";

    // Commands: a short label for the footer and a sentence for the help overlay.
    CmdHelp => "帮助", "Help";
    CmdHelpLong => "显示或关闭按键说明", "Show or hide this key list";
    CmdNewIntake => "登记", "Intake";
    CmdNewIntakeLong => "转到来访登记表(未保存的内容保留)", "Go to the intake form (unsaved input is kept)";
    CmdSearch => "查询", "Search";
    CmdSearchLong => "来访记录:按姓名、拼音首字母、身份证号或电话查询", "Visits: search by name, pinyin initials, ID number or phone";
    CmdQuit => "退出", "Quit";
    CmdQuitLong => "退出程序(有未保存的登记时先确认)", "Quit (asks first if an intake is unsaved)";
    CmdSave => "保存", "Save";
    CmdSaveLong => "保存登记;写入磁盘后才显示“已保存”", "Save the intake; “saved” shows only once it is on disk";
    CmdBack => "返回", "Back";
    CmdBackLong => "返回上一屏、关闭对话框或清空查询", "Go back, close a dialog or clear the search";
    CmdNextField => "下一项", "Next";
    CmdNextFieldLong => "移到下一个输入项", "Move to the next field";
    CmdPrevField => "上一项", "Previous";
    CmdPrevFieldLong => "移到上一个输入项", "Move to the previous field";
    CmdUp => "上移", "Up";
    CmdUpLong => "列表中上移一行;表单中到上一项", "Up one row in a list; previous field in the form";
    CmdDown => "下移", "Down";
    CmdDownLong => "列表中下移一行;表单中到下一项", "Down one row in a list; next field in the form";
    CmdPageUp => "上页", "Page up";
    CmdPageUpLong => "列表上翻一页", "Up one page in a list";
    CmdPageDown => "下页", "Page down";
    CmdPageDownLong => "列表下翻一页", "Down one page in a list";
    CmdOpen => "打开", "Open";
    CmdOpenLong => "打开选中的记录;在表单中移到下一项;在对话框中确定", "Open the selected record; next field in the form; confirm in a dialog";
    CmdAddCo => "同行人", "Co-petitioner";
    CmdAddCoLong => "为集体访添加同行人", "Add a co-petitioner to a group visit";
    CmdMatches => "查重", "Matches";
    CmdMatchesLong => "在表单与重复来访提示之间切换,选中后回车带入信访人", "Switch between the form and the repeat matches; Enter takes the petitioner";

    HelpTitle => "按键说明", "Keys";
    HelpKey => "按键", "Key";
    HelpAction => "功能", "Action";
    HelpTextNote => "输入法开启时,请用 F 键和 Ctrl 组合键;? / 等键只在非输入框处有效。", "With an input method on, use F-keys and Ctrl keys; ? and / work only outside text fields.";
    HelpClose => "按 Esc 或 F1 关闭", "Esc or F1 closes";

    // Intake form.
    FieldChannel => "来访渠道", "Channel";
    FieldReceivedAt => "收到时间", "Received";
    FieldName => "姓名", "Name";
    FieldIdNumber => "身份证号", "ID number";
    FieldSex => "性别", "Sex";
    FieldPhone => "联系电话", "Phone";
    FieldAddress => "住址", "Address";
    FieldHeadCount => "来访人数", "People";
    FieldCoPetitioners => "同行人", "Co-petitioners";
    FieldKind => "诉求类型", "Kind";
    FieldCategory => "事项类别", "Category";
    FieldSummary => "诉求内容", "Request";
    FieldCase => "关联事项", "Matter";
    HintReceivedAt => "留空为当前时间,或填 2026-11-20 09:30", "empty = now, or 2026-11-20 09:30";
    HintHeadCount => "留空按登记人数", "empty = people registered";
    HintCoPetitioners => "无(F5 添加)", "none (F5 adds)";
    HintCoKeys => "F5 添加  Del 删除  空格 设/取消代表", "F5 add  Del remove  Space toggle representative";
    HintSelect => "←/→ 选择", "←/→ to choose";
    HintSummary => "可多行;Tab 离开", "several lines; Tab leaves";
    CaseNew => "新建事项", "New matter";
    CaseJoin => "并入 {}", "Join {}";
    GroupVisit => "集体访", "group visit";
    Representative => "代表", "rep.";
    IntakeTitle => "来访登记", "Intake";
    IntakeLinked => "已关联信访人 #{}", "Linked to petitioner #{}";

    // Repeat panel.
    RepeatTitle => "重复来访提示", "Seen before";
    RepeatNone => "未发现此前来访", "No earlier visits found";
    RepeatSameNameOnly => "已有同名者{}人,填写身份证号、电话或住址以确认是否同一人", "{} earlier petitioner(s) with this name; enter the ID number, phone or address to tell";
    RepeatWaiting => "输入姓名、身份证号或电话后自动查重", "Type a name, ID number or phone to check for earlier visits";
    RepeatSameId => "身份证号相同", "same ID number";
    RepeatSamePhone => "电话相同", "same phone";
    RepeatSameNameAddress => "同名且住址相近", "same name, similar address";
    RepeatVisits => "来访 {} 次,最近 {}", "{} visits, last {}";
    RepeatOpenCases => "未结事项", "Open matters";
    RepeatChooseHint => "F6 进入,↑↓ 选择,Enter 带入", "F6 to enter, ↑↓ choose, Enter take";
    RepeatChosen => "已带入信访人 {}", "Took petitioner {}";
    RepeatChosenCases => "已带入 {},有 {} 件未结事项,已选并入最近一件;可在“关联事项”改为新建", "Took {}; {} open matters, the latest is chosen; change it under “Matter”";
    RepeatUnlinked => "身份证号已改,不再关联此前的信访人", "ID number changed; no longer linked to the earlier petitioner";

    // Co-petitioner dialog.
    CoTitle => "添加同行人", "Add co-petitioner";
    CoRepresentative => "代表", "Representative";
    Yes => "是", "yes";
    No => "否", "no";
    CoKeys => "Enter 添加  Esc 取消  空格 切换代表", "Enter add  Esc cancel  Space toggle representative";

    // Confirmations.
    ConfirmDiscardTitle => "放弃登记?", "Discard intake?";
    ConfirmDiscard => "登记表中有未保存的内容。放弃后无法恢复。", "The intake form has unsaved input. Discarding cannot be undone.";
    ConfirmQuit => "登记表中有未保存的内容。仍要退出吗?", "The intake form has unsaved input. Quit anyway?";
    ButtonKeepEditing => "继续编辑", "Keep editing";
    ButtonDiscard => "放弃", "Discard";
    ButtonQuit => "退出", "Quit";
    ConfirmKeys => "←/→ 选择  Enter 确定  Esc 继续编辑", "←/→ choose  Enter confirm  Esc keep editing";
    ButtonKeep => "保留", "Keep";
    ListSeparator => "、", ", ";
    LabelSep => ":", ": ";
    ChoiceTyped => "此项从列表中选择:←/→ 或空格切换,也可键入选项的首字母(如 d 选党纪政纪)", "This is chosen from a list: ←/→ or Space, or type an option's first letter";
    ConfirmKeepKeys => "←/→ 选择  Enter 确定  Esc 保留", "←/→ choose  Enter confirm  Esc keep it";

    // Status line.
    SavedNewCase => "已保存:来访 {},新事项 {}", "Saved: visit {}, new matter {}";
    SavedJoinedCase => "已保存:来访 {},并入事项 {}", "Saved: visit {}, added to matter {}";
    FixErrors => "有 {} 处需要更正,已填内容都在", "{} fields need correcting; everything typed is kept";
    SavedUnconfirmed => "来访 {} 未能确认写入磁盘({}),重新启动后可能不存在。已填内容保留:请管理员检查磁盘,之后先按编号查询,查不到再保存。", "Visit {} may not be on disk: the disk did not confirm the write ({}). What you typed is kept: ask the administrator to check the disk, then search for that number and save again only if it is not there.";
    DiskFull => "数据库所在的磁盘已满({}),请腾出空间", "the disk holding the database ({}) is full; free some space";
    DiskReadOnly => "数据库目录 {} 是只读的或无权写入,请检查磁盘的挂载方式和权限", "the database directory {} is read-only or may not be written; check how the disk is mounted and its permissions";
    DiskFailed => "无法写入数据库目录 {}:{}", "cannot write to the database directory {}: {}";
    SaveFailed => "保存失败:{}。已填内容保留,可重试。", "Save failed: {}. What you typed is kept; try again.";
    NotSavedYet => "数据库尚未就绪,登记未保存;内容保留,稍后按 Ctrl-S 重试", "The database is not ready; not saved. Input is kept; press Ctrl-S again shortly";
    Discarded => "已放弃未保存的登记", "Unsaved intake discarded";
    PasteTrimmed => "粘贴内容过长,只保留前 {} 个字符", "Paste too long; kept the first {} characters";
    NothingToSave => "登记表是空的", "The intake form is empty";
    QuitHint => "按 F10 退出", "Press F10 to quit";

    // Visits list.
    VisitsTitle => "来访记录", "Visits";
    SearchLabel => "查询", "Search";
    SearchPlaceholder => "姓名 / 拼音首字母 / 身份证号 / 电话(F3 或 /)", "name / pinyin initials / ID number / phone (F3 or /)";
    SearchFound => "找到 {} 条", "{} found";
    SearchCapped => "只列出前 {} 条,继续输入可缩小范围", "Only the first {} listed; type more to narrow it down";
    SearchMore => "已列出前 {} 条,向下翻看更多", "The first {} listed; scroll down for more";
    SearchNothing => "没有找到“{}”", "Nothing found for “{}”";
    VisitsEmpty => "还没有来访记录。按 F2 登记。", "No visits yet. Press F2 to register one.";
    ColNumber => "编号", "Number";
    ColReceived => "收到时间", "Received";
    ColName => "姓名", "Name";
    ColChannel => "渠道", "Channel";
    ColKind => "类型", "Kind";
    ColCategory => "类别", "Category";
    ColPeople => "人数", "Ppl";
    ColSummary => "诉求", "Request";
    ColState => "状态", "State";

    // Visit detail.
    DetailVisit => "来访 {}", "Visit {}";
    DetailPetitioner => "信访人", "Petitioner";
    DetailCase => "所属事项", "Matter";
    DetailReceivedBy => "登记员", "Registered by";
    DetailGroup => "集体访,{} 人;代表:{}", "Group visit, {} people; representatives: {}";
    DetailCoPetitioners => "同行人", "Co-petitioners";
    DetailHistory => "该信访人的历次来访({})", "This petitioner's visits ({})";
    DetailOpenCases => "未结事项", "Open matters";
    DetailNoOpenCases => "无未结事项", "No open matters";
    DetailBirth => "出生 {},{} 岁", "born {}, age {}";
    DetailFirstSeen => "首次来访 {}", "first visit {}";

    // Start screen and demo data.
    StartEmpty => "这是一个新的空数据库。", "This is a new, empty database.";
    StartPath => "位置:{}", "Location: {}";
    StartDemo => "载入演示数据(约 {} 条来访,用于培训和试用)", "Load demo data (about {} visits, for training and trial)";
    StartEmptyChoice => "从空库开始登记", "Start with an empty database";
    StartKeys => "↑↓ 选择  Enter 确定", "↑↓ choose  Enter confirm";
    DemoLoading => "正在生成演示数据 {}/{}", "Generating demo data {}/{}";
    DemoLoaded => "演示数据已载入:{} 条来访,{} 名信访人", "Demo data loaded: {} visits, {} petitioners";
    DemoFailed => "演示数据生成失败:{}", "Demo data failed: {}";
    DemoNotEmpty => "演示数据只能写入空数据库;{} 已有数据。请用 --db 指定新位置。", "Demo data goes only into an empty database; {} already holds data. Choose another with --db.";
    DemoDone => "已生成演示数据:{} 条来访、{} 名信访人、{} 件事项、{} 名领导、{} 个承办单位、{} 场领导接访,数据库 {}", "Demo data written: {} visits, {} petitioners, {} matters, {} leaders, {} departments, {} reception sessions in {}";
    DemoProgress => "生成演示数据", "Generating demo data";

    // Database and command line.
    ErrorTitle => "无法使用数据库", "Cannot use the database";
    ErrorKeys => "按 F10 退出", "Press F10 to quit";
    CliSearchNone => "没有找到“{}”", "Nothing found for “{}”";
    CliError => "错误:{}", "error: {}";
    CliBadToday => "“{}”不是日期(格式 YYYY-MM-DD)", "“{}” is not a date (use YYYY-MM-DD)";
    CliNoDataDir => "找不到用户数据目录,请用 --db 指定数据库位置", "No per-user data directory found; choose a database with --db";
    ThemeUnknown => "没有名为“{}”的主题,使用默认主题", "No theme named “{}”; using the default";
    ConfigFileLine => "{} 第{}行", "{}, line {}";
    ConfigMoreProblems => "(另有{}个设置文件有误,详见日志)", "({} more settings files are wrong; see the log)";
    ThemeBroken => "主题文件 {} 有误:{};使用默认主题", "Theme file {} is wrong: {}; using the default";
    KeysBroken => "按键文件 {} 有误:{};使用默认按键", "Key map file {} is wrong: {}; using the default keys";
    OfficeBroken => "设置文件 {} 有误:{};使用默认设置", "Settings file {} is wrong: {}; using the defaults";
    TooSmall => "窗口太小,请放大终端", "Window too small; enlarge the terminal";
    MoreBelow => "↓ 还有", "↓ more";
    MoreAbove => " ↑ 还有 ", " ↑ more ";
    CoCount => "{} 人", "{} people";


    // Command-line help.
    CliAbout => "信访接待登记台:键盘操作的终端程序,嵌入式数据库", "Petition reception desk: a keyboard-driven terminal app on an embedded database";
    CliDb => "数据库目录(默认在用户数据目录下)", "Database directory (default: in the per-user data directory)";
    CliLang => "界面语言:zh(中文,默认)或 en", "Interface language: zh (Chinese, default) or en";
    CliToday => "把今天固定为某日(培训、测试用),格式 YYYY-MM-DD", "Fix today's date (training, tests), YYYY-MM-DD";
    CliTheme => "配色主题:dark(默认)、light、high-contrast 或用户主题名", "Colour theme: dark (default), light, high-contrast or a user theme";
    CliDemo => "生成演示数据(虚构的信访人、来访、领导和承办单位)", "Generate demo data (fictitious petitioners, visits, leaders, departments)";
    CliDemoVisits => "来访条数", "Number of visits";
    CliDemoSeed => "随机种子;相同种子生成相同数据", "Random seed; the same seed gives the same data";
    CliSearch => "按姓名、拼音首字母、身份证号或电话查询来访,与界面查询结果相同", "Search visits by name, pinyin initials, ID number or phone, as the screen does";
    CliSearchQuery => "查询内容", "What to search for";
    CliSearchFormat => "输出格式:table 或 json", "Output format: table or json";
    CliSearchLimit => "最多输出几条", "At most this many rows";
    CliHelp => "显示帮助", "Show help";
    CliVersion => "显示版本", "Show the version";
    CliEmptyQuery => "查询内容为空", "The search text is empty";
    CliReport => "超期、即将到期和在办事项报表,按时限政策和节假日计算", "Overdue, due-soon and pending matters, by the deadline policy and holidays";
    CliReportKind => "报表:overdue(超期)、due-soon(即将到期)、pending(在办)、quarterly(季度汇总)或 annual(年度报告)", "Report: overdue, due-soon, pending, quarterly or annual";
    CliReportFormat => "输出格式:table、csv(可用 Excel 打开)或 json", "Output format: table, csv (opens in Excel) or json";
    CliReportLimit => "最多列出几件(默认全部)", "At most this many matters (default: all)";
] org_texts matters_texts deadlines_texts evidence_texts operators_texts ledger_io_texts supervisor_texts schedule_texts backup_texts }
