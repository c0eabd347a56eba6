import QuorumCore

/// The words of a vote's clerks (计票人) and scrutineers (监票人) (issue 13).
extension S {
    enum Clerks {
        static let title = L10n(zh: "计票人与监票人", en: "Clerks and scrutineers")
        static func duty(_ duty: VoteDuty) -> L10n {
            switch duty {
            case .clerk: L10n(zh: "计票人", en: "Clerks")
            case .scrutineer: L10n(zh: "监票人", en: "Scrutineers")
            }
        }
        static let nobody = L10n(zh: "尚未指定", en: "none named yet")
        static func replaced(_ old: String, by new: String, on date: String, reason: String) -> L10n {
            L10n(zh: "\(date) 由 \(new) 替换 \(old)：\(reason)", en: "replaced \(old) by \(new) on \(date): \(reason)")
        }
        static let intro = L10n(
            zh: "业委会在发布公告前指定本次表决的计票人（录入员，至少两人）和监票人；只有计票人可以录入纸质票。",
            en: "The committee names the vote's clerks (at least two) and scrutineers before the notice; only the clerks enter paper ballots.")
        static let save = L10n(zh: "保存名单", en: "Save the names")
        static let replaceTitle = L10n(zh: "替换计票人或监票人", en: "Replace a clerk or scrutineer")
        static let replaceIntro = L10n(
            zh: "公告发布后只能替换（如因病），须写明原因；替换记入审计日志并在公告页显示。",
            en: "After the notice one can only be replaced (if ill, say), with a written reason, logged and shown on the notice.")
        static let whoLeaves = L10n(zh: "被替换的人", en: "Who is replaced")
        static let whoComes = L10n(zh: "替换为", en: "Replaced by")
        static let reason = L10n(zh: "原因", en: "Reason")
        static let replace = L10n(zh: "替换", en: "Replace")
        static let notNamed = L10n(zh: "您不是本次表决指定的计票人，不能录入纸质票", en: "you are not a named clerk of this vote: you cannot enter its paper ballots")
        static let noneEligible = L10n(zh: "本小区还没有可指定的账户", en: "The estate has no account to name yet")
    }
}
