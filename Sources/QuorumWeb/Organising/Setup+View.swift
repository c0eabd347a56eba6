import Foundation
import Plot
import QuorumCore

extension SetupPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.setUpVote, chrome: chrome.keeping(action, main: S.saveDraft)) { lang in
            Paragraph(estate.name).class("meta")
            Layout.flash(error, id: "form-error")
            Form(keeping: action, csrf: csrf) {
                Label(S.voteTitle(lang)) { Input(type: .text, name: "title", value: values.title, isRequired: true).id("title") }
                FieldSet {
                    Legend(S.scope(lang))
                    Label(S.wholeEstate(lang)) {
                        Input(type: .radio, name: "scope", value: "all").checked(values.buildings.isEmpty && values.units.isEmpty).id("scope-all")
                    }
                    .class("check")
                    Label(S.chosenBuildings(lang)) {
                        Input(type: .radio, name: "scope", value: "buildings").checked(!values.buildings.isEmpty).id("scope-buildings")
                    }.class("check")
                    if !values.units.isEmpty {
                        Label(S.chosenUnits(values.units)(lang)) {
                            Input(type: .radio, name: "scope", value: "units").checked(true).id("scope-units")
                        }.class("check")
                        for unit in values.units { Input(type: .hidden, name: "unit", value: unit) }
                    }
                    Div {
                        for building in buildings {
                            Label(building) {
                                Input(type: .checkbox, name: "building", value: building).checked(values.buildings.contains(building))
                            }.class("chip")
                        }
                    }.class("chips")
                }
                for (index, matter) in values.matters.enumerated() { slot(index + 1, matter, lang) }
                if values.matters.count < VoteForm.most {
                    // Shows the form again with one more matter, every field kept; no script needed.
                    SubmitButton(S.addMatter(lang)).class("secondary").attr("name", "add").attr("formnovalidate", "formnovalidate")
                        .attr("formaction", action.path + "#matter-\(values.matters.count + 1)").id("add-matter")
                }
                FieldSet {
                    Legend(S.window(lang))
                    Paragraph(S.windowExplain(lang)).class("note")
                    Label(S.opens(lang)) { Input(type: .datetimeLocal, name: "opens", value: values.opens).id("opens") }
                    Label(S.deadline(lang)) { Input(type: .datetimeLocal, name: "closes", value: values.closes).id("closes") }
                }
                FieldSet {
                    Legend(S.settings(lang))
                    checkbox("parking_votes", S.parkingVotes(lang), values.parkingVotes)
                    Paragraph(S.Settings.appliesAtNotice(lang)).class("note")
                    Paragraph(S.Settings.summary(settings, lang)).class("meta").id("estate-settings")
                    if settings.silentMajority { Paragraph(S.silentMajorityWarning(lang)).class("alert small") }
                    Link(S.Settings.title(lang), url: SiteURL.estateSettings(estate: String(estate.id))).id("to-settings")
                }
                SubmitButton(S.saveDraft(lang)).id("save-draft")
            }
        }
    }

    func checkbox(_ name: String, _ label: String, _ on: Bool) -> Component {
        Label(label) {
            Input(type: .checkbox, name: name, value: "1").checked(on).id(name.replacingOccurrences(of: "_", with: "-"))
        }.class("check")
    }

    /// One matter's fields; an election's seats and candidates show only while it is ticked as one (app.css).
    func slot(_ number: Int, _ matter: VoteForm.Matter, _ lang: Lang) -> Component {
        let prefix = "m\(number)."
        return FieldSet {
            Legend(S.matterNumber(number)(lang))
            Label((number == 1 ? S.firstMatterTitle : S.matterTitle)(lang)) {
                Input(type: .text, name: prefix + "title", value: matter.title, isRequired: number == 1).id("m\(number)-title")
            }
            Label(S.art278Item(lang)) {
                Select {
                    Option(S.chooseItem(lang), value: "").attribute(named: "selected", value: matter.item == 0 ? "selected" : nil)
                    for item in 1...9 {
                        Option(S.itemLong(item)(lang), value: String(item)).attribute(
                            named: "selected", value: matter.item == item ? "selected" : nil)
                    }
                }.attr("name", prefix + "item").attr("required", number == 1 ? "required" : nil).id("m\(number)-item")
            }
            Paragraph(S.itemThresholdNote(lang)).class("note")
            Label(S.isElection(lang)) {
                Input(type: .checkbox, name: prefix + "kind", value: "election").checked(matter.election).id("m\(number)-election")
            }.class("check election-kind")
            Div {
                Label(S.seats(lang)) {
                    Input(type: .number, name: prefix + "seats", value: String(matter.seats)).attribute(named: "min", value: "1").id(
                        "m\(number)-seats")
                }
                Label(S.candidatesOnePerLine(lang)) {
                    TextArea(text: matter.candidates, name: prefix + "candidates", numberOfRows: 4).id("m\(number)-candidates")
                }
            }.class("election-fields")
        }.class("matter").id("matter-\(number)")
    }
}

extension OverviewPage {
    func render(chrome: PageChrome) -> Page {
        let phase = vote.phase(at: now)
        let permissions = staff.account.role.permissions
        let clerks = permissions.contains(.organise) && vote.tallyJSON == nil && (vote.isDraft || named.contains { $0.endedAt == nil })
        let kept = clerks ? chrome.keeping(SiteURL.manageVote(vote.id, .clerks), main: vote.isDraft ? S.Clerks.save : S.Clerks.replace) : chrome
        return Layout.page(S.voteOverview, chrome: kept) { lang in
            H2(vote.title)
            Paragraph(estate).class("meta")
            Paragraph(StaffPages.phaseName(phase, lang)).class("tag phase").id("phase")
            Layout.flash(message, id: "message")
            if phase == .closed && vote.paperEntryOpen(at: now) {
                Paragraph(S.paperEntryRuns(LocalTime.deadline(vote.calendar.countingEnds))(lang)).class("alert").id("paper-entry-runs")
                if permissions.contains(.organise) {
                    Form(post: SiteURL.manageVote(vote.id, .paperComplete), csrf: staff.csrf) {
                        SubmitButton(S.declareComplete(lang)).id("declare-complete")
                    }.attr("data-confirm", S.confirmComplete(lang))
                }
            }
            Paragraph(VotePages.window(vote, lang)).class("meta")
            if let noticedAt = vote.noticedAt { Paragraph("\(S.noticedAt(lang))\(lang.colon)\(LocalTime.format(noticedAt))").class("meta") }
            if vote.isDraft {
                Paragraph(S.earliestIfNow(LocalTime.format(VoteCalendar.earliestOpening(noticedAt: now)))(lang)).class("note").id("earliest")
            }
            H2(S.matters(lang))
            VotePages.matters(vote, lang, items: true)
            Paragraph(settingsLine(lang)).class("meta")
            H2(S.documents(lang))
            if documents.isEmpty { Paragraph(S.noDocuments(lang)).class("meta") }
            List(documents) { document in
                Div {
                    Link(
                        "\(document.name)\(lang.parenthesised("\(document.size / 1024) KB"))",
                        url: SiteURL.manageVote(vote.id, .document(String(document.number))))
                    Paragraph("SHA-256 \(document.sha256)").class("hash")
                }
            }.class("plain")
            NamedStaffBlock(named: named, lang: lang)
            if clerks {
                ClerksForm(vote: vote, named: named, eligible: eligible, csrf: staff.csrf, lang: lang, held: heldClerks)
            }
            if vote.isDraft && permissions.contains(.organise) {
                Form(post: SiteURL.manageVote(vote.id, .documents), csrf: staff.csrf, contentType: .multipartData) {
                    Label(S.attachDocument(lang)) {
                        Input(type: .file, name: "document").attribute(named: "accept", value: "application/pdf,image/png,image/jpeg").id("document")
                    }
                    SubmitButton(S.upload(lang)).class("secondary").id("upload")
                }
                Link(S.editVote(lang), url: SiteURL.manageVote(vote.id, .edit)).class("button secondary").id("edit")
                Form(post: SiteURL.manageVote(vote.id, .notice), csrf: staff.csrf) {
                    Paragraph(S.noticeFreezes(lang)).class("note")
                    SubmitButton(S.publishNotice(lang)).id("publish-notice")
                }.attr("data-confirm", S.confirmNotice(vote.title)(lang))
            }
            if let progress { ProgressView(progress: progress, lang: lang, source: nil) }
            if let head { HeadBlock(head: head, moment: S.Head.atNotice, lang: lang) }
            if !vote.isDraft {
                H2(S.work(lang))
                List {
                    for (shown, title, page, id) in work(phase, permissions) {
                        if shown { ListItem { Link(title(lang), url: SiteURL.manageVote(vote.id, page)).id(id) } }
                    }
                }.class("actions")
            }
            if demo { demoClock(lang) }
        }
    }

    /// The vote's pages of work, and whether the staff member may open each.
    func work(_ phase: VotePhase, _ permissions: Set<Permission>) -> [(Bool, L10n, SiteURL.Manage, String)] {
        [
            (permissions.contains(.view), S.dashboard, .dashboard, "to-dashboard"),
            (permissions.contains(.view), S.deliveryTitle, .delivery(), "to-delivery"),
            (permissions.contains(.print), S.printBallots, .paper(), "to-print"),
            (permissions.contains(.enter) && isClerk, S.paperEntry, .entry(), "to-entry"),
            (permissions.contains(.resolve), S.mismatchQueue, .mismatches, "to-mismatches"),
            (permissions.contains(.view), S.reconciliationTitle, .reconciliation, "to-reconciliation"),
            (permissions.contains(.view) && phase != .noticed && phase != .open, S.resultTitle, .result, "to-result"),
            // Disputed ballots come in during the vote, objections after the result.
            (permissions.contains(.answer), S.objectionsTitle, .objections, "to-objections"),
        ]
    }

    func settingsLine(_ lang: Lang) -> String {
        var scope = S.wholeEstate(lang)
        if case .buildings(let buildings) = vote.definition.scope { scope = buildings.joined(separator: lang.list) }
        if case .units(let units) = vote.definition.scope { scope = S.chosenUnits(units)(lang) }
        var parts = ["\(S.scope(lang))\(lang.colon)\(scope)"]
        if vote.definition.settings.parkingVotes { parts.append(S.parkingVotesOn(lang)) }
        parts += [S.Settings.summary(vote.settings, lang), S.Settings.announcedWith(vote.settingsRevision)(lang)]
        return parts.joined(separator: lang.dot)
    }

    /// Demo mode only: move the clock on, to run a vote from notice to result in minutes.
    func demoClock(_ lang: Lang) -> Component {
        Div {
            H2(S.demoClockTitle(lang))
            Paragraph(S.demoClockIntro(lang)).class("note")
            for (hours, label) in [(24, S.plusDay(lang)), (16 * 24, S.plusSixteenDays(lang)), (12 * 24, S.plusTwelveDays(lang))] {
                Form(post: SiteURL.demoClock, csrf: staff.csrf) {
                    Input(type: .hidden, name: "hours", value: String(hours))
                    Input(type: .hidden, name: "back", value: SiteURL.manageVote(vote.id).path)
                    SubmitButton(label).class("secondary").id("clock-\(hours)")
                }.class("inline")
            }
        }.class("card demo")
    }
}
