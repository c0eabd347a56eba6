import Hummingbird
import QuorumCore
import QuorumStore

/// The audit log's public routes: heads and proofs as JSON (base64 hashes, as Certificate
/// Transparency's API), the public key, and the verify page (its script is a static file).
enum LogRoutes {
    static func routes(store: Store) -> [RouteSpec] {
        var routes: [RouteSpec] = []
        routes.append(
            .anyone(.get, .log(.head)) { _, _ in
                guard let head = try await store.log.latestHead() else {
                    return json(.object([("error", .string("日志还没有条目 / the log has no entry yet"))]), status: .notFound)
                }
                return json(head.json)
            })
        routes.append(
            .anyone(.get, .log(.proof)) { request, _ in
                let query = request.uri.queryParameters
                guard let index = query.get("index", as: Int.self) else { return badRequest("index") }
                var size = query.get("size", as: Int.self)
                if size == nil { size = try await store.log.latestHead()?.size }
                guard let size, let proof = try? await store.log.inclusionProof(index: index, treeSize: size) else {
                    return badRequest("index, size")
                }
                return json(.object([("index", .int(index)), ("size", .int(size)), ("proof", proofJSON(proof))]))
            })
        routes.append(
            .anyone(.get, .log(.consistency)) { request, _ in
                let query = request.uri.queryParameters
                guard let from = query.get("from", as: Int.self), let to = query.get("to", as: Int.self) else { return badRequest("from, to") }
                let proof: [MerkleHash]
                let size = try await store.log.size()
                if from == to && from > 0 && to <= size {
                    proof = []
                } else {
                    guard let found = try? await store.log.consistencyProof(from: from, to: to) else { return badRequest("from, to") }
                    proof = found
                }
                return json(.object([("from", .int(from)), ("to", .int(to)), ("proof", proofJSON(proof))]))
            })
        routes.append(
            .anyone(.get, .log(.publicKey)) { _, _ in
                let key = try await store.log.publicKey()
                return json(
                    .object([
                        ("algorithm", .string("Ed25519")), ("key_id", .string(key.keyID)), ("log", .string(key.logName)),
                        ("public_key", .string(ByteText.base64(key.raw))), ("pem", .string(key.pem)),
                    ]))
            })
        routes.append(
            .anyone(.get, .log(.publicKeyPEM)) { _, _ in
                text(try await store.log.publicKey().pem, type: "application/x-pem-file")
            })

        routes.append(
            .anyone(.get, .verify()) { request, context in
                let query = request.uri.queryParameters
                return verify(
                    try await VerifyController.page(
                        code: query.get("r"), head: (query.get("size"), query.get("root")), owner: context.session, store: store), context)
            })
        routes.append(
            .anyone(.post, .verify()) { request, context in
                let form = try await FormData.read(request, context: context, limit: 64 * 1024)
                return verify(
                    try await VerifyController.page(code: form["r"], head: (form["size"], form["root"]), owner: context.session, store: store),
                    context)
            })
        return routes
    }

    /// The verify page, named by the code it checks (`?r=`).
    static func verify(_ page: VerifyPage, _ context: QuorumRequestContext) -> Response {
        let copied = page.head.flatMap { CopiedHead(size: $0.size, root: $0.root) }
        return Layout.response(page.render(chrome: context.chrome.at(.verify(receipt: page.code.isEmpty ? nil : page.code, head: copied))))
    }

    static func proofJSON(_ proof: [MerkleHash]) -> JSONText {
        .array(proof.map { .string(ByteText.base64($0)) })
    }

    static func json(_ value: JSONText, status: HTTPResponse.Status = .ok) -> Response {
        var response = text(value.canonical, type: "application/json")
        response.status = status
        return response
    }

    static func badRequest(_ parameters: String) -> Response {
        json(.object([("error", .string("参数有误 / bad or out-of-range parameters: \(parameters)"))]), status: .badRequest)
    }

    static func text(_ body: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
