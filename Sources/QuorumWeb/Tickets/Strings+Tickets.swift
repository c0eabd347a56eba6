import QuorumCore

extension S {
    static let objectionsTitle = L10n(zh: "异议", en: "Objections")
    static let openObjectionsTitle = L10n(zh: "待答复的异议", en: "Objections awaiting an answer")
    static let myObjections = L10n(zh: "我提出的异议", en: "Your objections")
    static let fileObjection = L10n(zh: "提出异议", en: "File the objection")
    static let objectionMatter = L10n(zh: "对哪一事项", en: "On which matter")
    static let objectionText = L10n(zh: "异议内容（请写明理由）", en: "Your objection, with your reasons")
    static let objectionFor = L10n(zh: "以哪一户的名义", en: "On behalf of")
    static let answerLabel = L10n(zh: "书面答复", en: "Written answer")
    static let sendAnswer = L10n(zh: "提交答复", en: "Send the answer")
    static let noObjections = L10n(zh: "暂无异议。", en: "No objections.")
    static let noOpenObjections = L10n(zh: "没有待答复的异议。", en: "No objection awaits an answer.")
    static let objectionsClosed = L10n(zh: "异议期已结束，不再受理异议。", en: "The objection period is over: no more objections are taken.")
    static let answerIsFinal = L10n(
        zh: "答复提交后不能修改，提问的业主会看到，并记入审计日志。",
        en: "An answer cannot be changed once sent: the owner who asked sees it, and it goes into the audit log.")
    static let confirmAnswer = L10n(zh: "确认提交这份书面答复？提交后不能修改。", en: "Send this written answer? It cannot be changed afterwards.")

    static func objectionExplain(until: Timestamp, days: Int) -> L10n {
        L10n(
            zh: "对初步结果有异议的，可在 \(LocalTime.deadline(until)) 前就某一事项书面提出。业委会须在 \(days) 日内书面答复，逾期未答复的转街道办；所有异议答复后才能公布最终结果。",
            en:
                "If you disagree with the preliminary result, you may object to a matter in writing until \(LocalTime.deadline(until)). The committee must answer in writing within \(days) days, or the street office takes it up; the final result waits until every objection is answered."
        )
    }

    static func objectionFiled(_ id: String) -> L10n {
        L10n(zh: "异议已提交，编号 \(id)。答复后会显示在这里。", en: "Your objection is filed, number \(id). The answer will show here.")
    }

    static func objectionsOpen(_ count: Int) -> L10n {
        L10n(zh: "\(count) 项异议待书面答复", en: count == 1 ? "1 objection awaits a written answer" : "\(count) objections await a written answer")
    }

    static func desk(_ desk: TicketDesk) -> L10n {
        switch desk {
        case .committee: L10n(zh: "业委会", en: "the owners' committee")
        case .street: L10n(zh: "街道办", en: "the street office")
        }
    }

    /// Where a ticket stands, in a line: waiting for whom and until when, overdue, or answered.
    static func standing(_ ticket: Ticket, at now: Timestamp) -> L10n {
        if let answer = ticket.answer {
            let desk = desk(answer.desk)
            return L10n(zh: "\(desk.zh)已于 \(answer.at.localMinute) 书面答复", en: "Answered in writing by \(desk.en) on \(answer.at.localMinute)")
        }
        guard let standing = ticket.standing(at: now) else { return L10n(zh: "", en: "") }
        let (desk, due) = (desk(standing.desk), LocalTime.deadline(standing.due))
        if standing.overdue { return L10n(zh: "逾期未答复（\(desk.zh)应于 \(due) 前答复）", en: "Overdue: \(desk.en) was to answer by \(due)") }
        return L10n(zh: "待\(desk.zh)于 \(due) 前答复", en: "Awaiting an answer from \(desk.en) by \(due)")
    }

    static func filedBy(_ ticket: Ticket) -> L10n {
        L10n(zh: "\(ticket.asker) 于 \(ticket.filedAt.localMinute) 提出", en: "Filed by \(ticket.asker) on \(ticket.filedAt.localMinute)")
    }

    static func say(_ error: TicketError) -> L10n {
        switch error {
        case .badText:
            L10n(
                zh: "请填写内容（不超过 \(TicketLimits.maximumCharacters) 字）",
                en: "Please write the text (at most \(TicketLimits.maximumCharacters) characters)")
        case .notInObjectionPeriod(let until):
            until.map {
                L10n(zh: "异议期已于 \(LocalTime.deadline($0)) 结束", en: "The objection period ended at \(LocalTime.deadline($0))")
            } ?? L10n(zh: "现在不受理异议：没有待定的初步结果", en: "Objections are not taken now: there is no preliminary result standing")
        case .noSuchMatter: L10n(zh: "没有这个事项", en: "There is no such matter")
        case .noSuchTicket: L10n(zh: "没有这项异议", en: "There is no such objection")
        case .alreadyAnswered: L10n(zh: "这项异议已经答复", en: "This objection has been answered already")
        case .notYourDesk(let desk):
            L10n(
                zh: "这项异议现在不由\(S.desk(desk).zh)答复", en: "This objection is not for \(S.desk(desk).en) to answer now")
        case .tooMany:
            L10n(
                zh: "您在这次表决中已有 \(TicketLimits.openPerAsker) 项异议待答复，请等待答复",
                en: "You have \(TicketLimits.openPerAsker) objections awaiting an answer in this vote already: please wait for the answers")
        case .noBallot: L10n(zh: "这些房屋还没有收到任何表决票", en: "No ballot has been received for these rooms")
        case .finalPublished:
            L10n(
                zh: "最终结果已公布，不再受理异议；业主可自知道之日起一年内请求法院撤销（民法典第二百八十条）",
                en:
                    "The final result is out and objections are no longer taken; an owner may ask a court to revoke the decision within a year (Civil Code Art. 280)"
            )
        }
    }
}

extension S {
    /// "Not you? object here" (issue 13, item 22): an owner disputes a ballot received in their name.
    enum Dispute {
        static let title = L10n(zh: "对以我名义收到的选票提出异议", en: "Dispute a ballot received in my name")
        static let link = L10n(zh: "不是您或共有人投的？在此提出异议", en: "Not you or a co-owner? Object here")
        static func received(_ rooms: String, _ at: Timestamp, _ channel: Channel) -> L10n {
            L10n(
                zh: "\(rooms) 的表决票已于 \(LocalTime.format(at)) 收到（\(channel.chinese)）。",
                en: "A ballot for \(rooms) was received at \(LocalTime.format(at)) (\(channel.rawValue)).")
        }
        static let explain = L10n(
            zh: "如果这张票不是您或共有人投的，请写明情况（例如：我没有投票、没有签名、没有把纸质票交给任何人）。业委会须在期限内书面答复，逾期转街道办；答复前不得公布最终结果。异议和答复都记入审计日志。",
            en:
                "If this ballot was not cast by you or a co-owner, say what happened (for example: I did not vote, did not sign, did not hand a paper ballot to anyone). The committee must answer in writing within the deadline, or the street office takes it; the final result waits for the answer. The objection and the answer go into the audit log."
        )
        static let text = L10n(zh: "情况说明", en: "What happened")
        static let send = L10n(zh: "提交异议", en: "Send the objection")
        static let confirm = L10n(zh: "确定提交这项异议吗？", en: "Send this objection?")
        static let mine = L10n(zh: "我提出的异议", en: "My objections")
        static let item = L10n(zh: "对以本户名义收到的选票的异议", en: "A ballot received in these rooms' name disputed")
    }
}
