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
            BackupDeskRunning => "登记台正在使用数据库 {}(PID {}),命令行不能同时打开。请管理员在登记台按 Ctrl-B 备份(文件存入数据库目录下的 backups 文件夹),或先退出登记台再运行本命令", "The desk is using the database {} (PID {}), so the command line cannot open it. Back up from the desk (an administrator presses Ctrl-B; the file goes into the backups folder of the database directory), or quit the desk and run this command again";
            CliBackup => "把数据库备份到一个文件(带校验和;需管理员)", "Back up the database to a file (with a checksum; administrators)";
            CliBackupOut => "备份文件", "The backup file";
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
