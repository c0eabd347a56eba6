import HTTPTypes
import HummingbirdTesting
import NIOCore
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 14 on the web: the property company opens the public income and records an expense,
/// the committee approves (never the recorder), a bad amount is refused with its reason, and
/// the owners' page shows the balance, the entry and the missing receipt.
@Suite struct BooksRouteTests {
    func visitor(_ site: SiteFixture, _ client: any TestClientProtocol, _ role: SiteFixture.Role) async throws -> (Visitor, String) {
        let credentials = try #require(try await site.credentials(role))
        let visitor = Visitor(client)
        let (name, value) = credentials.cookie.split(separator: "=", maxSplits: 1).map(String.init).pairs
        visitor.cookies.withLock { $0[name] = value }
        return (visitor, credentials.csrf)
    }

    @Test func thePropertyCompanyRecordsTheCommitteeApprovesAndTheOwnersSee() async throws {
        try await SiteFixture.with { site, client in
            let (property, propertyCSRF) = try await visitor(site, client, .propertyHere)
            let (committee, committeeCSRF) = try await visitor(site, client, .committeeHere)
            let (owner, _) = try await visitor(site, client, .ownerHere)
            let books = SiteURL.manageBooks(estate: String(site.here)).path
            let review = SiteURL.reviewEntry(estate: String(site.here)).path
            // the property company opens the account; the committee approves the opening balance
            let opened = try await property.post(
                books, [("csrf", propertyCSRF), ("kind", "opening"), ("account", "public-income"), ("amount", "1,000.00"), ("date", "2026-01-01")])
            #expect(opened.status == .ok && opened.body.contains("期初余额"))
            // (the fixture's own entry is the maintenance fund's)
            let publicIncome = { try await site.store.books.entries(estate: site.here).filter { $0.entry.account == LedgerAccount(.publicIncome) } }
            let opening = try #require(try await publicIncome().first)
            #expect(!opened.body.contains("review-\(opening.entry.id)"), "the recorder is offered no review")
            let refusedOwn = try await property.post(review, [("csrf", propertyCSRF), ("entry", opening.entry.id), ("decision", "approve")])
            #expect(refusedOwn.status == .unprocessableContent)
            let page = try await committee.get(books)
            #expect(page.body.contains("review-\(opening.entry.id)"))
            let approved = try await committee.post(review, [("csrf", committeeCSRF), ("entry", opening.entry.id), ("decision", "approve")])
            #expect(approved.status == .ok && approved.body.contains("1,000.00 元"))
            // an amount with three decimals is refused with its reason, nothing recorded
            let fields = [("csrf", propertyCSRF), ("account", "public-income"), ("kind", "expense"), ("date", "2026-01-12"), ("category", "保洁")]
            let bad = try await property.post(books, fields + [("amount", "230.001")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("“230.001”不是金额"))
            #expect(try await publicIncome().count == 1)
            _ = try await property.post(books, fields + [("amount", "230.00"), ("counterparty", "某某物业")])
            let expense = try #require(try await site.store.books.entries(estate: site.here, state: .recorded).first)
            // sent back without a reason: refused; with one: the property company answers and resubmits
            let noReason = try await committee.post(review, [("csrf", committeeCSRF), ("entry", expense.entry.id), ("decision", "ask")])
            #expect(noReason.status == .unprocessableContent)
            _ = try await committee.post(review, [("csrf", committeeCSRF), ("entry", expense.entry.id), ("decision", "ask"), ("reason", "哪一栋？")])
            let resubmitted = try await property.post(
                review, [("csrf", propertyCSRF), ("entry", expense.entry.id), ("decision", "resubmit"), ("reason", "3 号楼")])
            #expect(resubmitted.status == .ok)
            _ = try await committee.post(review, [("csrf", committeeCSRF), ("entry", expense.entry.id), ("decision", "approve")])
            // the owners' page, one tap from the vote list
            #expect(try await owner.get(SiteURL.votes.path).body.contains("href=\"/books\""))
            let ours = try await owner.get(SiteURL.books().path)
            #expect(ours.status == .ok && ours.body.contains("770.00 元") && ours.body.contains("-230.00 元"))
            #expect(ours.body.contains("missing-\(expense.entry.id)"))
            #expect(try await owner.get(SiteURL.books().path + "?lang=en").body.contains("-¥230.00"))
            // the property company uploads the receipt (a file that is no PDF or image is refused): the list empties
            func upload(_ bytes: String) async throws -> HTTPResponse.Status {
                let boundary = "quorum-test-boundary"
                var body = ByteBuffer()
                for (name, value) in [("csrf", propertyCSRF), ("entry", expense.entry.id)] {
                    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
                }
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"; filename=\"发票.pdf\"\r\n")
                body.writeString("Content-Type: application/pdf\r\n\r\n\(bytes)\r\n--\(boundary)--\r\n")
                let cookie = "quorum_staff=" + (property.cookies.withLock { $0["quorum_staff"] } ?? "")
                return try await client.execute(
                    uri: SiteURL.entryDocuments(estate: String(site.here)).path, method: .post,
                    headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], body: body
                ) { $0.status }
            }
            #expect(try await upload("GIF89a not a receipt") == .unprocessableContent)
            #expect(try await upload("%PDF-1.4 invoice") == .ok)
            #expect(try await site.store.books.missingReceipts(estate: site.here).isEmpty)
            #expect(try await owner.get(SiteURL.books().path).body.contains("none-missing"))
            // the owners open the receipt from its entry; the staff from theirs; a pending entry's is not the owners'
            let receipt = SiteURL.bookDocument(entry: expense.entry.id, number: "1").path
            #expect(try await owner.get(SiteURL.books().path).body.contains(#"href="\#(receipt)""#))
            let download = try await owner.get(receipt)
            #expect(download.status == .ok && download.body.hasPrefix("%PDF-1.4 invoice"))
            #expect(try await owner.get(SiteURL.bookDocument(entry: expense.entry.id, number: "2").path).status == .notFound)
            let staffReceipt = SiteURL.manageEntryDocument(estate: String(site.here), entry: expense.entry.id, number: "1").path
            #expect(try await committee.get(books).body.contains(#"href="\#(staffReceipt)""#))
            #expect(try await committee.get(staffReceipt).status == .ok)
            _ = try await property.post(books, fields + [("amount", "99.00")])
            let pending = try #require(try await site.store.books.entries(estate: site.here, state: .recorded).first)
            _ = try await site.store.books.attach(
                try DocumentFile(Array("%PDF-1.4 draft".utf8)), named: "d.pdf", to: pending.entry.id, estate: site.here, by: "test")
            #expect(try await owner.get(SiteURL.bookDocument(entry: pending.entry.id, number: "1").path).status == .notFound)
        }
    }
}

extension Array where Element == String {
    fileprivate var pairs: (String, String) { (self[0], self.count > 1 ? self[1] : "") }
}
