import QuorumCore
import Testing

@testable import QuorumWeb

/// Errors carry no words; the strings table says them, every problem in each language (the
/// old " / " split showed only the first problem in Chinese and only the last in English).
@Suite struct ErrorWordsTests {
    static let problems: [BallotProblem] = [.unanswered(matter: "甲"), .unknownMatter("x")]

    @Test func everyProblemIsSaidInEachLanguage() {
        for said in [S.say(PaperError.invalid(Self.problems)), S.say(CastError.invalid(Self.problems))] {
            #expect(said(.zh) == "“甲”还没有选择; 本次表决没有这个事项")
            #expect(said(.en) == "\"甲\" has no choice yet; this vote has no matter \"x\"")
        }
    }

    @Test func aRoleNameWithASlashStaysWhole() {
        let said = S.say(StaffError.divisionRequired(.committee))
        #expect(said(.zh) == "业主委员会/筹备组账户必须指定所属区域")
        #expect(said(.en) == "a owners' committee / preparatory group account needs the division it covers")
    }
}
