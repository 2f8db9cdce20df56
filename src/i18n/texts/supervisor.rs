//! The supervisor view and the statistics.

macro_rules! supervisor_texts {
    ([$($acc:tt)*] $($rest:ident)*) => {
        gather! { [$($acc)*
            CmdSupervisor => "督办总览", "Supervisor";
            CmdSupervisorLong => "督办总览:在办、超期、各领导和承办单位情况、季度统计", "Supervisor view: pending, overdue, per leader and department, the quarter's figures";
            ScreenSupervisor => "督办总览", "Supervisor view";
            StatScroll => "{} · ↑/↓ 翻看,第 {}/{} 行", "{} · ↑/↓ scroll, row {} of {}";
            SupTabDesk => "总览", "Overview";
            SupTabQuarter => "季度统计({},PgUp/PgDn 换季度)", "Quarter ({}, PgUp/PgDn for another)";
            SupStates => "在办 {} 件:", "{} open:";
            SupLeft => "近12个月新立、已结或已离开本机关的:", "Opened in the last 12 months and no longer open:";
            SupAging => "办理时长", "Age";
            SupDays => "{}天", "{}d";
            SupWeekly => "近12周来访(每周)", "Visits, last 12 weeks";
            SupWeeklyTotal => "合计 {},单周最多 {}", "{} in all, at most {} a week";
            SupDeptBars => "各承办单位在办件数", "Open matters per department";
            SupOverdue => "超期事项({})", "Overdue ({})";
            SupDueSoon => "即将到期({})", "Due soon ({})";
            SupNeedsSupervision => "需督办({})", "Needs supervision ({})";
            SupLongTerm => "上访老户:在办两年以上({})", "Long-term petitioners: open two years or more ({})";
            SupGroups => "近12个月集体访({})", "Group visits, last 12 months ({})";
            SupPeople => "{}人", "{} people";
            SupYears => "{}年", "{} yrs";
            SupLeaders => "各包案领导", "Per leader";
            SupDepartments => "各承办单位", "Per department";
            SupNobody => "(未定)", "(none yet)";
            SupColPending => "在办", "Open";
            SupColOverdue => "超期", "Late";
            SupColOnTime => "按期率", "On time";
            SupColSettled => "息诉率", "Settled";
            SupRatesNote => "按期率、息诉率按近12个月新立事项计", "Rates over matters opened in the last 12 months";
            SupEmpty => "无", "None";
            SupHint => "↑↓ 选择事项,回车打开;←→ 切换总览和季度统计", "↑↓ choose a matter, Enter opens it; ←→ overview or quarter";
            StatQuarterTitle => "{}年第{}季度信访接待汇总({} 至 {})", "Quarterly summary of receptions, {} Q{} ({} to {})";
            StatAnnualTitle => "{}年度信访工作情况(《信访工作条例》第41条)({} 至 {})", "Annual petition work report {} (article 41) ({} to {})";
            StatAsOf => "截至 {} 的数据;事项按首次登记日期计入期间", "Data as of {}; a matter counts in the period of its first registration";
            StatColSection => "分类", "Section";
            StatColItem => "项目", "Item";
            StatColValue => "本期", "This period";
            StatColPrevious => "上期", "Previous";
            StatColChange => "增减", "Change";
            StatTotals => "总体情况", "Totals";
            StatVisits => "登记件次(来访来信来电等)", "Contacts registered";
            StatMatters => "新立信访事项", "Matters opened";
            StatGroupVisits => "集体访批次", "Group visits";
            StatGroupPeople => "集体访人次", "People in group visits";
            StatRepeatVisits => "重复访件次", "Repeat visits";
            StatForwarded => "转送件数", "Forwarded";
            StatAssigned => "交办件数", "Assigned";
            StatSupervised => "催办督办件数", "Urged or supervised";
            StatByChannel => "按渠道", "By channel";
            StatByKind => "按事项性质", "By kind";
            StatByCategory => "关注领域(问题类别)", "Fields of concern (categories)";
            StatByTownship => "按乡镇(街道)", "By township";
            StatNoTownship => "(地址未写乡镇)", "(no township in the address)";
            StatByMonth => "按月份", "By month";
            StatOthers => "其余 {} 项", "{} others";
            StatMonth => "{}年{}月", "{}-{}";
            StatUnits => "被反映较多的单位(按交办的承办单位计)", "Units most complained about (by lead department assigned)";
            StatRates => "办理质效", "Outcomes";
            StatSettledRate => "息诉息访率(办结事项中)", "Settled rate (of finished matters)";
            StatOnTimeRate => "按期办理率", "On-time rate";
            CliReportQuarter => "quarterly 报表的季度,如 2026Q3(默认本季度)", "Quarter of the quarterly report, e.g. 2026Q3 (default: this one)";
            CliReportYear => "annual 报表的年份,如 2026(默认今年)", "Year of the annual report, e.g. 2026 (default: this one)";
            CliBadQuarter => "季度“{}”有误,应写作 2026Q3", "Quarter “{}” is not valid; write it as 2026Q3";
        ] $($rest)* }
    };
}
