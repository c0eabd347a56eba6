import Plot
import QuorumCore
import QuorumStore

extension OwnerObjections {
    /// Below the owner's result: their objections with where each stands, then the form.
    func render(_ vote: StoredVote, _ lang: Lang) -> Component {
        Div {
            H2(S.objectionsTitle(lang))
            Layout.flash(message, refused ? "alert" : "status", id: "objection-message")
            if !mine.isEmpty {
                H3(S.myObjections(lang))
                for ticket in mine { ObjectionCard(ticket: ticket, vote: vote, now: now, lang: lang, answer: nil) }
            }
            if let until {
                Paragraph(S.objectionExplain(until: until, days: vote.settings.answerDays)(lang)).class("note")
                Form(keeping: SiteURL.vote(vote.id, .objections).anchored("objections"), csrf: csrf) {
                    if voters.count == 1 {
                        Input(type: .hidden, name: "person", value: String(voters[0].person))
                    } else {
                        Label(S.objectionFor(lang)) {
                            Select {
                                for voter in voters {
                                    Option(lang.rooms(voter.rooms), value: String(voter.person), selected: String(voter.person) == person)
                                }
                            }.attr("name", "person").id(
                                "objection-person")
                        }
                    }
                    Label(S.objectionMatter(lang)) {
                        Select {
                            for matter in vote.definition.matters { Option(matter.title, value: matter.id, selected: matter.id == self.matter) }
                        }.attr("name", "matter").id(
                            "objection-matter")
                    }
                    Label(S.objectionText(lang)) {
                        TextArea(text: draft, name: "text", numberOfRows: 4, isRequired: true).attr(
                            "maxlength", String(TicketLimits.maximumCharacters)
                        ).id(
                            "objection-text")
                    }
                    SubmitButton(S.fileObjection(lang)).id("file-objection")
                }
            } else {
                Paragraph(S.objectionsClosed(lang)).class("meta")
            }
        }.class("card").id("objections")
    }
}

/// One ticket as a card: the matter, who asked and when, the text, where it stands, the
/// answer; `answer`: the form a desk answers with (csrf, the URL), when it may.
struct ObjectionCard: Component {
    var ticket: Ticket
    var vote: StoredVote?
    var now: Timestamp
    var lang: Lang
    var answer: (csrf: String, url: SiteURL)?

    var body: Component {
        Div {
            H2(ticket.kind == .ballotDispute ? S.Dispute.item(lang) : vote?.definition.matters.first { $0.id == ticket.item }?.title ?? ticket.item)
            Paragraph("\(ticket.id)\(lang.dot)\(S.filedBy(ticket)(lang))").class("meta")
            Paragraph(ticket.text).class("ticket-text")
            Paragraph(S.standing(ticket, at: now)(lang)).class(ticket.answer != nil ? "ok" : "meta").id("standing-\(ticket.id)")
            if let given = ticket.answer { Paragraph(given.text).class("ticket-text answer").id("answer-\(ticket.id)") }
            if let answer, ticket.answer == nil {
                Form(post: answer.url.anchored("ticket-\(ticket.id)"), csrf: answer.csrf) {
                    Input(type: .hidden, name: "ticket", value: ticket.id)
                    Label(S.answerLabel(lang)) {
                        TextArea(name: "answer", numberOfRows: 4, isRequired: true).attr("maxlength", String(TicketLimits.maximumCharacters)).id(
                            "answer-text-\(ticket.id)")
                    }
                    Paragraph(S.answerIsFinal(lang)).class("note")
                    SubmitButton(S.sendAnswer(lang)).id("send-answer-\(ticket.id)")
                }.attr("data-confirm", S.confirmAnswer(lang))
            }
        }.class("card ticket").id("ticket-\(ticket.id)")
    }
}

extension ObjectionsPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.objectionsTitle, chrome: chrome) { lang in
            H2(vote.title)
            Layout.flash(message, "status", id: "message")
            if tickets.isEmpty { Paragraph(S.noObjections(lang)).id("no-objections") }
            for ticket in tickets {
                let mayAnswer = staff.account.role.desk.map { (try? ticket.check(answeringAs: $0, at: now)) != nil } ?? false
                ObjectionCard(
                    ticket: ticket, vote: vote, now: now, lang: lang,
                    answer: mayAnswer ? (staff.csrf, SiteURL.manageVote(vote.id, .objections)) : nil)
            }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id, .result)).class("button secondary")
        }
    }
}

extension OpenObjectionsPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.openObjectionsTitle, chrome: chrome) { lang in
            if tickets.isEmpty { Paragraph(S.noOpenObjections(lang)).id("no-open-objections") }
            for (ticket, vote) in tickets {
                ObjectionCard(ticket: ticket, vote: vote, now: now, lang: lang, answer: nil)
                if let vote { Link(vote.title, url: SiteURL.manageVote(vote.id, .objections)).class("button secondary").id("to-\(ticket.id)") }
            }
            Link(S.back(lang), url: SiteURL.manage).class("button secondary")
        }
    }
}
