//! Backups and restores.

macro_rules! backup_texts {
    ([$($acc:tt)*] $($rest:ident)*) => {
        gather! { [$($acc)*
            CmdBackup => "备份", "Back up";
            CmdBackupLong => "备份数据库,文件存入数据库目录下的 backups 文件夹(管理员)", "Back up the database into the backups folder of the database directory (administrators)";
            BackupWritten => "已备份 {} 条来访、{} 件事项、{} 名操作员、{} 条操作日志(共 {} 条记录)到 {}", "Backed up {} visits, {} matters, {} operators, {} evidence log entries ({} records in all) to {}";
            BackupFailed => "备份失败:{}", "The backup failed: {}";
            BackupNever => "数据库从未备份:请按 {} 备份,并把备份文件复制到另一台设备保存", "This database has never been backed up: press {}, and keep a copy on another device";
            BackupOld => "上次备份在 {} 天前({}):请按 {} 备份", "The last backup is {} days old ({}): press {} to back up";
            BackupPruned => "(已删除 {} 份较早的备份,保留最近 {} 份)", " (removed {} older backups, keeping the last {})";
            BackupNoRoom => "磁盘剩余 {} MB,不够再存一份约 {} MB 的备份并继续登记:请先把 backups 文件夹里的备份移到别的设备", "The disk has {} MB left: not enough for another backup of about {} MB and the saves after it. Move the backups in the backups folder to another device first";
            BackupServed => "已按命令行的请求({})备份到 {}", "As the command line asked ({}), backed up to {}";
            BackupServeRefused => "命令行的备份请求({})未完成:{} 没有写入", "A backup the command line asked for ({}) was not taken: {} was not written";
            BackupAskingDesk => "登记台正在使用数据库 {}(PID {}),已请登记台备份,请稍候……", "The desk is using the database {} (PID {}); it has been asked to take the backup. Please wait…";
            BackupDeskSilent => "登记台 {} 秒内没有接手备份请求(可能还在打开数据库)。请管理员在登记台按 Ctrl-B 备份,或先退出登记台再运行本命令", "The desk did not take the backup request within {} seconds (it may still be opening the database). Back up from the desk (an administrator presses Ctrl-B), or quit the desk and run this command again";
            BackupDeskSlow => "登记台接手了备份请求,但 {} 分钟内没有答复;请在登记台查看是否已备份", "The desk took the backup request but did not answer within {} minutes; see on the desk whether the backup was written";
            BackupDeskGone => "登记台在答复之前退出了;请查看备份文件是否已写好,或再运行一次本命令", "The desk ended before it answered; see whether the backup file was written, or run this command again";
            BackupRequestUnusable => "登记台无法执行这个备份请求(可能来自另一版本的 xfdesk)", "The desk cannot carry out this backup request (it may come from another version of xfdesk)";
            BackupServing => "正在按命令行的请求({})备份,请稍候……", "Backing up as the command line asked ({}); please wait…";
            BackupRequestFailed => "无法向登记台发出备份请求:{}", "Could not ask the desk for the backup: {}";
            CliBackup => "把数据库备份到一个文件(带校验和;需管理员)", "Back up the database to a file (with a checksum; administrators)";
            CliBackupOut => "备份文件", "The backup file";
            CliBackupWait => "登记台正在使用数据库时,等它接手备份请求的秒数", "While a desk holds the database, how many seconds to wait for it to take the request";
            CliRestore => "把备份文件恢复为一个新的数据库(先校验;需该备份中的管理员)", "Restore a backup as a new database (verified first; an administrator of the backup)";
            CliRestoreFile => "备份文件", "The backup file";
            Restored => "已恢复到 {}:{} 条来访、{} 件事项、{} 名操作员、{} 条操作日志(备份于 {})", "Restored to {}: {} visits, {} matters, {} operators, {} evidence log entries (backed up {})";
            RestoreNotEmpty => "{} 已有内容:恢复只写入一个新的数据库目录,请指定一个不存在或空的目录", "{} is not empty: a restore only writes a new database directory; give one that does not exist or is empty";
            RestoreRefused => "不能恢复 {}:{}", "Cannot restore {}: {}";
            BackupNotABackup => "不是 xfdesk 备份文件", "not an xfdesk backup";
            BackupNewer => "备份格式 {} 比本程序新,请升级 xfdesk", "backup format {} is newer than this xfdesk; upgrade it";
            BackupChecksum => "校验和不符,文件已损坏或不完整", "the checksum does not match: the file is damaged or incomplete";
            BackupMalformed => "文件已损坏:{}", "the file is damaged: {}";
            BackupCount => "文件头记有 {} 条记录,实有 {} 条", "the header counts {} records, the file holds {}";
            BackupWrite => "写入数据库失败:{}", "writing the database failed: {}";
            BackupIo => "{}:{}", "{}: {}";
        ] $($rest)* }
    };
}
