import Testing

@testable import QuorumCore

@Suite struct LogEntryTests {
    static let vote = "2024-01 天汇广场门禁改造"
    static let salt = (0..<32).map { UInt8($0 * 7 % 256) }
    static let choices = BallotChoices(["m2": .candidates(["c3", "c1"]), "m1": .option(.agree)])

    @Test func theCommitmentIsSHA256OfSaltAndCanonicalChoices() {
        // Expected values computed independently (Python's hashlib and json), as in docs/AUDIT-LOG.md.
        #expect(Self.choices.canonicalJSON == #"{"m1":"agree","m2":["c1","c3"]}"#)
        #expect(BallotCommitment.make(Self.choices, salt: Self.salt) == "ebd72937fef79a60c5c3c19012498b59fe14f8362ebe68bbefbda384683c6be3")
    }

    @Test func aBallotEntryHasTheDocumentedBytesAndLeaf() {
        let entry = LogEntry(
            vote: Self.vote, time: Timestamp(millisecondsSinceEpoch: 1_705_716_060_000),
            event: .ballot(
                LoggedBallot(
                    voter: "0123456789abcdef0123456789abcdef", channel: .online,
                    commitment: BallotCommitment.make(Self.choices, salt: Self.salt))))
        #expect(
            entry.json(index: 3).canonical
                == #"{"channel":"online","commitment":"ebd72937fef79a60c5c3c19012498b59fe14f8362ebe68bbefbda384683c6be3","index":3,"kind":"ballot","time":1705716060000,"vote":"2024-01 天汇广场门禁改造","voter":"0123456789abcdef0123456789abcdef"}"#
        )
        #expect(ByteText.hex(entry.leafHash(index: 3)) == "0bd48f89a1c25beab59cf35ff2d5a3458a83d0bc19e93730ece6de5f7c6e809c")
    }

    static let hash = String(repeating: "ab", count: 32)
    static let voter = String(repeating: "cd", count: 16)
    static let everyKind: [AuditEvent] = [
        .voteCreated(title: "门禁改造", actor: "organiser-1", documents: [LogDocument(name: "matters.json", sha256: hash)]),
        .noticePublished(actor: "organiser-1", documents: [LogDocument(name: "notice.pdf", sha256: hash)]),
        .voteOpened(actor: "system"),
        .ballot(LoggedBallot(voter: voter, channel: .paper, commitment: hash)),
        .paperEntered(paper: "7K3M-Q9XA-2B4T", voter: voter, actor: "clerk-1"),
        .paperConfirmed(paper: "7K3M-Q9XA-2B4T", actor: "clerk-2"),
        .conflict(voter: voter, counted: 3, ignored: 5),
        .listAccessed(list: .notVoted, actor: "organiser-1"),
        .exported(file: .ballots, actor: "committee-1"),
        .voteClosed(actor: "system"),
        .tallied(tallySHA256: hash, actor: "organiser-1"),
        .published(actor: "organiser-1", documents: []),
        .ticketFiled(
            ticket: "T-1", kind: .objection, item: "m1", asker: voter, due: Timestamp(millisecondsSinceEpoch: 1_705_766_400_000), textSHA256: hash),
        .ticketPassed(ticket: "T-1", desk: .street, due: Timestamp(millisecondsSinceEpoch: 1_706_371_200_000)),
        .ticketAnswered(ticket: "T-1", desk: .committee, actor: "committee-1", textSHA256: hash),
        .staffNamed(clerks: ["clerk-1", "clerk-2"], scrutineers: [], actor: "committee-1"),
        .staffReplaced(duty: .clerk, replaced: "clerk-1", by: "clerk-3", reasonSHA256: hash, actor: "committee-1"),
        .staffAccount(account: "clerk-3", change: .passwordReset, role: .clerk, division: 12, actor: "street-1"),
        .settingsChanged(
            estate: 4, revision: 2, settings: EstateSettings(), decidedBy: "", documents: [LogDocument(name: "rules.pdf", sha256: hash)], actor: "c1"),
        .phoneChanged(change: "PC-1", requestedBy: "street-1", actor: "street-2"),
        .remindersSent(count: 12, actor: "committee-1"),
        .paperComplete(actor: "committee-1"),
        .delivered(
            method: .posting, day: "2026-12-02", persons: [3, 7, 12], documents: [LogDocument(name: "posting.jpg", sha256: hash)], actor: "c1"),
        .delivered(method: .text, day: "2026-12-01", persons: [4], documents: [], actor: "clerk-1"),
        .books(.recorded(entry: "E1", account: "public-income", kind: .expense, amount: 23_000, corrects: "", contentSHA256: hash, actor: "p1")),
        .books(.recorded(entry: "E2", account: "maintenance-fund", kind: .opening, amount: 0, corrects: "E0", contentSHA256: hash, actor: "p1")),
        .books(.reviewed(entry: "E1", state: .needsInformation, textSHA256: hash, actor: "c1")),
        .books(.documented(entry: "E1", documents: [LogDocument(name: "receipt.pdf", sha256: hash)], actor: "p1")),
        .books(.imported(account: "public-income", fileSHA256: hash, rowsSHA256: hash, rows: 10, actor: "p1")),
        .facilitiesImported(file: LogDocument(name: "facilities.csv", sha256: hash), added: 5, updated: 0, actor: "c1"),
        .facilityRecorded(
            record: "FR-1", facility: "2-elevator-01", item: "lift_half_monthly", day: "2026-12-01", by: "某某电梯维保", passed: false,
            documents: [LogDocument(name: "checklist.pdf", sha256: hash)], actor: "c1"),
        .facilityScheduleAdded(schedule: "own-1", kind: .waterPump, name: "水箱清洗", period: "m6", actor: "c1"),
    ]

    @Test(arguments: everyKind)
    func everyKindReadsBackFromItsCanonicalJSON(event: AuditEvent) throws {
        let entry = LogEntry(vote: Self.vote, time: Timestamp(millisecondsSinceEpoch: 1_705_716_000_123), event: event)
        let text = entry.json(index: 41).canonical
        let json = try #require(CanonicalJSONReader.parse(text))
        let read = try #require(LogEntry.read(json))
        #expect(read.index == 41 && read.entry == entry)
        #expect(text.contains(#""kind":"\#(event.kind)""#))
    }

    @Test func anEntryWithAnExtraOrMissingOrMalformedMemberIsRefused() {
        let good = #"{"actor":"system","index":0,"kind":"vote_opened","time":1,"vote":"v"}"#
        #expect(LogEntry.read(CanonicalJSONReader.parse(good)!) != nil)
        let bad = [
            #"{"actor":"system","extra":1,"index":0,"kind":"vote_opened","time":1,"vote":"v"}"#,
            #"{"index":0,"kind":"vote_opened","time":1,"vote":"v"}"#,
            #"{"actor":"system","index":-1,"kind":"vote_opened","time":1,"vote":"v"}"#,
            #"{"actor":"system","index":0,"kind":"vote_reopened","time":1,"vote":"v"}"#,
            #"{"channel":"online","commitment":"AB","index":0,"kind":"ballot","time":1,"vote":"v","voter":"cd"}"#,
        ]
        for text in bad { #expect(LogEntry.read(CanonicalJSONReader.parse(text)!) == nil, "\(text)") }
    }

    @Test func aSignedHeadVerifiesAndAnyChangeBreaksIt() throws {
        let key = LogSigningKey.generate()
        let root = Merkle.leafHash([1, 2, 3])
        let head = try key.sign(size: 7, root: root, time: Timestamp(millisecondsSinceEpoch: 1_705_716_000_000))
        #expect(head.log == "quorum-audit-log/\(key.publicKey.keyID)")
        #expect(
            String(decoding: head.signingInput, as: UTF8.self)
                == "\(head.log)\n7\n\(ByteText.base64(root))\n1705716000000\n")
        #expect(head.isSigned(by: key.publicKey))
        var changed = head
        changed.size = 8
        #expect(!changed.isSigned(by: key.publicKey))
        changed = head
        changed.time = Timestamp(millisecondsSinceEpoch: 1)
        #expect(!changed.isSigned(by: key.publicKey))
        #expect(!head.isSigned(by: LogSigningKey.generate().publicKey))
        #expect(SignedTreeHead(json: try #require(CanonicalJSONReader.parse(head.json.canonical))) == head)
    }

    @Test func aPublicKeyReadsFromPEMBase64AndHex() throws {
        let key = LogSigningKey.generate().publicKey
        #expect(LogPublicKey(text: key.pem) == key)
        #expect(LogPublicKey(text: ByteText.base64(key.raw)) == key)
        #expect(LogPublicKey(text: ByteText.hex(key.raw)) == key)
        #expect(LogPublicKey(text: ByteText.base64(key.der)) == key)
        #expect(key.pem.hasPrefix("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
        #expect(LogPublicKey(text: "not a key") == nil)
        let seed = LogSigningKey.generate()
        #expect(LogSigningKey(base64: seed.base64)?.publicKey == seed.publicKey)
    }
}

extension AuditEvent: CustomTestStringConvertible {
    public var testDescription: String { kind }
}
