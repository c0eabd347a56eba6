import QuorumCore
import QuorumStore

extension S {
    static func say(_ problem: BallotProblem) -> L10n {
        switch problem {
        case .unanswered(let matter): L10n(zh: "“\(matter)”还没有选择", en: "\"\(matter)\" has no choice yet")
        case .tooManyCandidates(let matter, let seats): L10n(zh: "“\(matter)”最多选 \(seats) 人", en: "choose at most \(seats) for \"\(matter)\"")
        case .unknownCandidate(let matter, let candidate):
            L10n(zh: "“\(matter)”中有不在名单上的候选人", en: "\"\(candidate)\" is not a candidate of \"\(matter)\"")
        case .candidateChosenTwice(let matter, let candidate):
            L10n(zh: "“\(matter)”中同一候选人选了两次", en: "\"\(candidate)\" is chosen twice in \"\(matter)\"")
        case .notAnOnlineOption(let matter): L10n(zh: "“\(matter)”请选择同意、反对或弃权", en: "choose agree, oppose or abstain for \"\(matter)\"")
        case .unknownMatter(let id): L10n(zh: "本次表决没有这个事项", en: "this vote has no matter \"\(id)\"")
        }
    }

    /// Every problem of a ballot, each in the page's language.
    static func say(_ problems: [BallotProblem]) -> L10n {
        L10n(zh: problems.map { say($0).zh }.joined(separator: "; "), en: problems.map { say($0).en }.joined(separator: "; "))
    }

    static func say(_ error: CastError) -> L10n {
        switch error {
        case .notOpenYet: L10n(zh: "投票尚未开始", en: "voting has not opened yet")
        case .closed: L10n(zh: "投票已截止，此票未被接收", en: "voting has closed; this ballot was not accepted")
        case .alreadyVoted:
            L10n(zh: "这些房屋已经投过票，每人只有一次有效投票", en: "these rooms have already voted; there is one effective ballot per person")
        case .notYourBallot: L10n(zh: "您不是这些房屋的业主", en: "you are not an owner of these rooms")
        case .invalid(let problems): say(problems)
        case .noSuchVote: L10n(zh: "没有这次表决", en: "no such vote")
        case .paperCameFirst(let at):
            L10n(
                zh: "这些房屋的纸质表决票已于 \(at.localMinute) 收到并计入；本次网上投票已记录但不计入，组织方会看到这一冲突",
                en: "a paper ballot for these rooms was received first (\(at.localMinute)) and counts; this online ballot is recorded "
                    + "but not counted, and the organisers see the conflict")
        }
    }
}

/// Each ballot received in an owner's name, as their list shows it (issue 13, items 20 and 22).
extension S {
    static func ballotReceived(_ voter: VoterView, at: Timestamp) -> L10n {
        let time = LocalTime.format(at)
        if let coOwner = voter.coOwner {
            return L10n(zh: "已由共有人 \(coOwner) 于 \(time) 网上投票", en: "Voted online by the co-owner \(coOwner) at \(time)")
        }
        return voter.channel == .paper
            ? L10n(zh: "已于 \(time) 收到纸质票", en: "A paper ballot was received at \(time)")
            : L10n(zh: "已于 \(time) 网上投票", en: "Voted online at \(time)")
    }
    static let notYou = L10n(
        zh: "每张以您房屋名义收到的票都会短信通知您。",
        en: "You get a text for every ballot received in your rooms' name.")
}

extension S {
    /// A typed signature that is not the signed-in owner's registered name (issue 13, item 20).
    static func notYourName(_ name: String) -> L10n {
        L10n(
            zh: "签名须为您在业主名册上登记的姓名（\(name)），未投票；请输入该姓名或手写签名",
            en: "The signature must be your name as the register has it (\(name)); nothing was cast. Type that name or draw your signature")
    }
}
