import QuorumCore

extension S {
    static func say(_ error: ListError) -> L10n {
        switch error {
        case .notYet(let from): L10n(zh: "此名单自 \(from.localMinute) 起才能查看", en: "this list is available from \(from.localMinute)")
        case .closed: L10n(zh: "投票已截止", en: "the vote has closed")
        }
    }
}
