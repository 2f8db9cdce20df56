//! Deadlines, reminders, supervision and the reports.

macro_rules! deadlines_texts {
    ([$($acc:tt)*] $($rest:ident)*) => {
        gather! { [$($acc)*
            UrgeNoReminder => "催〔{}〕{}号", "R-{}/{}";
            UrgeNoSupervision => "督〔{}〕{}号", "S-{}/{}";
            SignalHalfTime => "时限已过半仍无进展:{}起算、{}到期,其间未记录办理情况", "Half the time gone without progress: started {}, due {}, nothing recorded since";
            SignalCameAgain => "信访人于{}再次来访反映此事项", "The petitioner came again about this matter on {}";
            SignalUrgeUnanswered => "{}要求{}前回复,逾期未复", "{} asked for a response by {}; none has come";
            PolicyFallback => "{}:{};使用法定时限", "{}: {}; using the statutory limits";
            HolidaysFallback => "{}:{};只使用内置节假日数据", "{}: {}; using the built-in holiday data only";
            HolidaysMissing => "节假日数据缺少{}年,按周一至周五为工作日计算", "The holiday calendar lacks {}; working days are counted as Monday to Friday";
            ReportOverdue => "超期事项", "Overdue matters";
            ReportDueSoon => "即将到期事项", "Matters due soon";
            ReportPending => "在办事项", "Pending matters";
            ReportSummary => "{}:共{}件(截至{})", "{}: {} in all (as of {})";
            ReportNone => "{}:无(截至{})", "{}: none (as of {})";
            ReportMore => "另有{}件未列出(见 --limit)", "{} more not shown (see --limit)";
            ReportUnknownTier => "分级“{}”已不在时限政策中,其{}件事项按办理时限计算", "Tier “{}” is no longer in the deadline policy; its {} matters were counted with the handling limit";
            ColPetitioner => "信访人", "Petitioner";
            ColStage => "时限环节", "Stage";
            ColDue => "到期日", "Due";
            ColDaysLeft => "剩余/超期", "Left / late";
            ColLeader => "包案领导", "Leader";
            ColDepartment => "承办单位", "Department";
        ] $($rest)* }
    };
}
