//! The evidence log, `check`, masking and reveals.

macro_rules! evidence_texts {
    ([$($acc:tt)*] $($rest:ident)*) => {
        gather! { [$($acc)*
            CliCheck => "检查操作日志的哈希链和全部索引是否完好", "Verify the evidence log's hash chain and every index against the records";
            CheckOk => "检查通过:操作日志 {} 条,链完整;{} 条来访、{} 位信访人、{} 件事项的索引、待办和计数一致", "All is well: the evidence log's {} entries are unbroken; the indexes, pending rows and counters of {} visits, {} petitioners and {} matters agree";
            CheckFailed => "检查发现 {} 处问题:", "The check found {} problem(s):";
            CheckMore => "……另有 {} 处问题未列出", "… and {} more not listed";
            CheckChainBroken => "操作日志从第 {} 条起不可信:{}", "The evidence log cannot be trusted from entry #{} on: {}";
            ChainUnreadable => "该条无法读取({})", "the entry cannot be read ({})";
            ChainUnsealed => "该条没有哈希封存", "the entry has no seal";
            ChainAltered => "该条内容与其哈希不符,写入后被改动过", "its contents do not give its hash: it was changed after it was written";
            ChainPrevMismatch => "该条记载的前一条哈希不符,前面的记录被替换过", "it does not carry the previous entry's hash: an earlier entry was replaced";
            ChainGap => "在它之前,自第 {} 条起的记录缺失", "the entries from #{} before it are missing";
            ChainWrongNumber => "该条自称第 {} 条", "it says it is entry #{}";
            ChainTruncated => "日志在第 {} 条后中断,其后的记录被删除", "the log ends after entry #{}: the entries after it were removed";
            CheckStrayIndex => "索引项 {} 没有对应的记录(指向 #{})", "index entry {} matches no record (it points at #{})";
            CheckStrayName => "名称索引项 {} 没有对应的在用记录", "name index entry {} matches no active record";
            CheckNotIndexed => "{}缺少索引项", "{} is missing from an index";
            CheckPendingWrong => "事项 #{} 的待办记录与事项本身不符", "the pending-list row of matter #{} differs from the matter";
            CheckPendingStray => "待办列表有事项 #{},但该事项已办结或不存在", "the pending list holds matter #{}, which is closed or does not exist";
            CheckRefCount => "{}记为被 {} 件事项引用,实际为 {} 件", "{} is counted as named by {} matter(s); {} name it";
            CheckCounterBehind => "{}计数器为 {},低于已使用的 {}", "the counter of {} stands at {}, below {} already given";
            CheckVisitCount => "来访总数记为 {},实际有 {} 条", "the visit count says {}; there are {} visits";
            CounterVisitNumbers => "{} 年来访编号", "visit numbers of {}";
            CounterMatterNumbers => "{} 年事项编号", "matter numbers of {}";
            CounterIds => "记录编号", "record ids";
            RevealNothing => "此处没有可显示的证件号码或电话", "Nothing here to reveal";
            Revealed => "已显示完整证件号码和电话 {} 秒,本次查看已记录", "Full ID number and phone shown for {} seconds; this has been recorded";
            RevealNotRecorded => "无法记录本次查看,未显示完整号码:{}", "The reveal could not be recorded, so nothing is shown: {}";
            CmdReveal => "显示号码", "Reveal";
            ScreenLedger => "操作日志", "Evidence log";
            LedgerDatesReversed => "起始日期晚于截止日期,请调换", "The start date is after the end date; swap them";
            LedgerBadDate => "日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD";
            LedgerScanned => "已查找 {} 条记录,按 PgDn 继续向前查找", "Searched {} entries; PgDn searches further back";
            LedgerFilterOperator => "操作人", "Operator";
            LedgerFilterMatter => "事项编号", "Matter no.";
            LedgerFilterFrom => "起始日期", "From";
            LedgerFilterTo => "截止日期", "To";
            LedgerFilterKind => "类别", "Kind";
            LedgerAllKinds => "全部", "all";
            LedgerColSeq => "序号", "No.";
            LedgerColAt => "时间", "Time";
            LedgerColOperator => "操作人", "Operator";
            LedgerColKind => "类别", "Kind";
            LedgerColSubject => "对象", "Subject";
            LedgerColDetail => "内容", "Detail";
            LedgerEmpty => "没有符合条件的记录", "No events match";
            LedgerPage => "第 {} 页", "page {}";
            LedgerOlder => "PgDn 更早", "PgDn older";
            LedgerHint => "Tab 切换筛选项,回车应用;←/→ 选择类别", "Tab moves between filters, Enter applies; ←/→ choose the kind";
            CliSearchReveal => "输出完整的证件号码和电话(默认只显示部分),并记入操作日志", "Print full ID numbers and phones (masked by default); recorded in the evidence log";
            DetailAge => "{} 岁", "age {}";
            CmdLedger => "操作日志", "Ledger";
            CmdLedgerLong => "查看操作日志(谁在何时做了什么),可按操作人、事项、日期和类别筛选", "The evidence log: who did what and when, filtered by operator, matter, date and kind";
            CmdRevealLong => "显示选中信访人的完整证件号码和电话几秒钟(会被记录)", "Show the selected petitioner's full ID number and phone for a few seconds (recorded)";
        ] $($rest)* }
    };
}
