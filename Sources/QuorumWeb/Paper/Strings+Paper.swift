import QuorumCore

extension S {
    static func say(_ error: PaperError) -> L10n {
        switch error {
        case .unknownCode: L10n(zh: "没有这个表决票编码，请核对", en: "no paper ballot has this code: check it")
        case .alreadyEnteredByYou: L10n(zh: "您已录入过这张票，须由另一位录入员再录一次", en: "you entered this ballot already: a second clerk must enter it")
        case .finished(let state): L10n(zh: "这张票已处理完毕（\(state.rawValue)）", en: "this ballot is already settled (\(state.rawValue))")
        case .notMismatch: L10n(zh: "这张票不在待核对队列中", en: "this ballot is not waiting for a resolution")
        case .resolverEnteredIt: L10n(zh: "录入过这张票的人不能裁定它", en: "who entered a ballot cannot settle it")
        case .notOpen: L10n(zh: "不在投票期内，纸质票不能录入", en: "paper ballots are entered only while the vote is open")
        case .invalid(let problems): say(problems)
        }
    }
}
