import Plot
import QuorumCore
import QuorumStore

extension VoteListPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.myVotes, chrome: chrome) { lang in
            Paragraph(S.hello(owner)(lang)).class("meta")
            if items.isEmpty { Paragraph(S.noVotes(lang)) }
            for item in items {
                Div {
                    H2(item.vote.title)
                    Paragraph("\(status(item.vote, lang)) · \(S.deadline(lang))：\(LocalTime.format(item.vote.closesAt))").class("meta")
                    ProgressView(progress: item.progress, lang: lang, source: .vote(item.vote.id, .progress))
                    for voter in item.voters {
                        Paragraph("\(S.rooms(lang))：\(voter.rooms)").class("meta")
                        if let code = item.receipts[voter.person] {
                            Paragraph("✓ \(S.voted(lang))").class("ok")
                            Link(S.viewReceipt(lang), url: SiteURL.receipt(code)).class("button secondary")
                        } else if voter.votedAt != nil {
                            Paragraph("✓ \(S.voted(lang))").class("ok")
                        }
                    }
                    if item.vote.preliminaryAt != nil {
                        Link(S.viewResult(lang), url: SiteURL.vote(item.vote.id, .result)).class("button").id("result-\(item.vote.id)")
                    }
                    if item.voters.contains(where: { $0.votedAt == nil || item.vote.ballotChange }) && item.vote.calendar.isOpen(at: now) {
                        Link(S.readAndVote(lang), url: SiteURL.vote(item.vote.id)).class("button").id("open-\(item.vote.id)")
                    }
                }
                .class("card")
            }
        }
    }

    func status(_ vote: StoredVote, _ lang: Lang) -> String {
        switch vote.calendar.window(at: now) {
        case .notOpenYet: S.notYetOpen(lang)
        case .open: S.open(lang)
        case .closed: S.closed(lang)
        }
    }
}

extension NoticePage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.notice, chrome: chrome) { lang in
            H2(vote.title)
            Paragraph(VotePages.window(vote, lang)).class("meta")
            H2(S.matters(lang))
            VotePages.matters(vote, lang)
            if !documents.isEmpty {
                H2(S.documents(lang))
                List(documents) { document in
                    Link("\(document.name)（\(document.size / 1024) KB）", url: SiteURL.vote(vote.id, .document(String(document.number))))
                }
            }
            if vote.preliminaryAt != nil {
                Link(S.viewResult(lang), url: SiteURL.vote(vote.id, .result)).class("button").id("view-result")
            }
            H2(S.howDecided(lang))
            List([
                S.howParticipation(lang), S.howOrdinary(lang), S.howSpecial(lang), S.howElection(lang),
                (vote.ballotChange ? S.howOnceChangeable : S.howOnce)(lang),
            ]) { ListItem($0) }
            ProgressView(progress: progress, lang: lang, source: .vote(vote.id, .progress))
            if vote.calendar.isOpen(at: now) {
                for voter in voters where voter.votedAt == nil || vote.ballotChange {
                    Paragraph("\(S.rooms(lang))：\(voter.rooms)").class("meta")
                    Link(S.toBallot(lang), url: SiteURL.vote(vote.id, .ballot(person: String(voter.person)))).class("button").id(
                        "to-ballot-\(voter.person)")
                }
            }
            Link(S.back(lang), url: SiteURL.votes).class("button secondary")
        }
    }
}
