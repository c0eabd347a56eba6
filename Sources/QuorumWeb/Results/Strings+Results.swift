import QuorumCore

extension S {
    static func say(_ error: ResultError) -> L10n {
        switch error {
        case .notCounted: L10n(zh: "投票截止并计票后才能公布结果", en: "the result can be published once the vote has closed and been counted")
        case .alreadyPublished: L10n(zh: "结果已经公布", en: "the result is already published")
        case .objectionPeriod(let until):
            L10n(
                zh: "异议期至 \(until.localMinute) 结束，之后才能公布最终结果",
                en: "the objection period runs until \(until.localMinute): the final result comes after it")
        case .notPreliminary: L10n(zh: "须先公布初步结果", en: "publish the preliminary result first")
        case .objectionsOpen(let count):
            L10n(
                zh: "还有 \(count) 项异议未书面答复，答复后才能公布最终结果",
                en: "\(count) objection(s) still await a written answer: the final result comes after them")
        case .sealedUntilCounted(let file):
            L10n(
                zh: "\(file.rawValue) 含逐户的表决或个人信息，计票后才能导出",
                en: "\(file.rawValue) holds each flat's ballot or personal data: it can be exported once the vote is counted")
        }
    }
}

extension S {
    /// The result notice (表决结果公告, RULES.md §6), and the outcome in the owner's list.
    enum ResultNotice {
        static let title = L10n(zh: "表决结果公告", en: "Notice of the result")
        static let open = L10n(zh: "表决结果公告（可打印）", en: "Notice of the result (to print)")
        static let print = L10n(zh: "打印本公告（A4）", en: "Print this notice (A4)")
        static func committee(_ estate: String) -> L10n {
            L10n(zh: "\(estate)业主委员会", en: "The owners' committee of \(estate)")
        }
        static func organiser(_ estate: String) -> L10n {
            L10n(zh: "组织者：\(estate)业主委员会", en: "Organiser: the owners' committee of \(estate)")
        }
        static func publishedOn(_ date: String, final: Bool) -> L10n {
            final
                ? L10n(zh: "最终结果，公布日期：\(date)", en: "Final result, published on \(date)")
                : L10n(zh: "初步结果，公布日期：\(date)（异议期内可提出异议）", en: "Preliminary result, published on \(date) (open to objections)")
        }
        static func window(_ opens: String, _ closes: String) -> L10n {
            L10n(zh: "表决时间：\(opens) 至 \(closes)", en: "Voting: \(opens) to \(closes)")
        }
        static func electorate(_ heads: Int, _ area: String) -> L10n {
            L10n(zh: "全体业主：\(heads) 人，专有部分面积 \(area) m²", en: "All owners: \(heads) persons, exclusive area \(area) m²")
        }
        static let participation = L10n(zh: "参与表决", en: "Took part")
        static let approval = L10n(zh: "同意", en: "Agreed")
        static let verdict = L10n(zh: "结果", en: "Verdict")
        static func electedNames(_ names: [String]) -> L10n {
            L10n(zh: "当选：\(names.joined(separator: "、"))", en: "Elected: \(names.joined(separator: ", "))")
        }
        static let records = L10n(zh: "查阅", en: "Records")
        static func recordsText(_ estate: String) -> L10n {
            L10n(
                zh: "表决票、计票结果和审计日志由\(estate)业主委员会保存，业主可向业主委员会申请查阅（最高法司法解释第十三条），也可在本站核对下面的树头；对决定有异议的，可自知道之日起一年内请求人民法院撤销（民法典第二百八十条）。",
                en:
                    "The ballots, the count and the audit log are kept by the owners' committee of \(estate); owners may ask it to consult them (SPC interpretation Art. 13), and check the head below on this site. An owner may ask a court to revoke a decision within a year of learning of it (Civil Code Art. 280)."
            )
        }
        static let seal = L10n(zh: "（盖章）", en: "(seal)")
        static let sealDate = L10n(zh: "年　　月　　日", en: "Date:")
        /// The owner's list: one line per matter.
        static func outcome(_ verdict: Verdict) -> L10n {
            switch verdict {
            case .passed: L10n(zh: "✓ 通过", en: "✓ Passed")
            case .elected(let ids): L10n(zh: "✓ 当选 \(ids.count) 人", en: "✓ \(ids.count) elected")
            case .failed: L10n(zh: "✗ 未通过", en: "✗ Not passed")
            }
        }
        static func passedCount(_ passed: Int, of all: Int) -> L10n {
            L10n(zh: "\(all) 项事项中 \(passed) 项通过", en: "\(passed) of \(all) matters passed")
        }
    }

    /// Why a matter failed, from the core's `Shortfall`.
    static func say(_ shortfall: Shortfall) -> L10n {
        switch shortfall {
        case .participationArea: L10n(zh: "参与表决的面积不足三分之二", en: "participation below 2/3 of the area")
        case .participationHeads: L10n(zh: "参与表决的人数不足三分之二", en: "participation below 2/3 of the owners")
        case .approvalArea(.ordinary): L10n(zh: "同意的面积未过参与面积的半数", en: "agreeing area not more than half of the participating area")
        case .approvalHeads(.ordinary): L10n(zh: "同意的人数未过参与人数的半数", en: "agreeing owners not more than half of those who took part")
        case .approvalArea(.special): L10n(zh: "同意的面积不足参与面积的四分之三", en: "agreeing area below 3/4 of the participating area")
        case .approvalHeads(.special): L10n(zh: "同意的人数不足参与人数的四分之三", en: "agreeing owners below 3/4 of those who took part")
        case .noneElected: L10n(zh: "没有候选人达到当选标准", en: "no candidate reached the threshold")
        }
    }

    /// A verdict in words, with its reasons when it failed.
    static func say(_ verdict: Verdict, names: (String) -> String) -> L10n {
        switch verdict {
        case .passed: S.passed
        case .elected(let ids): ResultNotice.electedNames(ids.map(names))
        case .failed(let reasons):
            L10n(
                zh: "未通过：" + reasons.map { say($0).zh }.joined(separator: "；"),
                en: "Not passed: " + reasons.map { say($0).en }.joined(separator: "; "))
        }
    }
}
