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
        case .tooFewClerks(let named):
            L10n(
                zh: "发布公告前须指定至少 2 名计票人（现有 \(named) 名）：两名计票人须是两个人",
                en: "name at least 2 clerks before the notice (\(named) named): two clerks are two people")
        case .notEligible(let duty):
            L10n(
                zh: "不能指定此账户为\(S.Clerks.duty(duty).zh)（角色或小区不符、已停用，或已担任另一职责）",
                en:
                    "this account cannot be named among the \(S.Clerks.duty(duty).en.lowercased()) (another role or estate, disabled, or named for the other duty)"
            )
        case .notServing: L10n(zh: "被替换的人不在名单上", en: "whoever is replaced is not named for the vote")
        case .noReason: L10n(zh: "请写明替换原因（不超过 500 字）", en: "write the reason for the replacement (at most 500 characters)")
        case .counted: L10n(zh: "表决已计票，名单不能再改", en: "the vote is counted: the names cannot change")
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
        error.location + ": " + (error.field.map { "\($0): " } ?? "")
    }
}

/// The confirmations of mass actions and the reminders' preview and history (issue 13, item 11).
extension S {
    static func confirmNotice(_ title: String) -> L10n {
        L10n(
            zh: "发布《\(title)》的公告？发布后表决事项和附件不能再修改，表决人名单即时确定，全体业主都能看到。此操作不能撤销。",
            en:
                "Publish the notice of \"\(title)\"? Its matters and documents are then frozen, the voters fixed, and every owner can read it. This cannot be undone."
        )
    }
    static func confirmPosting(_ count: Int) -> L10n {
        L10n(
            zh: "记录公告张贴？尚无送达记录的 \(count) 位表决人将记为“公告送达”。此操作不能撤销。",
            en:
                "Record the public posting? The voting persons without a delivery record (\(count)) will be marked as covered by it. This cannot be undone."
        )
    }
    static func confirmReminders(_ count: Int) -> L10n {
        L10n(zh: "现在向 \(count) 个手机号发送提醒短信？", en: "Send the reminder now? Phones to text: \(count).")
    }
    static func confirmPreliminary(_ days: Int) -> L10n {
        L10n(
            zh: "公布初步结果？全体业主将看到结果，\(days) 天异议期随即开始。公布后不能撤回。",
            en: "Publish the preliminary result? Every owner will see it and the \(days)-day objection period starts. It cannot be withdrawn.")
    }
    static let confirmFinal = L10n(
        zh: "公布最终结果？公布后结果不再变更。", en: "Publish the final result? It cannot change afterwards.")
    static let confirmSpoiled = L10n(
        zh: "把这张选票整张记为废票？它计入参与表决，但所有事项都不计同意。", en: "Record this whole ballot as spoiled? It counts as taking part, but as agreeing to nothing.")
    static func reminderPreview(_ count: Int) -> L10n {
        L10n(
            zh: "将向尚未投票的表决人的 \(count) 个手机号发送以下短信（不含已投票者和未留手机号者）：",
            en: "Phones to text: \(count), of owners who have not voted (none to those who voted or left no phone). The text:")
    }
    static func reminderRound(_ round: ReminderRound, by name: String) -> L10n {
        L10n(
            zh: "\(round.time.localMinute) 由 \(name) 发送 \(round.count) 条", en: "\(round.time.localMinute): sent by \(name), texts: \(round.count)")
    }
    static let earlierRounds = L10n(zh: "发送记录", en: "Sent before")
    static let sendAgain = L10n(zh: "我确认要再次发送", en: "Yes, send it again")

    static func say(_ error: ReminderError) -> L10n {
        switch error {
        case .closed: L10n(zh: "投票未在进行中，不能发送提醒", en: "the vote is not open: no reminders can be sent")
        case .sentRecently(let last):
            L10n(
                zh: "\(last.time.localMinute) 刚发送过 \(last.count) 条提醒；\(ReminderRule.quietUntil(last).localMinute) 前再次发送须勾选确认。",
                en:
                    "A round of reminders (\(last.count)) went out at \(last.time.localMinute): to send again before \(ReminderRule.quietUntil(last).localMinute), tick the box to confirm."
            )
        }
    }
}
