import QuorumCore

extension S {
    static func say(_ error: PaperError) -> L10n {
        switch error {
        case .unknownCode: L10n(zh: "没有这个表决票编码，请核对", en: "no paper ballot has this code: check it")
        case .alreadyEnteredByYou: L10n(zh: "您已录入过这张票，须由另一位录入员再录一次", en: "you entered this ballot already: a second clerk must enter it")
        case .finished(let state):
            L10n(zh: "这张票已处理完毕（\(PaperPages.stateName(state, .zh))）", en: "this ballot is already settled (\(PaperPages.stateName(state, .en)))")
        case .notMismatch: L10n(zh: "这张票不在待核对队列中", en: "this ballot is not waiting for a resolution")
        case .resolverEnteredIt: L10n(zh: "录入过这张票的人不能裁定它", en: "who entered a ballot cannot settle it")
        case .notOpen: L10n(zh: "不在投票期内，纸质票不能录入", en: "paper ballots are entered only while the vote is open")
        case .invalid(let problems): say(problems)
        }
    }
}

/// Printing the ballots of those who have not voted, and the entry form's refusals before typing (issue 13, item 18).
extension S {
    static func printExplain(_ count: Int, voted: Int) -> L10n {
        L10n(
            zh: "共 \(count) 张，每张一页 A4，只印尚未投票的表决人（已投票的 \(voted) 位不印）。请用浏览器的打印功能。",
            en:
                "Ballots: \(count), one A4 page each, only for those who have not voted (left out, having voted: \(voted)). Use the browser's print command."
        )
    }
    static let allBuildings = L10n(zh: "全部楼栋", en: "All buildings")
    static func handBack(_ deadline: String) -> L10n {
        L10n(
            zh: "请于 \(deadline) 前交回：交给业主委员会的收票人，或投入小区的密封投票箱。逾期收到的票不计入。",
            en:
                "Hand it back by \(deadline): to the committee's collector, or into the sealed ballot box in the estate. A ballot collected later does not count."
        )
    }
    static func cannotEnter(_ why: String) -> L10n { L10n(zh: "这张票现在不能录入：\(why)", en: "This ballot cannot be entered now: \(why)") }
    static let votedOnlineAlready = L10n(
        zh: "此表决人已在网上投票：这张纸质票录入后将保留，但不计入。", en: "This voting person has voted online: once entered, this paper ballot is kept but not counted.")
}
