import QuorumCore

extension S {
    static func say(_ error: ListError) -> L10n {
        switch error {
        case .notYet(let from): L10n(zh: "此名单自 \(from.localMinute) 起才能查看", en: "this list is available from \(from.localMinute)")
        case .closed: L10n(zh: "投票已截止", en: "the vote has closed")
        }
    }
}

extension S {
    static func say(_ error: SetupError) -> L10n {
        switch error {
        case .notDraft: L10n(zh: "公告已发布，表决事项不能再修改", en: "the notice is published: the matters can no longer change")
        case .noticeTooShort(let earliest):
            L10n(
                zh: "公告须在投票开始前至少 15 日发布：按现在发布，最早可于 \(earliest.localMinute) 开始",
                en: "the notice must stand 15 full days: published now, the vote can open at \(earliest.localMinute) at the earliest")
        case .windowInvalid: L10n(zh: "投票截止时间必须晚于开始时间", en: "the vote must close after it opens")
        case .definition(let errors):
            L10n(
                zh: errors.map { place($0) + $0.problem.chinese }.joined(separator: "; "),
                en: errors.map { place($0) + $0.problem.english }.joined(separator: "; "))
        case .noMatters: L10n(zh: "至少需要一个表决事项", en: "a vote needs at least one matter")
        case .noRegister: L10n(zh: "本小区尚未导入业主名册", en: "the estate has no register yet")
        }
    }

    static func say(_ error: DocumentError) -> L10n {
        switch error {
        case .tooLarge(let limit): L10n(zh: "文件不能超过 \(limit / 1_048_576) MB", en: "a document may not exceed \(limit / 1_048_576) MB")
        case .unknownType: L10n(zh: "只接受 PDF、PNG 或 JPEG 文件", en: "only PDF, PNG or JPEG documents are accepted")
        case .tooMany(let limit): L10n(zh: "每次表决最多 \(limit) 个文件", en: "at most \(limit) documents per vote")
        }
    }

    /// `matters.json:3: matters[1].seats: `, where an input error is.
    private static func place(_ error: InputError) -> String {
        error.file + (error.line.map { ":\($0)" } ?? "") + ": " + (error.field.map { "\($0): " } ?? "")
    }
}
