import QuorumCore

extension S {
    static func say(_ error: PaperError) -> L10n {
        switch error {
        case .unknownCode: L10n(zh: "没有这个表决票编码，请核对", en: "no paper ballot has this code: check it")
        case .notNamedClerk: S.Clerks.notNamed
        case .alreadyEnteredByYou: L10n(zh: "您已录入过这张票，须由另一位录入员再录一次", en: "you entered this ballot already: a second clerk must enter it")
        case .finished(let state):
            L10n(zh: "这张票已处理完毕（\(PaperPages.stateName(state, .zh))）", en: "this ballot is already settled (\(PaperPages.stateName(state, .en)))")
        case .notMismatch: L10n(zh: "这张票不在待核对队列中", en: "this ballot is not waiting for a resolution")
        case .resolverEnteredIt: L10n(zh: "录入过这张票的人不能裁定它", en: "who entered a ballot cannot settle it")
        case .notOpen:
            L10n(
                zh: "纸质票自投票开始起录入，截止后可继续录入至宣布录入完成（最长计票期内）",
                en: "paper ballots are entered from the opening until the entry is declared complete, within the counting period")
        case .invalid(let problems): say(problems)
        case .noCollection: L10n(zh: "请填写收票记录：收票人或票箱，以及时间", en: "fill in the collection record: the collector or the box, and when")
        case .collectedBeforeOpening(let at):
            L10n(zh: "收票时间早于投票开始（\(at.localMinute)）", en: "collected before the vote opened (\(at.localMinute))")
        case .collectedLate(let deadline):
            L10n(
                zh: "这张票在截止时间（\(deadline.localMinute)）之后收到，不计入", en: "collected after the deadline (\(deadline.localMinute)): it does not count")
        case .collectedInFuture: L10n(zh: "收票时间不能晚于现在", en: "the collection time cannot be later than now")
        case .stillCollecting(let until):
            L10n(
                zh: "投票截止（\(until.localMinute)）前还在收票，不能宣布录入完成",
                en: "ballots are collected until the deadline (\(until.localMinute)): the entry cannot be declared complete before it")
        case .entryComplete: L10n(zh: "纸质票录入已宣布完成，不能再录入", en: "the paper entry was declared complete: no more ballots can be entered")
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

/// The collection record and the signature on the entry form, and the end of the paper entry
/// (issue 13, item 14; RULES.md §3).
extension S {
    static let collectionRecord = L10n(zh: "收票记录", en: "Collection record")
    static let collectedByHand = L10n(zh: "由收票人收取", en: "Handed to a collector")
    static let collectedFromBox = L10n(zh: "来自密封票箱（时间为封箱时间）", en: "From a sealed box (the time it was sealed)")
    static let collectedBy = L10n(zh: "收票人姓名或票箱编号", en: "The collector's name or the box's label")
    static let collectedAt = L10n(zh: "收票（封箱）时间", en: "Collected (or sealed) at")
    static let signedQuestion = L10n(zh: "业主是否亲笔签名？", en: "Did the owner sign it?")
    static let signedYes = L10n(zh: "已签名", en: "Signed")
    static let signedNo = L10n(zh: "未签名（整张废票）", en: "Not signed (the whole ballot is spoiled)")
    static func paperEntryRuns(_ until: String) -> L10n {
        L10n(
            zh: "投票已截止。截止前收到的纸质票仍可录入，至宣布录入完成为止，最迟 \(until)；之后计票。",
            en:
                "Voting has closed. Paper ballots collected before the deadline can still be entered until the entry is declared complete, \(until) at the latest; then the vote is counted."
        )
    }
    static let receiptSetAside = L10n(
        zh: "这张网上投票已收到，但不计入：您的纸质票收票时间更早，按先收到的计票（民法典第137条）。如纸质票不是您填写的，请向业委会或街道办提出。",
        en:
            "This online ballot was received but does not count: your paper ballot was collected earlier, and the first received counts (Civil Code Art. 137). If you did not fill in that paper ballot, tell the committee or the street office."
    )
    static let declareComplete = L10n(zh: "宣布纸质票录入完成并计票", en: "Declare the paper entry complete and count")
    static let confirmComplete = L10n(
        zh: "宣布纸质票录入完成？之后不能再录入任何纸质票，随即计票。应在监票人在场时公开进行。",
        en:
            "Declare the paper entry complete? No paper ballot can be entered after it, and the vote is counted at once. Do it in public, with the scrutineers."
    )
}

/// The mismatch page: where the two entries differ, what settling did; the clerk's own
/// ballots waiting on a mismatch (issue 13, item 20).
extension S {
    static func differIn(_ fields: String) -> L10n { L10n(zh: "两次录入在这些地方不同：\(fields)", en: "The two entries differ in: \(fields)") }
    static let differs = L10n(zh: "不同", en: "differs")
    static let entriesDifferHere = L10n(zh: "两次录入在这里不同，请按原票填写。", en: "The two entries differ here: fill it in as on the paper.")
    static let collectionKind = L10n(zh: "收票方式", en: "How collected")
    static let collectorOrBox = L10n(zh: "收票人或票箱", en: "Collector or box")
    static let collectedAtShort = L10n(zh: "收票时间", en: "Collected at")
    static let handedOver = L10n(zh: "交给收票人", en: "Handed to a collector")
    static let sealedBox = L10n(zh: "密封票箱", en: "A sealed box")
    static func settled(_ ballot: String, counted: Bool, at: String, agrees: Int?) -> L10n {
        let zhAgrees = agrees.map { "，与第 \($0) 次录入一致" } ?? "，与两次录入都不同"
        let enAgrees = agrees.map { "; it agrees with entry \($0)" } ?? "; it agrees with neither entry"
        return counted
            ? L10n(
                zh: "已裁定 \(ballot)：按您读出的内容计入，收票时间 \(at)\(zhAgrees)。",
                en: "Settled \(ballot): it counts as you read it, collected at \(at)\(enAgrees).")
            : L10n(
                zh: "已裁定 \(ballot)：这张纸质票留存但不计入，此表决人的网上投票收到得更早\(zhAgrees)。",
                en: "Settled \(ballot): the paper ballot is kept but does not count, as this person's online ballot was received earlier\(enAgrees).")
    }
    static let yoursWaiting = L10n(zh: "您录入过、正待核对的票", en: "Your entries waiting to be settled")
    static let yoursWaitingExplain = L10n(
        zh: "这些票的两次录入不一致，正等待未录入过的人对照原票核对。列出的是不同之处。",
        en: "The two entries of these ballots differ: someone who entered neither settles each from the paper. Listed: where they differ.")
}
