import Plot
import QuorumCore
import QuorumStore

/// What the owner's and the organisers' pages show of a vote alike.
enum VotePages {
    static func tag(_ matter: Matter, _ lang: Lang) -> String {
        if case .election(let seats, _) = matter.kind { return S.electionMatter(seats)(lang) }
        return matter.threshold == .special ? S.specialMatter(lang) : S.ordinaryMatter(lang)
    }

    /// The matter's tag, a special majority's marked; `item`: with its item of Art. 278.
    static func tagSpan(_ matter: Matter, _ lang: Lang, item: Bool = false) -> Component {
        Span((item ? "\(S.itemShort(matter.item)(lang))\(lang.dot)" : "") + tag(matter, lang)).class(
            matter.threshold == .special ? "tag special" : "tag")
    }

    /// One choice of a matter, as the owner's ballot and the clerk's entry ask it.
    static func choice(_ text: String, _ type: HTMLInputType, _ name: String, _ value: String, id: String, checked: Bool = false) -> Component {
        Label(text) { Input(type: type, name: name, value: value, isRequired: type == .radio).id(id).checked(checked) }.class("choice")
    }

    /// When the vote opens and its deadline.
    static func window(_ vote: StoredVote, _ lang: Lang) -> String {
        "\(S.opens(lang))\(lang.colon)\(LocalTime.format(vote.opensAt))\(lang.dot)\(S.deadline(lang))\(lang.colon)\(LocalTime.format(vote.closesAt))"
    }

    /// The matters in order, each with its tag and an election's candidates.
    static func matters(_ vote: StoredVote, _ lang: Lang, items: Bool = false) -> Component {
        List(vote.definition.matters) { matter in
            Div {
                Paragraph(matter.title)
                tagSpan(matter, lang, item: items)
                if case .election(_, let candidates) = matter.kind { Paragraph(candidates.map(\.name).joined(separator: lang.list)).class("meta") }
            }
        }.listStyle(.ordered)
    }

    /// A candidate's name in an election matter (the id, if there is no such candidate).
    static func name(of candidate: String, in matter: Matter) -> String {
        if case .election(_, let candidates) = matter.kind, let found = candidates.first(where: { $0.id == candidate }) { return found.name }
        return candidate
    }

    /// Each matter and the choice made on it, as the confirmation and the receipt show them.
    static func summary(_ vote: StoredVote, choices: BallotChoices, lang: Lang) -> Component {
        Node<HTML.BodyContext>.dl(
            .forEach(vote.definition.matters) { matter in
                .group(.dt(.plain(matter.title)), .dd(.plain(describe(choices.marks[matter.id], matter: matter, lang: lang))))
            })
    }

    static func describe(_ mark: BallotChoices.Mark?, matter: Matter, lang: Lang) -> String {
        switch mark {
        case .option(.agree): return S.agree(lang)
        case .option(.oppose): return S.oppose(lang)
        case .option(.abstain): return S.abstain(lang)
        case .option(.invalid), nil: return "—"
        case .candidates(let ids):
            guard case .election(_, let candidates) = matter.kind, !ids.isEmpty else { return S.nobody(lang) }
            return candidates.filter { ids.contains($0.id) }.map(\.name).joined(separator: lang.list)
        }
    }
}
