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
        let session = context.session
        var items: [VoteListItem] = []
        for vote in try await store.voting.votes(of: session.estateID) {
            let voters = try await store.voting.voters(in: vote.id, owner: session.idHash)
            guard !voters.isEmpty else { continue }
            let receipts = try await store.voting.receipts(in: vote.id, persons: voters.map(\.person), castBy: session.idHash)
            items.append(VoteListItem(vote: vote, progress: try await store.voting.progress(of: vote), voters: voters, receipts: receipts))
        }
        return Layout.response(VotePages.list(items, owner: session.ownerName, now: store.now(), chrome: context.base.chrome))
    }

    @Sendable func notice(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        let vote = context.vote
        // Seeing the notice here is its delivery online (指导规则 Art. 22).
        try await store.organising.recordSeenOnline(vote: vote.id, owner: context.session.idHash)
        return Layout.response(
            VotePages.notice(
                vote, progress: try await store.voting.progress(of: vote), voters: context.voters,
                documents: try await store.documents.list(of: vote.subject),
                now: store.now(), chrome: context.base.chrome))
    }

    @Sendable func document(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        guard let number = context.parameters.get("number").flatMap(Int.init),
            let (document, bytes) = try await store.documents.read(context.vote.subject, number: number)
        else {
            return Layout.response(
                Layout.message(S.notFound, S.notFound(context.lang), chrome: context.base.chrome, back: .vote(context.vote.id)), status: .notFound)
        }
        return Response.download(bytes, type: document.mediaType, filename: document.name)
    }

    @Sendable func ballot(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        guard let voter = Self.voter(request.uri.queryParameters["person"].map(String.init), in: context.voters) else {
            return Layout.response(
                Layout.message(S.ballot, S.noBallotHere(context.lang), chrome: context.base.chrome, back: .votes), status: .notFound)
        }
        if voter.votedAt != nil && !context.vote.ballotChange { return Layout.redirect(.votes) }
        return Layout.response(
            VotePages.ballot(
                context.vote, voter: voter, chosen: BallotChoices([:]), problems: [], csrf: context.session.csrf, chrome: context.base.chrome))
    }

    @Sendable func confirm(_ request: Request, context: OwnerVoteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context.base, limit: FormData.ownerLimit)
        let (vote, csrf) = (context.vote, context.session.csrf)
        guard form["csrf"] == csrf else {
            return Layout.response(
                Layout.message(S.ballot, S.formExpired(context.lang), chrome: context.base.chrome, back: .votes), status: .forbidden)
        }
        guard let voter = Self.voter(form["person"], in: context.voters) else {
            return Layout.response(
                Layout.message(S.ballot, S.noBallotHere(context.lang), chrome: context.base.chrome, back: .votes), status: .notFound)
        }
        let choices = Self.choices(from: form, vote: vote.definition)
        let problems = vote.definition.problems(with: choices)
        guard problems.isEmpty else {
            return Layout.response(
                VotePages.ballot(
                    vote, voter: voter, chosen: choices, problems: problems, csrf: csrf, chrome: context.base.chrome), status: .unprocessableContent)
        }
        return Layout.response(VotePages.confirm(vote, voter: voter, choices: choices, csrf: csrf, error: nil, chrome: context.base.chrome))
    }

    /// The cast: the session, then straight to `castOnline`, whose batch checks the vote, the
    /// estate, the owner's membership of the person, the choices and the window in one read
    /// for the whole batch (docs/PERFORMANCE.md) — no reads of its own before it.
    @Sendable func cast(_ request: Request, context: OwnerContext) async throws -> Response {
        let form = try await FormData.read(request, context: context.base, limit: 2 * 1024 * 1024)
        let session = context.session
        guard form["csrf"] == session.csrf else {
            return Layout.response(
                Layout.message(S.ballot, S.formExpired(context.lang), chrome: context.base.chrome, back: .votes), status: .forbidden)
        }
        guard let id = context.parameters.get("vote"), let person = form["person"].flatMap(Int.init),
            let choices = try? BallotChoices(canonicalJSON: form["choices"] ?? "")
        else {
            return Layout.response(
                Layout.message(S.ballot, S.formExpired(context.lang), chrome: context.base.chrome, back: .votes), status: .badRequest)
        }
        let drawn = form["signature_drawn"] ?? ""
        let typed = (form["signature_typed"] ?? "").trimmingCharacters(in: .whitespaces)
        let signature: Signature
        if drawn.hasPrefix("data:image/png;base64,") {
            signature = .drawn(drawn)
        } else if !typed.isEmpty {
            signature = .typed(typed)
        } else {
            // Unsigned: back to the confirmation, which needs the vote and the person.
            switch try await Guard.ownerVote(context.base, store: store) {
            case .failure(let response): return response
            case .success(let context):
                guard let voter = context.voters.first(where: { $0.person == person }) else {
                    return Layout.response(
                        Layout.message(S.ballot, S.noBallotHere(context.lang), chrome: context.base.chrome, back: .votes), status: .notFound)
                }
                return Layout.response(
                    VotePages.confirm(
                        context.vote, voter: voter, choices: choices, csrf: session.csrf, error: S.needSignature(context.lang),
                        chrome: context.base.chrome))
            }
        }
        do {
            let receipt = try await store.voting.castOnline(
                vote: id, person: person, owner: session.idHash, choices: choices, signature: signature, estate: session.estateID)
            return Layout.redirect(.receipt(receipt.code))
        } catch CastError.noSuchVote {
            return Layout.response(Layout.message(S.notFound, S.notFound(context.lang), chrome: context.base.chrome, back: .votes), status: .notFound)
        } catch CastError.notYourBallot {
            return Layout.response(
                Layout.message(S.ballot, S.noBallotHere(context.lang), chrome: context.base.chrome, back: .votes), status: .forbidden)
        } catch let error as CastError {
            let text = S.say(error)(context.lang)
            return Layout.response(Layout.message(S.ballot, text, chrome: context.base.chrome, back: .votes), status: .conflict)
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
            return Layout.response(Layout.message(S.receipt, S.notFound(context.lang), chrome: context.base.chrome, back: .votes), status: .notFound)
        }
        return Layout.response(VotePages.receipt(receipt, vote: vote, chrome: context.base.chrome))
    }

    // Helpers.

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
