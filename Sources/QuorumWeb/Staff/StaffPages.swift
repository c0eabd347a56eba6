import Hummingbird
import QuorumCore

/// What the organisers' pages share: a vote's phase in words, and the refusals.
enum StaffPages {
    static func phaseName(_ phase: VotePhase, _ lang: Lang) -> String {
        switch phase {
        case .draft: S.phaseDraft(lang)
        case .noticed: S.phaseNoticed(lang)
        case .open: S.open(lang)
        case .closed: S.closed(lang)
        case .counted: S.phaseCounted(lang)
        case .preliminary: S.phasePreliminary(lang)
        case .final: S.phaseFinal(lang)
        }
    }

    static func notFound(_ chrome: PageChrome) -> Response { Layout.refuse(.notFound, S.notFound, S.notFound, chrome: chrome, back: .manage) }

    static func forbidden(_ chrome: PageChrome) -> Response { Layout.refuse(.forbidden, S.staffArea, S.noAccess, chrome: chrome, back: .manage) }
}
