import Plot
import QuorumCore
import QuorumStore

extension ResultNoticePage {
    typealias N = S.ResultNotice

    func render(chrome: PageChrome) -> Page {
        Layout.page(N.title, chrome: chrome) { lang in
            Div {
                H2(vote.title)
                Paragraph(N.organiser(estate)(lang)).id("organiser")
                if let publishedAt {
                    Paragraph(N.publishedOn(String(publishedAt.localMinute.prefix(10)), final: vote.finalAt != nil)(lang)).id("published-on")
                }
                Paragraph(N.window(LocalTime.format(vote.opensAt), LocalTime.format(vote.closesAt))(lang)).class("meta")
                Paragraph(N.electorate(tally.totals.heads, tally.totals.area.description)(lang)).class("meta")
                for (number, (matter, result)) in zip(vote.definition.matters, tally.matters).enumerated() {
                    self.matter(number + 1, matter, result, lang)
                }
                H3(N.records(lang))
                Paragraph(N.recordsText(estate)(lang)).class("small").id("records")
                if let sha = vote.tallySHA256 { Paragraph(S.reportFooter(sha)(lang)).class("hash") }
                if let head { HeadBlock(head: head, moment: S.Head.atResult, lang: lang) }
                Div {
                    Paragraph(N.committee(estate)(lang))
                    Paragraph(N.seal(lang)).class("stamp")
                    Paragraph(N.sealDate(lang))
                }.class("seal").id("seal")
            }.class("result-notice")
            Div {
                Button(N.print(lang)).attribute(named: "type", value: "button").attribute(named: "data-print", value: "print").id("print")
                Link(S.back(lang), url: back).class("button secondary")
            }.class("no-print")
        }
    }

    /// One matter: who took part and who agreed, by heads and by area, and the verdict with its reasons.
    private func matter(_ number: Int, _ matter: Matter, _ result: MatterResult, _ lang: Lang) -> Component {
        let totals = tally.totals
        let part = result.participating
        // English keeps ASCII punctuation.
        let colon = lang == .zh ? "：" : ": "
        func share(_ w: Weight, of whole: Weight) -> String {
            let (heads, area) = (
                Charts.percent(Int64(w.heads), of: Int64(whole.heads)), Charts.percent(w.area.centiSquareMetres, of: whole.area.centiSquareMetres)
            )
            return lang == .zh
                ? "人数 \(w.heads) / \(whole.heads)（\(heads)）· 面积 \(w.area) / \(whole.area) m²（\(area)）"
                : "heads \(w.heads) / \(whole.heads) (\(heads)) | area \(w.area) / \(whole.area) m² (\(area))"
        }
        let verdict = tally.verdict(result)
        var passed = false
        if case .failed = verdict {} else { passed = true }
        return Div {
            H3("\(number). \(matter.title)")
            VotePages.tagSpan(matter, lang, item: true)
            Paragraph(N.participation(lang) + colon + share(part, of: totals)).class("small")
            switch result.outcome {
            case .resolution(let agree, _, _, _, _):
                Paragraph(N.approval(lang) + colon + share(agree, of: part)).class("small")
            case .election(let candidates, _):
                for candidate in candidates {
                    Paragraph(VotePages.name(of: candidate.id, in: matter) + colon + share(candidate.votes, of: part)).class("small")
                }
            }
            Paragraph(N.verdict(lang) + colon + S.say(verdict) { VotePages.name(of: $0, in: matter) }(lang))
                .class(passed ? "verdict ok" : "verdict alert").id("verdict-\(matter.id)")
        }.class("notice-matter")
    }
}
