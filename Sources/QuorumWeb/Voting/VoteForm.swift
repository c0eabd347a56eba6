import Foundation
import QuorumCore
import QuorumStore

/// The vote set-up form: what it holds (so a refused form comes back filled in) and how it
/// becomes a vote definition. It starts with one matter and adds one at a time (a blank one is
/// ignored): it works without JavaScript, on a phone.
enum VoteForm {
    /// The most matters one vote's form holds.
    static let most = 20

    struct Matter {
        var title = ""
        /// The Art. 278 item, 1-9; 0 until the organiser chooses one (no silent default: the
        /// item decides the threshold; `matters.json` keeps its own default of 9).
        var item = 0
        var election = false
        var seats = 5
        /// One candidate per line.
        var candidates = ""
    }

    struct Values {
        var title = ""
        var buildings: [String] = []
        /// A scope of units (a fund case's vote), kept as it is: the form does not choose units.
        var units: [String] = []
        var matters = [Matter()]
        /// `datetime-local` values, local time: `2026-12-08T00:00`.
        var opens = ""
        var closes = ""
        var parkingVotes = false

        static func blank(opens: Timestamp, closes: Timestamp) -> Values {
            var values = Values()
            values.opens = VoteForm.local(opens)
            values.closes = VoteForm.local(closes)
            return values
        }

        init() {}

        init(_ form: FormData) {
            title = (form["title"] ?? "").trimmingCharacters(in: .whitespaces)
            buildings = form["scope"] == "buildings" ? form.all("building") : []
            units = form["scope"] == "units" ? form.all("unit") : []
            // As many matters as the form showed: each sends its title, blank or not.
            matters = (1...VoteForm.most).prefix(while: { form["m\($0).title"] != nil || $0 == 1 }).map { number in
                let prefix = "m\(number)."
                return Matter(
                    title: (form[prefix + "title"] ?? "").trimmingCharacters(in: .whitespaces), item: form[prefix + "item"].flatMap(Int.init) ?? 0,
                    election: form[prefix + "kind"] == "election", seats: form[prefix + "seats"].flatMap(Int.init) ?? 5,
                    candidates: form[prefix + "candidates"] ?? "")
            }
            opens = form["opens"] ?? ""
            closes = form["closes"] ?? ""
            parkingVotes = form["parking_votes"] != nil
        }

        init(_ vote: StoredVote) {
            title = vote.definition.name
            if case .buildings(let chosen) = vote.definition.scope { buildings = chosen }
            if case .units(let chosen) = vote.definition.scope { units = chosen }
            matters = vote.definition.matters.prefix(VoteForm.most).map { matter in
                var slot = Matter(title: matter.title, item: matter.item)
                if case .election(let seats, let candidates) = matter.kind {
                    slot.election = true
                    slot.seats = seats
                    slot.candidates = candidates.map(\.name).joined(separator: "\n")
                }
                return slot
            }
            if matters.isEmpty { matters = [Matter()] }
            opens = VoteForm.local(vote.opensAt)
            closes = VoteForm.local(vote.closesAt)
            parkingVotes = vote.definition.settings.parkingVotes
        }

        struct Parsed {
            var definition: VoteDefinition
            var opensAt: Timestamp
            var closesAt: Timestamp
        }

        func parsed() throws -> Parsed {
            guard !title.isEmpty else { throw Problem.noTitle }
            guard let opensAt = VoteForm.instant(opens), let closesAt = VoteForm.instant(closes) else { throw Problem.badTime }
            var list: [QuorumCore.Matter] = []
            for slot in matters where !slot.title.isEmpty {
                let id = "m\(list.count + 1)"
                guard (1...9).contains(slot.item) else { throw Problem.badItem }
                if slot.election {
                    let names = slot.candidates.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                        !$0.isEmpty
                    }
                    guard !names.isEmpty else { throw Problem.noCandidates(slot.title) }
                    list.append(
                        QuorumCore.Matter(
                            id: id, title: slot.title, item: slot.item,
                            kind: .election(
                                seats: slot.seats, candidates: names.enumerated().map { Candidate(id: "c\($0.offset + 1)", name: $0.element) })))
                } else {
                    list.append(QuorumCore.Matter(id: id, title: slot.title, item: slot.item))
                }
            }
            let definition = VoteDefinition(
                name: title, settings: VoteSettings(parkingVotes: parkingVotes),
                scope: !units.isEmpty ? .units(units) : buildings.isEmpty ? .wholeCommunity : .buildings(buildings), matters: list)
            return Parsed(definition: definition, opensAt: opensAt, closesAt: closesAt)
        }
    }

    enum Problem: Error {
        case noTitle, badTime, badItem
        case noCandidates(String)

        func text(_ lang: Lang) -> String {
            switch self {
            case .noTitle: S.needTitle(lang)
            case .badTime: S.needTimes(lang)
            case .badItem: S.badItem(lang)
            case .noCandidates(let matter): S.needCandidates(matter)(lang)
            }
        }
    }

    /// `2026-12-08T00:00` (local) for a `datetime-local` input.
    static func local(_ time: Timestamp) -> String {
        time.localMinute.replacingOccurrences(of: " ", with: "T")
    }

    /// The instant of a `datetime-local` value in the estate's local time.
    static func instant(_ text: String) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 16 else { return nil }
        return Timestamp.parse(trimmed + ":00+08:00")
    }
}
