import QuorumCore

extension S {
    /// An estate's settings (its rules of procedure decide them; issue 13, item 23).
    enum Settings {
        static let title = L10n(zh: "议事规则设置", en: "Rules of procedure settings")
        static let intro = L10n(
            zh: "这些设置由业主大会议事规则决定。每次变更都须注明依据（一次已公布最终结果的表决，或一份文件），并记入审计日志。已发布公告的表决沿用发布时的设置，不受以后变更影响。",
            en:
                "These settings are what the owners' rules of procedure decide. Each change names what decided it (a vote with a final result, or a document) and goes into the audit log. A vote whose notice is out keeps the settings it was announced with, whatever changes later."
        )
        static let inForce = L10n(zh: "现行设置", en: "In force")
        static let defaults = L10n(zh: "默认设置（尚未变更）", en: "The defaults (never changed)")
        static func revision(_ number: Int) -> L10n { L10n(zh: "第 \(number) 版", en: "Revision \(number)") }
        static let change = L10n(zh: "变更设置", en: "Change the settings")
        static let basis = L10n(zh: "变更依据", en: "What decided the change")
        static let byVote = L10n(zh: "一次已公布最终结果的表决", en: "A vote with a final result")
        static let byDocument = L10n(zh: "一份文件（如议事规则文本，PDF 或图片）", en: "A document (such as the rules as adopted, a PDF or an image)")
        static let whichVote = L10n(zh: "哪一次表决", en: "Which vote")
        static let whichDocument = L10n(zh: "文件", en: "The document")
        static let noFinalVotes = L10n(zh: "本小区还没有公布最终结果的表决。", en: "No vote of this estate has a final result yet.")
        static let save = L10n(zh: "保存变更", en: "Save the change")
        static let confirm = L10n(
            zh: "确定变更设置吗？变更将记入审计日志，不能撤回（只能再次变更）。",
            en: "Change the settings? The change goes into the audit log and cannot be undone, only changed again.")
        static let saved = L10n(zh: "设置已变更，已记入审计日志。", en: "The settings were changed and logged.")
        static let history = L10n(zh: "变更记录", en: "History")
        static let noHistory = L10n(zh: "尚无变更记录。", en: "No change yet.")
        static let when = L10n(zh: "时间", en: "When")
        static let who = L10n(zh: "记录人", en: "Recorded by")
        static let decidedBy = L10n(zh: "依据", en: "Decided by")
        static let what = L10n(zh: "变更内容", en: "What changed")
        static let system = L10n(zh: "系统", en: "the system")
        static let none = L10n(zh: "不限", en: "no cap")
        static let yes = L10n(zh: "是", en: "yes")
        static let no = L10n(zh: "否", en: "no")
        static func days(_ days: Int) -> L10n { L10n(zh: "\(days) 天", en: days == 1 ? "1 day" : "\(days) days") }
        static func persons(_ count: Int) -> L10n { L10n(zh: "\(count) 户", en: "\(count) voting persons") }
        static func announcedWith(_ revision: Int) -> L10n {
            revision == 0
                ? L10n(zh: "采用默认设置", en: "with the default settings")
                : L10n(zh: "采用第 \(revision) 版议事规则设置", en: "with revision \(revision) of the estate's settings")
        }
        static let appliesAtNotice = L10n(
            zh: "以下设置来自本小区的议事规则设置，发布公告时采用当时的设置：",
            en: "These come from the estate's settings; the vote takes them as they are when its notice is published:")

        static func label(_ key: EstateSettings.Key) -> L10n {
            switch key {
            case .objectionDays: L10n(zh: "结果异议期（天）", en: "Objection period for the result (days)")
            case .answerDays: L10n(zh: "答复异议的期限（天，逾期转街道办）", en: "Days to answer an objection (then the street office)")
            case .countingDays: L10n(zh: "截止后纸质票录入期（天）", en: "Days after the deadline for entering paper ballots")
            case .ballotChange: L10n(zh: "允许业主在截止前修改网上投票", en: "Owners may change an online ballot before the deadline")
            case .silentMajority: L10n(zh: "沉默从众（已送达未投票的计入多数意见）", en: "Silent majority (delivered non-voters join the majority)")
            case .proxyCap: L10n(zh: "一名受托人最多代理（户，留空为不限）", en: "Most voting persons one proxy may hold (empty: no cap)")
            }
        }

        /// A setting's value as a person reads it.
        static func value(_ key: EstateSettings.Key, _ settings: EstateSettings) -> L10n {
            switch key {
            case .objectionDays, .answerDays, .countingDays: days(settings[key] ?? 0)
            case .ballotChange, .silentMajority: settings[key] == 1 ? yes : no
            case .proxyCap: settings.proxyCap.map(persons) ?? none
            }
        }

        /// One line of every setting: the set-up form and a vote's overview show it.
        static func summary(_ settings: EstateSettings, _ lang: Lang) -> String {
            EstateSettings.Key.allCases.map { "\(short($0)(lang))\(lang.colon)\(value($0, settings)(lang))" }.joined(separator: lang.dot)
        }

        static func short(_ key: EstateSettings.Key) -> L10n {
            switch key {
            case .objectionDays: L10n(zh: "异议期", en: "Objection period")
            case .answerDays: L10n(zh: "答复异议期限", en: "Answer an objection within")
            case .countingDays: L10n(zh: "截止后纸质票录入期", en: "Paper entry after the deadline")
            case .ballotChange: L10n(zh: "可修改网上投票", en: "Online ballot may be changed")
            case .silentMajority: L10n(zh: "沉默从众", en: "Silent majority")
            case .proxyCap: L10n(zh: "一名受托人最多代理", en: "Most persons one proxy holds")
            }
        }

        static func say(_ error: SettingsError) -> L10n {
            switch error {
            case .outOfRange(let key, let range):
                L10n(
                    zh: "“\(label(key).zh)”须在 \(range.lowerBound) 到 \(range.upperBound) 之间",
                    en: "\"\(label(key).en)\" must be from \(range.lowerBound) to \(range.upperBound)")
            case .unchanged: L10n(zh: "没有任何设置被改动。", en: "Nothing was changed.")
            case .basisMissing: L10n(zh: "请注明变更依据：选择一次表决，或上传一份文件。", en: "Say what decided the change: choose a vote, or upload a document.")
            case .basisNotFinal:
                L10n(zh: "所选表决不是本小区已公布最终结果的表决。", en: "The vote chosen is not one of this estate's with a final result.")
            }
        }
    }
}
