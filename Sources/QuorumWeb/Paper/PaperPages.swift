import Plot
import QuorumCore
import QuorumStore

/// What the paper pages share: the marks a clerk enters, and the words of an entry's outcome.
enum PaperPages {
    /// Radio buttons per resolution (同意/反对/弃权/废), checkboxes per election plus "spoiled".
    static func marks(_ vote: VoteDefinition, _ lang: Lang) -> Component {
        ComponentGroup {
            for matter in vote.matters {
                FieldSet {
                    Legend(matter.title)
                    switch matter.kind {
                    case .resolution:
                        for (option, text) in [
                            (Choice.agree, S.agree(lang)), (.oppose, S.oppose(lang)), (.abstain, S.abstain(lang)), (.invalid, S.markSpoiled(lang)),
                        ] {
                            Label(text) {
                                Input(type: .radio, name: "m.\(matter.id)", value: option.rawValue, isRequired: true).id(
                                    "m-\(matter.id)-\(option.rawValue)")
                            }
                            .class("choice")
                        }
                    case .election(let seats, let candidates):
                        Paragraph(S.electionMatter(seats)(lang)).class("meta")
                        for candidate in candidates {
                            Label(candidate.name) {
                                Input(type: .checkbox, name: "c.\(matter.id)", value: candidate.id).id("c-\(matter.id)-\(candidate.id)")
                            }
                            .class("choice")
                        }
                        Label(S.matterSpoiled(lang)) { Input(type: .checkbox, name: "x.\(matter.id)", value: "1").id("x-\(matter.id)") }.class(
                            "choice")
                    }
                }
            }
        }
    }

    static func outcomeKey(_ outcome: PaperOutcome) -> String {
        switch outcome {
        case .awaitingSecondEntry: "first"
        case .confirmed: "confirmed"
        case .mismatch: "mismatch"
        case .conflict: "conflict"
        }
    }

    static func outcomeText(_ key: String, _ lang: Lang) -> String? {
        switch key {
        case "first": S.outcomeFirst(lang)
        case "confirmed": S.outcomeConfirmed(lang)
        case "mismatch": S.outcomeMismatch(lang)
        case "conflict": S.outcomeConflict(lang)
        default: nil
        }
    }

    /// A ballot's state in the words of the entry that led to it.
    static func stateName(_ state: PaperState, _ lang: Lang) -> String {
        outcomeText(state == .entered ? "first" : state.rawValue, lang) ?? state.rawValue
    }

    static func summary(_ choices: BallotChoices, vote: VoteDefinition, _ lang: Lang) -> String {
        vote.matters.map { matter in
            let text: String
            switch choices.marks[matter.id] {
            case .option(let choice)?: text = lang == .zh ? choice.chinese : choice.rawValue
            case .candidates(let ids)?: text = ids.isEmpty ? S.nobody(lang) : ids.map { VotePages.name(of: $0, in: matter) }.joined(separator: "、")
            case nil: text = "—"
            }
            return "\(matter.title)：\(text)"
        }.joined(separator: "；")
    }
}
