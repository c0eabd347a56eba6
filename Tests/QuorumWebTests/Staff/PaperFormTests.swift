import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 20, on the paper pages: the entry form keeps what it holds when it comes
/// back (the language switch, a refusal); the mismatch page shows exactly where two entries
/// differ and says in words what settling did; a clerk sees their own ballots waiting on one.
@Suite struct PaperFormTests {
    let mass = MassActionRouteTests()

    /// The open vote's first paper ballot and a collection time within its window.
    func ballot(_ site: SiteFixture) async throws -> (code: String, person: Int, at: Timestamp) {
        let ballot = try #require(try await site.store.paper.ballots(of: site.open.id).first)
        return (ballot.code, ballot.person, Timestamp(millisecondsSinceEpoch: site.store.now().millisecondsSinceEpoch - 3_600_000))
    }

    @Test func theEntryFormKeepsWhatItHoldsInTheOtherLanguageAndWhenRefused() async throws {
        try await SiteFixture.with { site, client in
            let (clerk, csrf) = try await mass.signedIn(.clerkHere, site, client)
            let (code, _, at) = try await ballot(site)
            let entry = "/manage/votes/\(site.open.id)/entry"
            let fields = [
                ("csrf", csrf), ("code", code), ("collection_kind", "box"), ("collected_by", "1号箱"), ("collected_at", VoteForm.local(at)),
                ("signed", "yes"), ("m.m1", "oppose"),
            ]
            // act
            let form = try await clerk.get(entry + "?code=\(code)")
            let switched = try await clerk.post(entry + "?lang=en", fields + [("relang", "")])
            let refused = try await clerk.post(entry + "?lang=zh", fields.filter { $0.0 != "collected_at" })
            // check: the switch sends the form; it comes back in English as it was; a refusal keeps it too
            #expect(form.body.contains(#"form="kept-form" name="relang" formaction="\#(entry)?lang=en""#))
            #expect(switched.status == .ok && switched.body.contains(#"<html lang="en">"#))
            for page in [switched, refused] {
                for field in [#"id="collection-box" checked="checked""#, #"name="collected_by" value="1号箱""#, #"id="m-m1-oppose" checked="checked""#]
                {
                    #expect(page.body.contains(field), "\(field)")
                }
            }
            #expect(switched.body.contains(#"name="collected_at" value="\#(VoteForm.local(at))""#))
            #expect(refused.status == .unprocessableContent && refused.body.contains("请填写收票记录"))
            #expect(try await site.store.paper.ballot(vote: site.open.id, code: code)?.state == nil, "nothing was entered")
        }
    }

    @Test func theMismatchPageShowsWhereTheEntriesDifferAndWhatSettlingDid() async throws {
        try await SiteFixture.with { site, client in
            // setup: two clerks' entries that differ in the collector, the box and the mark; the collection time agrees
            let store = site.store
            let (code, _, at) = try await ballot(site)
            let second = try #require(try await store.staff.account(username: "clerkHere2")).id
            let read = { (kind: PaperCollection.Kind, by: String, choice: Choice) in
                PaperReading(choices: BallotChoices(["m1": .option(choice)]), collection: PaperCollection(kind: kind, by: by, at: at))
            }
            _ = try await store.paper.enter(vote: site.open, code: code, clerk: site.clerk, reading: read(.box, "1号箱", .agree))
            #expect(try await store.paper.enter(vote: site.open, code: code, clerk: second, reading: read(.hand, "王芳", .oppose)) == .mismatch)
            // Entries made at one instant are in the order of their clerks' ids: which is the second clerk's?
            let entries = try #require(try await store.paper.mismatches(of: site.open.id).first).entries
            let seconds = try #require(entries.firstIndex { $0.clerk == second }) + 1
            let (committee, csrf) = try await mass.signedIn(.committeeHere, site, client)
            let (clerk, _) = try await mass.signedIn(.clerkHere, site, client)
            // act
            let queue = try await committee.get("/manage/votes/\(site.open.id)/mismatches").body
            let switched = try await committee.post(
                "/manage/votes/\(site.open.id)/mismatches?lang=en",
                [("csrf", csrf), ("code", code), ("collection_kind", "hand"), ("collected_by", "王芳 半填"), ("relang", "")])
            let waiting = try await clerk.get("/manage/votes/\(site.open.id)/entry").body
            let settled = try await committee.post(
                "/manage/votes/\(site.open.id)/mismatches?lang=zh",
                [
                    ("csrf", csrf), ("code", code), ("collection_kind", "hand"), ("collected_by", "王芳"), ("collected_at", VoteForm.local(at)),
                    ("signed", "yes"), ("m.m1", "oppose"),
                ])
            let after = try await clerk.get("/manage/votes/\(site.open.id)/entry").body
            // check: the three parts that differ, named and marked, the time not; the form marks the two fieldsets
            #expect(queue.contains("两次录入在这些地方不同：收票方式、收票人或票箱、事项"))
            // the language switch: the queue in English, the form holding what it held, nothing settled
            #expect(switched.status == .ok && switched.body.contains(#"<html lang="en">"#) && switched.body.contains(#"value="王芳 半填""#))
            #expect(switched.body.contains(#"method="post" id="kept-form" data-keepable="1""#))
            #expect(queue.components(separatedBy: #"<tr class="differs">"#).count - 1 == 3)
            #expect(queue.contains(#"<tr class="same"><td><span>收票时间</span></td>"#))
            let (boxes, marks) =
                seconds == 2 ? ("<td>密封票箱</td><td>交给收票人</td>", "<td>同意</td><td>反对</td>") : ("<td>交给收票人</td><td>密封票箱</td>", "<td>反对</td><td>同意</td>")
            #expect(queue.contains(boxes) && queue.contains(marks))
            #expect(queue.components(separatedBy: #"<fieldset class="differs">"#).count - 1 == 2)
            #expect(waiting.contains(#"id="waiting""#) && waiting.contains(code) && waiting.contains("收票方式、收票人或票箱、事项"))
            #expect(settled.status == .ok && settled.body.contains(#"class="ok" role="status" id="message""#))
            #expect(settled.body.contains("已裁定 \(code)") && settled.body.contains("按您读出的内容计入") && settled.body.contains("与第 \(seconds) 次录入一致"))
            #expect(!after.contains(#"id="waiting""#), "settled: no longer waiting")
            #expect(try await store.paper.ballot(vote: site.open.id, code: code)?.state == .confirmed)
        }
    }
}
