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
