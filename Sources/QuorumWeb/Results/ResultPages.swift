import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// What the result page shows: the tally (recounted from the vote's own export), its
/// breakdown by building and by channel.
struct ResultDetails {
    var vote: StoredVote
    var tally: TallyResult
    /// Whether the recount now gives the very bytes stored at the close.
    var matchesStored: Bool
    var buildings: [BuildingProgress]

    static func load(_ vote: StoredVote, store: Store) async throws -> ResultDetails? {
        guard let stored = vote.tallyJSON else { return nil }
        let tally = try await store.results.exportFiles(of: vote).tally()
        return ResultDetails(
            vote: vote, tally: tally, matchesStored: tally.json.rendered() == stored,
            buildings: try await store.organising.buildingProgress(of: vote.id))
    }

    var online: Weight { buildings.reduce(.zero) { $0 + $1.online } }
    var paper: Weight { buildings.reduce(.zero) { $0 + $1.paper } }
}

/// The result: for owners once published, for staff from the count on.
enum ResultPages {
    /// `forStaff`: the staff member's CSRF token and permissions, for the publish buttons.
    static func result(_ details: ResultDetails, forStaff staff: StaffSession?, chrome: PageChrome, printable: Bool = false) -> Page {
        let lang = chrome.lang
        let vote = details.vote
        let tally = details.tally
        let path: SiteURL = staff == nil ? .vote(vote.id, printable ? .report : .result) : .manageVote(vote.id, .result)
        return Layout.page(S.resultTitle, chrome: chrome, path: path) {
            H2(vote.title)
            Paragraph(stage(vote, lang)).class(vote.finalAt != nil ? "ok" : "meta").id("result-stage")
            if !details.matchesStored {
                Paragraph(S.recountDiffers(lang)).class("alert")
            }
            Paragraph(
                "\(S.totals(lang))：\(tally.totals.heads) \(S.persons(lang)) · \(tally.totals.area) m² · "
                    + "\(S.onlineBallots(lang)) \(details.online.heads) · \(S.paperBallots(lang)) \(details.paper.heads)"
            ).class("meta")
            for (matter, result) in zip(vote.definition.matters, tally.matters) {
                Div {
                    H2(matter.title)
                    Span(VotePages.tag(matter, lang)).class(matter.threshold == .special ? "tag special" : "tag")
                    participation(result, totals: tally.totals, lang)
                    switch result.outcome {
                    case .resolution(let agree, let oppose, let abstain, let invalid, let passed):
                        Paragraph(passed ? S.passed(lang) : S.notPassed(lang)).class(passed ? "verdict ok" : "verdict alert").id(
                            "verdict-\(matter.id)")
                        for (label, pick) in [(S.byHeads(lang), true), (S.byArea(lang), false)] {
                            let value: (Weight) -> Int64 = { pick ? Int64($0.heads) : $0.area.centiSquareMetres }
                            Paragraph(
                                "\(label)：\(S.agree(lang)) \(Charts.percent(value(agree), of: value(result.participating))) · "
                                    + "\(S.oppose(lang)) \(Charts.percent(value(oppose), of: value(result.participating))) · "
                                    + "\(S.abstain(lang)) \(Charts.percent(value(abstain), of: value(result.participating))) · "
                                    + "\(S.spoiled(lang)) \(Charts.percent(value(invalid), of: value(result.participating)))"
                            ).class("meta")
                            Charts.bar(
                                [(value(agree), "agree"), (value(oppose), "oppose"), (value(abstain), "abstain"), (value(invalid), "invalid")],
                                total: value(result.participating), line: matter.threshold == .special ? (3, 4) : (1, 2),
                                label: "\(label) \(S.agree(lang))")
                        }
                        Paragraph(matter.threshold == .special ? S.specialRule(lang) : S.ordinaryRule(lang)).class("note")
                    case .election(let candidates, let elected):
                        Table {
                            HeaderRow([S.candidate(lang), S.byHeads(lang), S.byArea(lang), ""])
                            for candidate in candidates {
                                TableRow {
                                    TableCell(name(of: candidate.id, in: matter))
                                    TableCell(
                                        "\(candidate.votes.heads)（\(Charts.percent(Int64(candidate.votes.heads), of: Int64(result.participating.heads)))）"
                                    )
                                    TableCell("\(candidate.votes.area) m²")
                                    TableCell(
                                        elected.contains(candidate.id)
                                            ? S.elected(lang) : (candidate.passed ? S.passedNoSeat(lang) : S.notElected(lang)))
                                }
                            }
                        }
                        .class("table")
                    }
                }
                .class("card")
            }
            H2(S.byBuilding(lang))
            Table {
                HeaderRow([S.building(lang), S.votedHeads(lang), S.votedArea(lang), S.onlineBallots(lang), S.paperBallots(lang)])
                for building in details.buildings {
                    TableRow {
                        TableCell(building.building)
                        TableCell("\(building.voted.heads) / \(building.total.heads)")
                        TableCell("\(building.voted.area) / \(building.total.area)")
                        TableCell(String(building.online.heads))
                        TableCell(String(building.paper.heads))
                    }
                }
            }
            .class("table")
            if let staff, !printable {
                StaffPages.resultActions(vote, staff: staff, lang: lang)
            }
            if printable {
                Paragraph(S.reportFooter(vote.tallySHA256 ?? "")(lang)).class("note")
            }
        }
    }

    static func participation(_ result: MatterResult, totals: Weight, _ lang: Lang) -> Component {
        Div {
            Paragraph(
                "\(S.participating(lang))：\(result.participating.heads) / \(totals.heads) \(S.persons(lang))（\(Charts.percent(Int64(result.participating.heads), of: Int64(totals.heads)))） · "
                    + "\(result.participating.area) / \(totals.area) m²（\(Charts.percent(result.participating.area.centiSquareMetres, of: totals.area.centiSquareMetres))） "
                    + (result.participationMet ? S.participationMet(lang) : S.participationNotMet(lang))
            ).class("meta")
            Charts.bar([(Int64(result.participating.heads), "agree")], total: Int64(totals.heads), line: (2, 3), label: S.participating(lang))
        }
    }

    static func name(of candidate: String, in matter: Matter) -> String {
        if case .election(_, let candidates) = matter.kind, let found = candidates.first(where: { $0.id == candidate }) { return found.name }
        return candidate
    }

    static func stage(_ vote: StoredVote, _ lang: Lang) -> String {
        if let final = vote.finalAt { return S.finalResult(final.localMinute)(lang) }
        if let preliminary = vote.preliminaryAt {
            return S.preliminaryResult(vote.calendar.objectionEnds(publishedAt: preliminary).localMinute)(lang)
        }
        return S.countedNotPublished(lang)
    }
}
