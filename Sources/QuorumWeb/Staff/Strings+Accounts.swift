import QuorumCore

/// The words of managing staff accounts and of one's own password (issue 13).
extension S {
    enum Account {
        static let title = L10n(zh: "账户", en: "Account")
        static let disabled = L10n(zh: "已停用", en: "disabled")
        static let active = L10n(zh: "正常", en: "active")
        static let status = L10n(zh: "状态", en: "Status")
        static let mustChange = L10n(zh: "下次登录须修改密码", en: "must change the password at the next sign-in")
        static let rename = L10n(zh: "修改姓名或单位", en: "Change the name")
        static let disable = L10n(zh: "停用账户", en: "Disable the account")
        static let enable = L10n(zh: "恢复账户", en: "Enable the account")
        static let confirmDisable = L10n(zh: "停用后该账户无法登录，已登录的会话立即结束。", en: "A disabled account cannot sign in; its sessions end at once.")
        static let reset = L10n(zh: "重置密码", en: "Reset the password")
        static let resetIntro = L10n(
            zh: "设置一个临时密码并当面交给本人；本人下次登录时必须先设置新密码。",
            en: "Set a temporary password and hand it over in person; they must set a new one when they next sign in.")
        static let temporary = L10n(zh: "临时密码（至少 10 个字符）", en: "Temporary password (at least 10 characters)")
        static let done = L10n(zh: "已保存", en: "Saved")
        static let passwordTitle = L10n(zh: "修改密码", en: "Change your password")
        static let passwordForced = L10n(
            zh: "您的密码已被重置。请先设置新密码，才能使用其他页面。", en: "Your password was reset. Set a new one before any other page.")
        static let current = L10n(zh: "当前密码", en: "Current password")
        static let temporaryCurrent = L10n(zh: "收到的临时密码", en: "The temporary password you were given")
        static let new = L10n(zh: "新密码（至少 10 个字符，不同于当前密码）", en: "New password (at least 10 characters, not the current one)")
        static let save = L10n(zh: "保存新密码", en: "Save the new password")
        static let changed = L10n(zh: "密码已修改", en: "Your password was changed")
    }
}
