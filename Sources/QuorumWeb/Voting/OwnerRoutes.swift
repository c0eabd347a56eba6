import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// The owner's vote: the list, the notice and its documents, the ballot, the confirmation,
/// the cast, the live progress and the receipt. The guard hands each handler the owner's
/// session (and on a `:vote` route the vote and the owner's voting persons in it).
struct OwnerRoutes {
    let dependencies: OwnerDependencies
    var store: Store { dependencies.store }

    var routes: [RouteSpec] {
        [
            .owner(.get, .votes, votes),
            .ownerVote(.get, .vote(":vote"), notice),
            .ownerVote(.get, .vote(":vote", .ballot()), ballot),
            .ownerVote(.post, .vote(":vote", .confirm), confirm),
            .owner(.post, .vote(":vote", .cast), cast),
            .ownerVote(.get, .vote(":vote", .progress), progress),
            .ownerVote(.get, .vote(":vote", .document(":number")), document),
            .owner(.get, .receipt(":code"), receipt),
        ]
    }

    @Sendable func votes(_ request: Request, context: OwnerContext) async throws -> Response {
        Layout.response(try await VoteListPage.load(context.session, store: store).render(chrome: context.chrome))
    }

    @Sendable func notice(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        let vote = context.vote
        // Seeing the notice here is its delivery online (指导规则 Art. 22).
        try await store.organising.recordSeenOnline(vote: vote.id, owner: context.session.idHash)
        return Layout.response(try await NoticePage.load(vote, voters: context.voters, store: store).render(chrome: context.chrome))
    }

    @Sendable func document(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        try await .document(context.parameters.get("number"), of: context.vote.subject, store: store)
            ?? Layout.refuse(.notFound, S.notFound, S.notFound, chrome: context.chrome, back: .vote(context.vote.id))
    }

    @Sendable func ballot(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        guard let voter = Self.voter(request.uri.queryParameters["person"].map(String.init), in: context.voters) else {
            return Layout.refuse(.notFound, S.ballot, S.noBallotHere, chrome: context.chrome, back: .votes)
        }
        if voter.votedAt != nil && !context.vote.ballotChange { return Layout.redirect(.votes) }
        return Layout.response(BallotPage(vote: context.vote, voter: voter, csrf: context.session.csrf).render(chrome: Self.chrome(context, voter)))
    }

    @Sendable func confirm(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context.base, limit: FormData.ownerLimit)
        let (vote, csrf) = (context.vote, context.session.csrf)
        guard form["csrf"] == csrf else { return Layout.refuse(.forbidden, S.ballot, S.formExpired, chrome: context.chrome, back: .votes) }
        guard let voter = Self.voter(form["person"], in: context.voters) else {
            return Layout.refuse(.notFound, S.ballot, S.noBallotHere, chrome: context.chrome, back: .votes)
        }
        let choices = Self.choices(from: form, vote: vote.definition)
        // The header's language switch: the ballot again, in the other language, as it was filled in.
        let problems = form["relang"] != nil ? [] : vote.definition.problems(with: choices)
        guard problems.isEmpty && form["relang"] == nil else {
            let page = BallotPage(vote: vote, voter: voter, chosen: choices, problems: problems, csrf: csrf)
            return Layout.response(page.render(chrome: Self.chrome(context, voter)), status: problems.isEmpty ? .ok : .unprocessableContent)
        }
        let page = ConfirmPage(vote: vote, voter: voter, choices: choices, csrf: csrf)
        return Layout.response(page.render(chrome: context.chrome.at(.vote(vote.id))))
    }

    /// The cast: the session, then straight to `castOnline`, whose batch checks the vote, the
    /// estate, the owner's membership of the person, the choices and the window in one read
    /// for the whole batch (docs/PERFORMANCE.md) — no reads of its own before it.
    @Sendable func cast(_ request: Request, context: OwnerContext) async throws -> Response {
        let form = try await FormData.read(request, context: context.base, limit: 2 * 1024 * 1024)
        let session = context.session
        guard form["csrf"] == session.csrf else { return Layout.refuse(.forbidden, S.ballot, S.formExpired, chrome: context.chrome, back: .votes) }
        guard let id = context.parameters.get("vote"), let person = form["person"].flatMap(Int.init),
            let choices = try? BallotChoices(canonicalJSON: form["choices"] ?? "")
        else {
            return Layout.refuse(.badRequest, S.ballot, S.formExpired, chrome: context.chrome, back: .votes)
        }
        let drawn = form["signature_drawn"] ?? ""
        let typed = (form["signature_typed"] ?? "").trimmingWhitespace()
        let signature: Signature
        // A typed signature is the signed-in owner's registered name, or no signature (issue 13, item 20).
        let relang = form["relang"] != nil
        if drawn.hasPrefix("data:image/png;base64,") && !relang {
            signature = .drawn(drawn)
        } else if !typed.isEmpty && typed == session.ownerName.trimmingWhitespace() && !relang {
            signature = .typed(typed)
        } else {
            // Back to the confirmation, which needs the vote and the person, with what it held.
            switch try await Guard.ownerVote(context.base, store: store) {
            case .failure(let response): return response
            case .success(let context):
                guard let voter = context.voters.first(where: { $0.person == person }) else {
                    return Layout.refuse(.notFound, S.ballot, S.noBallotHere, chrome: context.chrome, back: .votes)
                }
                // (The language switch: the confirmation again in the other language, the typed name kept.)
                let error = relang ? nil : typed.isEmpty ? S.needSignature(context.lang) : S.notYourName(session.ownerName)(context.lang)
                let page = ConfirmPage(vote: context.vote, voter: voter, choices: choices, csrf: session.csrf, error: error, typed: typed)
                return Layout.response(
                    page.render(chrome: context.chrome.at(.vote(context.vote.id))), status: typed.isEmpty || relang ? .ok : .unprocessableContent)
            }
        }
        func cast(in estate: Int64) async throws -> Receipt {
            try await store.voting.castOnline(vote: id, person: person, owner: session.idHash, choices: choices, signature: signature, estate: estate)
        }
        do {
            do {
                return Layout.redirect(.receipt(try await cast(in: session.estateID).code))
            } catch CastError.noSuchVote {
                // A vote of another estate whose register holds the owner (one binding sees them all).
                guard let vote = try await store.voting.vote(id), try await store.binding.estates(of: session.idHash).contains(vote.estateID)
                else { throw CastError.noSuchVote }
                return Layout.redirect(.receipt(try await cast(in: vote.estateID).code))
            }
        } catch CastError.noSuchVote {
            return Layout.refuse(.notFound, S.notFound, S.notFound, chrome: context.chrome, back: .votes)
        } catch CastError.notYourBallot {
            return Layout.refuse(.forbidden, S.ballot, S.noBallotHere, chrome: context.chrome, back: .votes)
        } catch let error as CastError {
            return Layout.refuse(.conflict, S.ballot, S.say(error), chrome: context.chrome, back: .votes)
        }
    }

    @Sendable func progress(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        let progress = try await store.voting.progress(of: context.vote)
        let json = JSONText.object([
            ("heads", .int(progress.voted.heads)), ("area", .string(progress.voted.area.description)),
            ("totalHeads", .int(progress.total.heads)), ("totalArea", .string(progress.total.area.description)),
            ("headsPerMille", .int(progress.headsPerMille)), ("areaPerMille", .int(progress.areaPerMille)),
            ("reached", .bool(progress.participationReached)),
        ]).compact()
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    @Sendable func receipt(_ request: Request, context: OwnerContext) async throws -> Response {
        guard let code = context.parameters.get("code").flatMap(CheckedCode.normalized), let receipt = try await store.voting.receipt(code: code),
            let vote = try await store.voting.vote(receipt.voteID),
            try await store.voting.voters(in: vote.id, owner: context.session.idHash).contains(where: { $0.person == receipt.person })
        else {
            return Layout.refuse(.notFound, S.receipt, S.notFound, chrome: context.chrome, back: .votes)
        }
        return Layout.response(ReceiptPage(receipt: receipt, vote: vote).render(chrome: context.chrome.at(.receipt(receipt.code))))
    }

    // Helpers.

    /// A ballot's page is named by its person (`?person=`).
    static func chrome(_ context: OwnerVoteContext, _ voter: VoterView) -> PageChrome {
        context.chrome.at(.vote(context.vote.id, .ballot(person: String(voter.person))))
    }

    static func voter(_ text: String?, in voters: [VoterView]) -> VoterView? {
        text.flatMap(Int.init).flatMap { person in voters.first { $0.person == person } }
    }

    /// The choices a ballot form carries: `m.<matter>` = option, `c.<matter>` = candidate
    /// (repeated); on a clerk's paper form also `x.<matter>` = that election matter spoiled.
    static func choices(from form: FormData, vote: VoteDefinition) -> BallotChoices {
        var marks: [String: BallotChoices.Mark] = [:]
        for matter in vote.matters {
            switch matter.kind {
            case .resolution:
                if let option = form["m.\(matter.id)"].flatMap(Choice.init(rawValue:)) { marks[matter.id] = .option(option) }
            case .election:
                marks[matter.id] = form["x.\(matter.id)"] != nil ? .option(.invalid) : .candidates(form.all("c.\(matter.id)"))
            }
        }
        return BallotChoices(marks)
    }
}
