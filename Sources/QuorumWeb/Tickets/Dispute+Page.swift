import Plot
import QuorumCore
import QuorumStore

/// "Not you? object here" (`/votes/:vote/dispute?person=`, issue 13, item 22): the ballot
/// received for one of the owner's voting persons, the form that disputes it until the final
/// result, and the owner's disputes in the vote with where each stands.
struct DisputePage {
    var vote: StoredVote
    var voter: VoterView
    var mine: [Ticket]
    var csrf: String
    var now: Timestamp
    var message: String?
    var refused = false
    var draft = ""

    static func load(_ vote: StoredVote, voter: VoterView, owner: OwnerSession, store: Store) async throws -> DisputePage {
        let mine = try await store.tickets.tickets(about: vote.subject, owner: owner.idHash).filter { $0.kind == .ballotDispute }
        return DisputePage(vote: vote, voter: voter, mine: mine, csrf: owner.csrf, now: store.now())
    }

    func render(chrome: PageChrome) -> Page {
        let form = vote.finalAt == nil && voter.votedAt != nil
        return Layout.page(S.Dispute.title, chrome: form ? chrome.keeping(SiteURL.vote(vote.id, .dispute()), main: S.Dispute.send) : chrome) {
            lang in
            H2(vote.title)
            if let at = voter.votedAt {
                Paragraph(S.Dispute.received(voter.rooms, at, voter.channel ?? .online)(lang)).id("received")
                Paragraph(S.ballotReceived(voter, at: at)(lang)).class("meta")
            }
            Layout.flash(message, refused ? "alert" : "status", id: "message")
            if form {
                Form(keeping: SiteURL.vote(vote.id, .dispute()), csrf: csrf) {
                    Input(type: .hidden, name: "person", value: String(voter.person))
                    Paragraph(S.Dispute.explain(lang)).class("note")
                    Label(S.Dispute.text(lang)) {
                        TextArea(text: draft, name: "text", numberOfRows: 4, isRequired: true).attr(
                            "maxlength", String(TicketLimits.maximumCharacters)
                        ).id("dispute-text")
                    }
                    SubmitButton(S.Dispute.send(lang)).id("send-dispute")
                }.attr("data-confirm", S.Dispute.confirm(lang))
            }
            if !mine.isEmpty {
                H2(S.Dispute.mine(lang))
                for ticket in mine { ObjectionCard(ticket: ticket, vote: vote, now: now, lang: lang, answer: nil) }
            }
            Link(S.back(lang), url: SiteURL.votes).class("button secondary")
        }
    }
}
