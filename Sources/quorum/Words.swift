import QuorumCore

/// The command line's own words for the errors it reports, one bilingual line each
/// (`中文 / English`): an operator's terminal shows both languages at once, unlike a page,
/// so the CLI keeps this small table rather than the web's one-language strings.
enum Words {
    static func say(_ error: StaffError) -> String {
        switch error {
        case .badCredentials: "用户名或密码不正确 / wrong user name or password"
        case .locked(let minutes): "密码错误次数过多，账户已锁定 \(minutes) 分钟 / too many wrong passwords: the account is locked for \(minutes) minutes"
        case .usernameTaken(let name): "用户名“\(name)”已被使用 / the user name “\(name)” is taken"
        case .weakPassword: "密码至少 10 个字符 / the password needs at least 10 characters"
        case .divisionRequired(let role): "\(role.rawValue) 账户必须指定所属区域 / a \(role.rawValue) account needs the division it covers"
        case .noSuchDivision: "没有这个区域 / no such division"
        }
    }

    static func unsignedTail(_ file: String, entries: Int) -> String {
        "\(file): 最后 \(entries) 条未被任何签名树头覆盖，无法证明它们未被改动（确需接受请加 --allow-unsigned-tail） / "
            + "the last \(entries) entries are under no signed head, so nothing proves them (pass --allow-unsigned-tail to accept them)"
    }
}
