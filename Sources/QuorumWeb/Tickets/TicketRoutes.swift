import Hummingbird
import QuorumCore
import QuorumStore

/// Objections (RULES.md §6) through the core's one mechanism for an answer owed by a
/// deadline (`Ticket`): the owner files one from the result page; the committee, or the
/// street office once it has passed there, answers it in writing; the street office sees
/// every open one of its estates.
struct TicketRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .ownerVote(.post, .vote(":vote", .objections), file),
            .ownerVote(.get, .vote(":vote", .dispute()), dispute),
            .ownerVote(.post, .vote(":vote", .dispute()), fileDispute),
            .staffVote(.get, .manageVote(":vote", .objections), .answer, noticed: true, objections),
            .staffVote(.post, .manageVote(":vote", .objections), .answer, noticed: true, answer),
            .staff(.get, .manageObjections, .answer, open),
        ]
    }

    @Sendable func file(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context.base, limit: FormData.ownerLimit)
        guard form["csrf"] == context.session.csrf else {
            return Layout.refuse(.forbidden, S.objectionsTitle, S.formExpired, chrome: context.chrome, back: .votes)
        }
        let vote = try await store.results.settle(context.vote.id) ?? context.vote
        guard let voter = context.voters.first(where: { String($0.person) == form["person"] }) else {
            return Layout.refuse(.notFound, S.objectionsTitle, S.noBallotHere, chrome: context.chrome, back: .vote(vote.id, .result))
        }
        var message: String?
        var status = HTTPResponse.Status.ok
        var draft = ""
        // The header's language switch: the page again, the form holding what it held, nothing filed.
        if form["relang"] != nil {
            draft = form["text"] ?? ""
        } else {
            do {
                let ticket = try await store.tickets.fileObjection(
                    form["text"] ?? "", on: form["matter"] ?? "", of: vote, voter: voter, owner: context.session.idHash)
                message = S.objectionFiled(ticket.id)(context.lang)
            } catch let error as TicketError {
                message = S.say(error)(context.lang)
                status = .unprocessableContent
                draft = form["text"] ?? ""
            }
        }
        guard var page = try await ResultPage.load(vote, owner: (context.session, context.voters), store: store) else {
            return Layout.refuse(.notFound, S.resultTitle, S.resultNotPublished, chrome: context.chrome, back: .votes)
        }
        page.objections?.message = message
        page.objections?.refused = status != .ok
        page.objections?.draft = draft
        if !draft.isEmpty {
            page.objections?.person = form["person"] ?? ""
            page.objections?.matter = form["matter"] ?? ""
        }
        return Layout.response(page.render(chrome: context.chrome.at(.vote(vote.id, .result))), status: status)
    }

    @Sendable func dispute(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        guard let voter = OwnerRoutes.voter(request.uri.queryParameters["person"].map(String.init), in: context.voters) else {
            return Layout.refuse(.notFound, S.Dispute.title, S.noBallotHere, chrome: context.chrome, back: .votes)
        }
        let page = try await DisputePage.load(context.vote, voter: voter, owner: context.session, store: store)
        return Layout.response(page.render(chrome: context.chrome.at(.vote(context.vote.id, .dispute(person: String(voter.person))))))
    }

    @Sendable func fileDispute(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context.base, limit: FormData.ownerLimit)
        guard form["csrf"] == context.session.csrf else {
            return Layout.refuse(.forbidden, S.Dispute.title, S.formExpired, chrome: context.chrome, back: .votes)
        }
        guard let voter = OwnerRoutes.voter(form["person"], in: context.voters) else {
            return Layout.refuse(.notFound, S.Dispute.title, S.noBallotHere, chrome: context.chrome, back: .votes)
        }
        var message: String?
        var refused = false
        do {
            // The header's language switch: the form again, holding the text, nothing filed.
            if form["relang"] != nil { throw TicketError.badText }
            let ticket = try await store.tickets.fileDispute(form["text"] ?? "", of: context.vote, voter: voter, owner: context.session.idHash)
            message = S.objectionFiled(ticket.id)(context.lang)
        } catch let error as TicketError {
            (message, refused) = (form["relang"] != nil ? nil : S.say(error)(context.lang), true)
        }
        var page = try await DisputePage.load(context.vote, voter: voter, owner: context.session, store: store)
        (page.message, page.refused, page.draft) = (message, refused, refused ? form["text"] ?? "" : "")
        return Layout.response(
            page.render(chrome: context.chrome.at(.vote(context.vote.id, .dispute(person: String(voter.person))))),
            status: refused && message != nil ? .unprocessableContent : .ok)
    }

    @Sendable func objections(_ request: Request, context: StaffVoteContext) async throws -> Response {
        Layout.response(try await ObjectionsPage.load(context.vote, staff: context.staff, store: store).render(chrome: context.chrome))
    }

    @Sendable func answer(_ request: Request, context: StaffVoteContext) async throws -> Response {
        let (vote, staff, form) = (context.vote, context.staff, context.form)
        let message: String
        var status = HTTPResponse.Status.ok
        do {
            // Only a ticket of this vote, by a desk the role answers for.
            guard let id = form["ticket"], let ticket = try await store.tickets.ticket(id), ticket.about == vote.subject else {
                throw TicketError.noSuchTicket
            }
            guard let desk = staff.account.role.desk else { throw TicketError.notYourDesk(.committee) }
            let answered = try await store.tickets.answer(ticket.id, with: form["answer"] ?? "", as: desk, actor: staff.account.id)
            message = S.standing(answered, at: store.now())(context.lang)
        } catch let error as TicketError {
            message = S.say(error)(context.lang)
            status = .conflict
        }
        let page = try await ObjectionsPage.load(vote, staff: staff, message: message, store: store)
        return Layout.response(page.render(chrome: context.chrome), status: status)
    }

    @Sendable func open(_ request: Request, context: StaffContext) async throws -> Response {
        Layout.response(try await OpenObjectionsPage.load(context.staff, store: store).render(chrome: context.chrome))
    }
}
