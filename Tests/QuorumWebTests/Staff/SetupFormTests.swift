import HummingbirdTesting
import QuorumCore
import QuorumStore
import Testing

@testable import QuorumWeb

/// Issue 13, item 20: a matter's Art. 278 item decides its threshold, so the set-up form has
/// no silent default: a matter without one is refused, saying so. The form starts with one
/// matter and adds one at a time, every field kept; an election's fields are an election's.
@Suite struct SetupFormTests {
    func committee(_ site: SiteFixture, _ client: any TestClientProtocol) async throws -> (Visitor, String) {
        try await MassActionRouteTests().signedIn(.committeeHere, site, client)
    }

    /// A window the notice allows: 20 to 30 days from now.
    static func window(_ site: SiteFixture) -> [(String, String)] {
        let now = site.store.voting.now().millisecondsSinceEpoch
        let day: Int64 = 86_400_000
        return [
            ("opens", VoteForm.local(Timestamp(millisecondsSinceEpoch: now + 20 * day))),
            ("closes", VoteForm.local(Timestamp(millisecondsSinceEpoch: now + 30 * day))),
        ]
    }

    @Test func aMatterWithoutItsArt278ItemIsRefused() async throws {
        try await SiteFixture.with { site, client in
            let (committee, csrf) = try await committee(site, client)
            let fields = [("csrf", csrf), ("title", "电梯"), ("scope", "all"), ("m1.title", "更换电梯"), ("objection_days", "7")] + Self.window(site)
            // act: the form without the item, then with it
            let refused = try await committee.post("/manage/estates/\(site.here)/votes", fields)
            let saved = try await committee.post("/manage/estates/\(site.here)/votes", fields + [("m1.item", "5")])
            // check
            #expect(refused.status != .seeOther && refused.body.contains("请选择第二百七十八条的事项"))
            #expect(saved.status == .seeOther)
            #expect(try await site.store.voting.votes(of: site.here).contains { $0.title == "电梯" && $0.definition.matters.first?.item == 5 })
        }
    }

    /// What a filled-in first matter (an election) and the rest of the form send.
    static func filled(_ site: SiteFixture, csrf: String) -> [(String, String)] {
        [
            ("csrf", csrf), ("title", "电梯 & 委员"), ("scope", "buildings"), ("building", "1"), ("m1.title", "增补委员"), ("m1.item", "3"),
            ("m1.kind", "election"), ("m1.seats", "2"), ("m1.candidates", "刘洋\n陈静"), ("parking_votes", "1"),
        ] + window(site)
    }

    /// Every field of `filled` as the form shows it again.
    static let kept = [
        #"name="title" value="电梯 &amp; 委员""#, #"value="buildings" checked="checked""#, #"name="building" value="1" checked="checked""#,
        #"name="m1.title" value="增补委员""#, #"<option value="3" selected="selected">"#, #"value="election" checked="checked" id="m1-election""#,
        #"name="m1.seats" value="2""#, "刘洋\n陈静</textarea>", #"value="1" checked="checked" id="parking-votes""#,
    ]

    /// A draft over the units that share a cost (a fund case's, RULES.md §7) keeps that scope
    /// when the form edits it: the form shows the units and sends them back, never the whole estate.
    @Test func aDraftOverSomeUnitsKeepsThemWhenEdited() async throws {
        try await SiteFixture.with { site, client in
            let (committee, csrf) = try await committee(site, client)
            let now = site.store.now().millisecondsSinceEpoch
            let draft = try await site.store.organising.createDraft(
                estate: site.here,
                definition: VoteDefinition(name: "1 单元电梯", scope: .units(["A1"]), matters: [Matter(id: "m1", title: "更换钢丝绳", item: 5)]),
                opensAt: Timestamp(millisecondsSinceEpoch: now + 30 * 86_400_000), closesAt: Timestamp(millisecondsSinceEpoch: now + 40 * 86_400_000),
                actor: "setup")
            let path = "/manage/votes/\(draft.id)/edit"
            // act
            let edit = try await committee.get(path)
            let fields = VoteForm.Values(draft)
            let saved = try await committee.post(
                path,
                [
                    ("csrf", csrf), ("title", "1 单元电梯（改）"), ("scope", "units"), ("unit", "A1"), ("m1.title", "更换钢丝绳"), ("m1.item", "5"),
                    ("opens", fields.opens), ("closes", fields.closes),
                ])
            // check
            #expect(edit.body.contains(#"value="units" checked"#) && edit.body.contains(#"name="unit" value="A1""#))
            #expect(edit.body.contains("分摊费用的 1 个单元的业主：A1"))
            #expect(saved.status == .seeOther)
            #expect(try await site.store.voting.vote(draft.id)?.definition.scope == .units(["A1"]))
        }
    }

    @Test func theFormStartsWithOneMatterAndAddsOneAtATimeKeepingEveryField() async throws {
        try await SiteFixture.with { site, client in
            let (committee, csrf) = try await committee(site, client)
            let path = "/manage/estates/\(site.here)/votes"
            // act: the blank form; one more matter; the second filled in and saved
            let blank = try await committee.get(path + "/new")
            let added = try await committee.post(path, Self.filled(site, csrf: csrf) + [("add", "再加一项表决事项")])
            let unsaved = try await site.store.voting.votes(of: site.here).filter { $0.title == "电梯 & 委员" }
            let saved = try await committee.post(path, Self.filled(site, csrf: csrf) + [("m2.title", "加装电梯"), ("m2.item", "5"), ("m2.seats", "5")])
            // check: one matter, then two with every field kept and nothing saved; the draft has both
            #expect(blank.body.contains(#"id="m1-title""#) && !blank.body.contains(#"id="m2-title""#) && blank.body.contains(#"id="add-matter""#))
            #expect(added.status == .ok && added.body.contains(#"id="m2-title""#) && !added.body.contains(#"id="m3-title""#))
            for field in Self.kept { #expect(added.body.contains(field), "\(field)") }
            #expect(unsaved.isEmpty, "adding a matter saves nothing")
            #expect(saved.status == .seeOther)
            let draft = try #require(try await site.store.voting.votes(of: site.here).first { $0.title == "电梯 & 委员" })
            #expect(draft.definition.matters.map(\.title) == ["增补委员", "加装电梯"])
            let edit = try await committee.get("/manage/votes/\(draft.id)/edit")
            #expect(edit.body.contains(#"name="m2.title" value="加装电梯""#) && !edit.body.contains(#"id="m3-title""#))
        }
    }

    @Test func anElectionsSeatsAndCandidatesShowOnlyForAnElection() async throws {
        try await SiteFixture.with { site, client in
            let (committee, _) = try await committee(site, client)
            // act
            let form = try await committee.get("/manage/estates/\(site.here)/votes/new").body
            // check: the fields sit in the matter's election block, which the stylesheet shows only while the box is ticked
            let election = try #require(form.range(of: #"id="m1-election""#)).upperBound
            let block = try #require(form.range(of: #"<div class="election-fields">"#))
            #expect(block.lowerBound > election && form[block.upperBound...].prefix(200).contains(#"id="m1-seats""#))
            #expect(StaticFiles.css.contains("fieldset.matter:has(.election-kind input:not(:checked)) .election-fields{display:none}"))
            #expect(form.contains(#"<label class="check election-kind">"#))
        }
    }

    /// The language switch of the set-up form sends the form, which comes back in the other
    /// language holding what it held; nothing is saved. Its address for a GET is the form's page.
    @Test func switchingLanguageKeepsWhatTheFormHolds() async throws {
        try await SiteFixture.with { site, client in
            let (committee, csrf) = try await committee(site, client)
            let path = "/manage/estates/\(site.here)/votes"
            // act
            let form = try await committee.get(path + "/new")
            let switched = try await committee.post(path + "?lang=en", Self.filled(site, csrf: csrf) + [("relang", "")])
            let back = try await committee.post(path + "?lang=zh", Self.filled(site, csrf: csrf) + [("relang", "")])
            // check
            #expect(form.body.contains(#"form="kept-form" name="relang" formaction="\#(path)?lang=en""#))
            #expect(switched.status == .ok && switched.body.contains(#"<html lang="en">"#) && switched.body.contains("Set up the vote"))
            for field in Self.kept { #expect(switched.body.contains(field), "\(field)") }
            #expect(back.body.contains(#"<html lang="zh">"#) && back.body.contains(#"formaction="\#(path)?lang=en""#))
            #expect(try await site.store.voting.votes(of: site.here).allSatisfy { $0.title != "电梯 & 委员" }, "switching saves nothing")
        }
    }
}
