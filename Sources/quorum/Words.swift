import QuorumCore
import QuorumStore

/// The command line's own words for the errors it reports, one bilingual line each
/// (`中文 / English`): an operator's terminal shows both languages at once, unlike a page,
/// so the CLI keeps this small table rather than the web's one-language strings.
enum Words {
    static func say(_ error: StaffError) -> String {
        switch error {
        case .badCredentials: "用户名或密码不正确 / wrong user name or password"
        case .tooManyAttempts(let until):
            "密码错误次数过多，请于 \(until.localMinute) 后再试 / too many wrong passwords: try again after \(until.localMinute)"
        case .usernameTaken(let name): "用户名“\(name)”已被使用 / the user name “\(name)” is taken"
        case .weakPassword: "密码至少 10 个字符 / the password needs at least 10 characters"
        case .divisionRequired(let role): "\(role.rawValue) 账户必须指定所属区域 / a \(role.rawValue) account needs the division it covers"
        case .noSuchDivision: "没有这个区域 / no such division"
        case .outOfScope(let role): "不能创建或管理此账户 / may not open or manage this \(role.rawValue) account"
        case .committeeHasMembers: "该小区的业委会已有成员账户 / the estate's committee has members"
        case .disabled: "该账户已停用 / this account is disabled"
        case .noSuchAccount: "没有这个账户 / no such account"
        case .nameRequired: "请填写姓名 / the name is required"
        }
    }

    static func say(_ error: KeyFileError) -> String {
        switch error {
        case .unreadable(let path): "无法读取或写入密钥文件 / cannot read or write the key file: \(path)"
        case .malformed(let path):
            "密钥文件应含 QUORUM_SECRET=… 和 QUORUM_LOG_KEY=… 两行 / the key file needs a QUORUM_SECRET=… and a QUORUM_LOG_KEY=… line: \(path)"
        case .exposed(let path, let mode):
            "密钥文件可被他人读取（权限 \(String(mode, radix: 8))），请执行 chmod 600 / others may read the key file "
                + "(mode \(String(mode, radix: 8))): chmod 600 \(path)"
        case .lost(let path):
            "数据库已在使用，但找不到它的密钥，请放回密钥文件 / the database is in use but its keys are nowhere: put its key file back at \(path) "
                + "(or set QUORUM_SECRET and QUORUM_LOG_KEY)"
        case .required:
            "PostgreSQL 须给出密钥：--key-file、QUORUM_KEY_FILE，或 QUORUM_SECRET 与 QUORUM_LOG_KEY / PostgreSQL needs the keys, "
                + "the same for every instance: --key-file, QUORUM_KEY_FILE, or QUORUM_SECRET and QUORUM_LOG_KEY"
        }
    }

    static func say(_ error: StoreError) -> String {
        switch error {
        case .noKeys: "没有给出密钥 / no keys were given (--key-file, or QUORUM_SECRET and QUORUM_LOG_KEY)"
        case .notMigrated: "数据库尚未初始化，请先运行 quorum migrate / the database is not set up: run `quorum migrate` first"
        case .secretMismatch:
            "QUORUM_SECRET 与数据库中已有数据所用的密钥不同 / QUORUM_SECRET differs from the secret the stored "
                + "ID numbers were hashed with: set the original secret"
        case .ambiguousDivision(let level, let name, let matches):
            "有 \(matches) 个名为“\(name)”的\(level.chinese)，请同时给出上级（如 --street）/ \(matches) divisions of "
                + "level \(level.rawValue) are named \"\(name)\": name a higher level too (e.g. --street)"
        case .estateNotFound(let path): "没有小区“\(path)” / no estate \"\(path)\""
        case .estateNameMissing: "小区名称为空 / the estate's name is empty"
        case .unknownMigrations(let ids):
            "数据库由较新版本的 Quorum 创建 / the database was migrated by a newer Quorum: \(ids.joined(separator: ", "))"
        case .corrupt(let what): "数据库中有无法读取的数据 / the database holds a value this program cannot read: \(what)"
        }
    }

    static func say(_ error: AuditLogError) -> String {
        switch error {
        case .badLogKey: "QUORUM_LOG_KEY 不是 32 字节 Ed25519 私钥的 base64 / QUORUM_LOG_KEY is not the base64 of a 32-byte Ed25519 key"
        case .logKeyMismatch:
            "QUORUM_LOG_KEY 与已签名日志所用的密钥不同 / QUORUM_LOG_KEY is not the key the log was signed with: set the original key"
        case .outOfRange: "日志中没有这个序号或大小 / the log has no such index or size"
        case .emptyLog: "日志还没有条目 / the log has no entry yet"
        }
    }

    static func say(_ error: BackupError) -> String {
        switch error {
        case .notSQLite:
            "PostgreSQL 请用 pg_dump / pg_restore 备份与恢复（见 docs/PERFORMANCE.md）/ back PostgreSQL up with pg_dump and pg_restore (docs/PERFORMANCE.md)"
        case .exists(let path): "文件已存在 / the file exists: \(path)"
        case .damaged(let report): "数据库文件已损坏 / the database file is damaged: \(report)"
        }
    }

    static func say(_ error: DatabaseURL.Invalid) -> String {
        "不是可用的数据库地址 / not a database URL: \"\(error.text)\" "
            + "(expected sqlite:///path/to/file.sqlite or postgres://user:password@host:port/database)"
    }

    /// Every listed error on its line, then what was not listed and that nothing changed.
    static func say(_ rejected: RegisterRejected) -> String {
        var lines = rejected.errors.map(\.description)
        let unlisted = rejected.total - rejected.errors.count
        if unlisted > 0 { lines.append("… 另有 \(unlisted) 处错误未列出 / and \(unlisted) more errors not listed") }
        lines.append("共 \(rejected.total) 处错误，登记册未导入，数据库未改动。/ \(rejected.total) error(s): nothing was imported.")
        return lines.joined(separator: "\n")
    }
}
