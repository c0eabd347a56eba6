import Plot
import QuorumCore
import QuorumStore

extension ResultPage {
    func render(chrome: PageChrome) -> Page {
        let keeps = objections?.until != nil ? chrome.keeping(SiteURL.vote(vote.id, .objections), main: S.fileObjection) : chrome
        return Layout.page(S.resultTitle, chrome: keeps) { lang in
            H2(vote.title)
            Paragraph(stage(lang)).class(vote.finalAt != nil ? "ok" : "meta").id("result-stage")
            if !matchesStored { Paragraph(S.recountDiffers(lang)).class("alert") }
            Paragraph(
                "\(S.totals(lang))\(lang.colon)\(tally.totals.heads) \(S.persons(lang))\(lang.dot)\(tally.totals.area) m²\(lang.dot)"
                    + "\(S.onlineBallots(lang)) \(online.heads)\(lang.dot)\(S.paperBallots(lang)) \(paper.heads)"
            ).class("meta")
            for (matter, result) in zip(vote.definition.matters, tally.matters) {
                Div {
                    H2(matter.title)
                    VotePages.tagSpan(matter, lang)
                    participation(result, lang)
                    switch result.outcome {
                    case .resolution(let agree, let oppose, let abstain, let invalid, let passed):
                        Paragraph(passed ? S.passed(lang) : S.notPassed(lang)).class(passed ? "verdict ok" : "verdict alert").id(
                            "verdict-\(matter.id)")
                        let parts = [
                            (S.agree, agree, "agree"), (S.oppose, oppose, "oppose"), (S.abstain, abstain, "abstain"), (S.spoiled, invalid, "invalid"),
                        ]
                        for (label, pick) in [(S.byHeads(lang), true), (S.byArea(lang), false)] {
                            let value: (Weight) -> Int64 = { pick ? Int64($0.heads) : $0.area.centiSquareMetres }
                            let total = value(result.participating)
                            Paragraph(
                                "\(label)\(lang.colon)"
                                    + parts.map { "\($0.0(lang)) \(Charts.percent(value($0.1), of: total))" }.joined(separator: lang.dot)
                            )
                            .class("meta")
                            Charts.bar(
                                parts.map { (value($0.1), $0.2) }, total: total, line: matter.threshold == .special ? (3, 4) : (1, 2),
                                label: "\(label) \(S.agree(lang))")
                        }
                        Paragraph(matter.threshold == .special ? S.specialRule(lang) : S.ordinaryRule(lang)).class("note")
                    case .election(let candidates, let elected):
                        Table {
                            HeaderRow([S.candidate(lang), S.byHeads(lang), S.byArea(lang), ""])
                            for candidate in candidates {
                                TableRow {
                                    TableCell(VotePages.name(of: candidate.id, in: matter))
                                    TableCell(
                                        "\(candidate.votes.heads)\(lang.parenthesised("\(Charts.percent(Int64(candidate.votes.heads), of: Int64(result.participating.heads)))"))"
                                    )
                                    TableCell("\(candidate.votes.area) m²")
                                    TableCell(
                                        elected.contains(candidate.id)
                                            ? S.elected(lang) : (candidate.passed ? S.passedNoSeat(lang) : S.notElected(lang)))
                                }
                            }
                        }.class("table").inScrollBox()
                    }
                }.class("card")
            }
            H2(S.byBuilding(lang))
            Table {
                let headings = [S.building(lang), S.votedHeads(lang), S.votedArea(lang), S.onlineBallots(lang), S.paperBallots(lang)]
                HeaderRow(headings)
                for building in buildings {
                    TableRow {
                        let cells = [
                            building.building, "\(building.voted.heads) / \(building.total.heads)", "\(building.voted.area) / \(building.total.area)",
                            String(building.online.heads), String(building.paper.heads),
                        ]
                        for (index, cell) in cells.enumerated() { TableCell(cell).under(headings[index]) }
                    }.stackedRow()
                }
            }.stacked().inScrollBox()
            if vote.preliminaryAt != nil && !printable {
                Link(S.ResultNotice.open(lang), url: staff == nil ? SiteURL.vote(vote.id, .resultNotice) : SiteURL.manageVote(vote.id, .resultNotice))
                    .class("button").id("to-result-notice")
            }
            if let head { HeadBlock(head: head, moment: S.Head.atResult, lang: lang) }
            if let objections { objections.render(vote, lang) }
            if let staff, !printable { actions(staff, lang) }
            if printable { Paragraph(S.reportFooter(vote.tallySHA256 ?? "")(lang)).class("note") }
        }
    }

    func participation(_ result: MatterResult, _ lang: Lang) -> Component {
        let totals = tally.totals
        return Div {
            Paragraph(
                "\(S.participating(lang))\(lang.colon)\(result.participating.heads) / \(totals.heads) \(S.persons(lang))\(lang.parenthesised("\(Charts.percent(Int64(result.participating.heads), of: Int64(totals.heads)))"))\(lang.dot)"
                    + "\(result.participating.area) / \(totals.area) m²\(lang.parenthesised("\(Charts.percent(result.participating.area.centiSquareMetres, of: totals.area.centiSquareMetres))")) "
                    + (result.participationMet ? S.participationMet(lang) : S.participationNotMet(lang))
            ).class("meta")
            Charts.bar([(Int64(result.participating.heads), "agree")], total: Int64(totals.heads), line: (2, 3), label: S.participating(lang))
        }
    }

    func stage(_ lang: Lang) -> String {
        if let final = vote.finalAt { return S.finalResult(final.localMinute)(lang) }
        if let preliminary = vote.preliminaryAt {
            return S.preliminaryResult(LocalTime.deadline(vote.calendar.objectionEnds(publishedAt: preliminary)))(lang)
        }
        return S.countedNotPublished(lang)
    }

    /// The organisers' buttons: publish (preliminary, then final), the report, the exports.
    func actions(_ staff: StaffSession, _ lang: Lang) -> Component {
        let permissions = staff.account.role.permissions
        return Div {
            if permissions.contains(.organise) && vote.preliminaryAt == nil {
                Form(post: SiteURL.manageVote(vote.id, .publish), csrf: staff.csrf) {
                    Input(type: .hidden, name: "final", value: "0")
                    Paragraph(S.objectionExplain(vote.objectionDays)(lang)).class("note")
                    SubmitButton(S.publishPreliminary(lang)).id("publish-preliminary")
                }.attr("data-confirm", S.confirmPreliminary(vote.objectionDays)(lang))
            }
            if vote.preliminaryAt != nil && permissions.contains(.answer) {
                if openObjections > 0 { Paragraph(S.objectionsOpen(openObjections)(lang)).class("alert").id("objections-open") }
                Link(S.objectionsTitle(lang), url: SiteURL.manageVote(vote.id, .objections)).class("button secondary").id("to-objections")
            }
            if permissions.contains(.organise) && vote.preliminaryAt != nil && vote.finalAt == nil {
                Form(post: SiteURL.manageVote(vote.id, .publish), csrf: staff.csrf) {
                    Input(type: .hidden, name: "final", value: "1")
                    SubmitButton(S.publishFinal(lang)).id("publish-final")
                }.attr("data-confirm", S.confirmFinal(lang))
            }
            Link(S.printReport(lang), url: SiteURL.manageVote(vote.id, .report)).class("button secondary").id("report")
            if permissions.contains(.export) {
                H2(S.export(lang))
                Paragraph(S.exportExplain(lang)).class("note")
                List {
                    for file in ["registry.csv", "matters.json", "ballots.csv"] + (vote.definition.settings.silentMajority ? ["deliveries.csv"] : [])
                        + ["tally.json", "log.jsonl", "export.xlsx"]
                    {
                        ListItem {
                            Link(file, url: SiteURL.manageVote(vote.id, .export(file))).id("export-\(file.replacingOccurrences(of: ".", with: "-"))")
                        }
                    }
                }.class("plain")
            }
        }
    }
}
