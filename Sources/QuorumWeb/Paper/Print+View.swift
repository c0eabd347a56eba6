import Plot
import QuorumCore

extension PrintPage {
    /// Estate, vote, rooms, boxes, signature line and barcode on each ballot.
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.printBallots, chrome: chrome) { lang in
            Paragraph(S.printExplain(ballots.count)(lang)).class("note no-print")
            for ballot in ballots {
                Div {
                    H2("\(estate) · \(S.paperBallotTitle(lang))")
                    Paragraph(vote.title).class("paper-vote")
                    Paragraph("\(S.rooms(lang))：\(ballot.rooms) · \(S.area(lang))：\(ballot.area) m²").class("paper-rooms")
                    Paragraph(VotePages.window(vote, lang)).class("meta")
                    for (index, matter) in vote.definition.matters.enumerated() {
                        Div {
                            Paragraph("\(index + 1). \(matter.title)（\(VotePages.tag(matter, lang))）").class("paper-matter")
                            switch matter.kind {
                            case .resolution:
                                Paragraph("☐ \(S.agree(.zh))    ☐ \(S.oppose(.zh))    ☐ \(S.abstain(.zh))").class("boxes")
                            case .election(let seats, let candidates):
                                Paragraph(S.electionMatter(seats)(.zh)).class("meta")
                                Paragraph(candidates.map { "☐ \($0.name)" }.joined(separator: "    ")).class("boxes")
                            }
                        }
                    }
                    Paragraph(S.paperInstructions(lang)).class("note")
                    Paragraph("\(S.signatureLine(lang))：________________________    \(S.date(lang))：____________").class("signature-line")
                    Div {
                        Barcode(code: ballot.code.replacingOccurrences(of: "-", with: ""))
                        Paragraph(ballot.code).class("code")
                    }
                    .class("barcode-block")
                }
                .class("paper-ballot")
                .attr("data-code", ballot.code)
            }
        }
    }
}

extension ReconciliationPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.reconciliationTitle, chrome: chrome) { lang in
            Paragraph(vote.title).class("meta")
            Table {
                HeaderRow([
                    S.building(lang), S.printed(lang), S.returned(lang), S.doubleEntered(lang), S.confirmedHeader(lang), S.spoiled(lang),
                    S.conflictsHeader(lang), S.mismatchesHeader(lang),
                ])
                for line in lines {
                    TableRow {
                        TableCell(line.building.isEmpty ? S.total(lang) : line.building)
                        for count in [line.printed, line.returned, line.doubleEntered, line.confirmed, line.spoiled, line.conflicts, line.mismatches]
                        {
                            TableCell(String(count))
                        }
                    }
                    .class(line.building.isEmpty ? "total" : "")
                }
            }
            .class("table").id("reconciliation")
            H2(S.conflictsTitle(lang))
            Paragraph(S.conflictsExplain(lang)).class("note")
            if conflicts.isEmpty { Paragraph(S.noConflicts(lang)).id("no-conflicts") }
            List(
                conflicts.map {
                    "\($0.rooms)：\(S.counted(lang)) \(lang == .zh ? $0.counted.chinese : $0.counted.rawValue)，\(S.keptAside(lang)) \(lang == .zh ? $0.ignored.chinese : $0.ignored.rawValue)（\(LocalTime.format($0.ignoredAt))）"
                }
            ) {
                ListItem($0)
            }
            .id("conflicts")
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}
