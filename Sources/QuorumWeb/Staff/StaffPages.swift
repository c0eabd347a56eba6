import Plot
import QuorumCore
import QuorumStore

/// The organisers' pages: sign-in, home, accounts, a vote's overview (delivery, the dashboard
/// and the lists of rooms: Organising/DeliveryPages.swift).
enum StaffPages {
    static func login(error: String?, username: String, chrome: PageChrome) -> Page {
        let lang = chrome.lang
        return Layout.page(S.staffSignIn, chrome: chrome, path: .staffLogin) {
            Paragraph(S.staffSignInIntro(lang)).class("meta")
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.staffLogin, method: .post) {
                Label(S.username(lang)) {
                    Input(type: .text, name: "username", value: username, isRequired: true).id("username")
                        .attribute(named: "autocomplete", value: "username")
                }
                Label(S.password(lang)) {
                    Input(type: .password, name: "password", isRequired: true).id("password").attribute(
                        named: "autocomplete", value: "current-password")
                }
                SubmitButton(S.signIn(lang)).id("sign-in")
            }
        }
    }

    static func home(staff: StaffSession, estates: [(Division, [StoredVote])], now: Timestamp, chrome: PageChrome) -> Page {
        let lang = chrome.lang
        let permissions = staff.account.role.permissions
        return Layout.page(S.staffArea, chrome: chrome, path: .manage) {
            Paragraph("\(staff.account.displayName) · \(S.roleName(staff.account.role)(lang))").class(
                "meta"
            ).id("who")
            if permissions.contains(.manageStaff) {
                Link(S.accounts(lang), url: SiteURL.manageStaff).class("button secondary").id("accounts")
            }
            for (estate, votes) in estates {
                Div {
                    H2(estate.name)
                    if votes.isEmpty { Paragraph(S.noVotesYet(lang)).class("meta") }
                    List(votes) { vote in
                        Div {
                            Link(vote.title, url: SiteURL.manageVote(vote.id)).class("vote-link")
                            Span(phaseName(vote.phase(at: now), lang)).class("tag")
                        }
                    }
                    .class("plain")
                    if permissions.contains(.organise) {
                        Link(S.newVote(lang), url: SiteURL.newVote(estate: String(estate.id))).class("button").id("new-vote-\(estate.id)")
                    }
                }
                .class("card")
            }
        }
    }

    static func phaseName(_ phase: VotePhase, _ lang: Lang) -> String {
        switch phase {
        case .draft: S.phaseDraft(lang)
        case .noticed: S.phaseNoticed(lang)
        case .open: S.open(lang)
        case .closed: S.closed(lang)
        case .counted: S.phaseCounted(lang)
        case .preliminary: S.phasePreliminary(lang)
        case .final: S.phaseFinal(lang)
        }
    }

    static func accounts(
        _ accounts: [StaffAccount], divisions: [Division], staff: StaffSession, error: String?, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        let names = Dictionary(divisions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return Layout.page(S.accounts, chrome: chrome, path: .manageStaff) {
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert") }
            Table {
                HeaderRow([S.username(lang), S.displayName(lang), S.role(lang), S.division(lang)])
                for account in accounts {
                    TableRow {
                        TableCell(account.username)
                        TableCell(account.displayName)
                        TableCell(S.roleName(account.role)(lang))
                        TableCell(account.divisionID.flatMap { names[$0] } ?? "—")
                    }
                }
            }
            .class("table")
            H2(S.addAccount(lang))
            Form(url: SiteURL.manageStaff, method: .post) {
                Input(type: .hidden, name: "csrf", value: staff.csrf)
                Label(S.username(lang)) { Input(type: .text, name: "username", isRequired: true).id("new-username") }
                Label(S.displayName(lang)) { Input(type: .text, name: "display_name", isRequired: true).id("new-display-name") }
                Label(S.passwordNew(lang)) {
                    Input(type: .password, name: "password", isRequired: true).id("new-password").attribute(
                        named: "autocomplete", value: "new-password")
                }
                Label(S.role(lang)) {
                    Select {
                        for role in StaffRole.allCases where role != .admin || staff.account.role == .admin {
                            Option(S.roleName(role)(lang), value: role.rawValue)
                        }
                    }
                    .attribute(named: "name", value: "role").id("new-role")
                }
                Label(S.division(lang)) {
                    Select {
                        for division in divisions {
                            Option("\(division.name)（\(division.level.chinese)）", value: String(division.id))
                        }
                    }
                    .attribute(named: "name", value: "division").id("new-division")
                }
                SubmitButton(S.addAccount(lang)).id("add-account")
            }
        }
    }

    static func overview(
        _ vote: StoredVote, estate: String, documents: [AttachedDocument], progress: VoteProgress?, permissions: Set<Permission>,
        staff: StaffSession, now: Timestamp, message: String?, demo: Bool, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        let phase = vote.phase(at: now)
        return Layout.page(S.voteOverview, chrome: chrome, path: .manageVote(vote.id)) {
            H2(vote.title)
            Paragraph(estate).class("meta")
            Paragraph(phaseName(phase, lang)).class("tag phase").id("phase")
            if let message { Paragraph(message).class("alert").attribute(named: "role", value: "alert").id("message") }
            Paragraph("\(S.opens(lang))：\(LocalTime.format(vote.opensAt)) · \(S.deadline(lang))：\(LocalTime.format(vote.closesAt))").class("meta")
            if let noticedAt = vote.noticedAt {
                Paragraph("\(S.noticedAt(lang))：\(LocalTime.format(noticedAt))").class("meta")
            }
            if vote.isDraft {
                Paragraph(S.earliestIfNow(LocalTime.format(VoteCalendar.earliestOpening(noticedAt: now)))(lang)).class("note").id("earliest")
            }
            H2(S.matters(lang))
            List(vote.definition.matters) { matter in
                Div {
                    Paragraph(matter.title)
                    Span("\(S.itemShort(matter.item)(lang)) · \(VotePages.tag(matter, lang))").class(
                        matter.threshold == .special ? "tag special" : "tag")
                    if case .election(_, let candidates) = matter.kind {
                        Paragraph(candidates.map(\.name).joined(separator: "、")).class("meta")
                    }
                }
            }
            .listStyle(.ordered)
            Paragraph(settingsLine(vote, lang)).class("meta")
            H2(S.documents(lang))
            if documents.isEmpty { Paragraph(S.noDocuments(lang)).class("meta") }
            List(documents) { document in
                Div {
                    Link(
                        "\(document.name)（\(document.size / 1024) KB）",
                        url: SiteURL.manageVote(vote.id, .document(String(document.number))))
                    Paragraph("SHA-256 \(document.sha256)").class("hash")
                }
            }
            .class("plain")
            if vote.isDraft && permissions.contains(.organise) {
                Form(url: SiteURL.manageVote(vote.id, .documents), method: .post, contentType: .multipartData) {
                    Input(type: .hidden, name: "csrf", value: staff.csrf)
                    Label(S.attachDocument(lang)) {
                        Input(type: .file, name: "document").attribute(named: "accept", value: "application/pdf,image/png,image/jpeg").id("document")
                    }
                    SubmitButton(S.upload(lang)).class("secondary").id("upload")
                }
                Link(S.editVote(lang), url: SiteURL.manageVote(vote.id, .edit)).class("button secondary").id("edit")
                Form(url: SiteURL.manageVote(vote.id, .notice), method: .post) {
                    Input(type: .hidden, name: "csrf", value: staff.csrf)
                    Paragraph(S.noticeFreezes(lang)).class("note")
                    SubmitButton(S.publishNotice(lang)).id("publish-notice")
                }
            }
            if let progress {
                ProgressView(progress: progress, lang: lang, source: nil)
            }
            if !vote.isDraft {
                H2(S.work(lang))
                List {
                    if permissions.contains(.view) {
                        ListItem { Link(S.dashboard(lang), url: SiteURL.manageVote(vote.id, .dashboard)).id("to-dashboard") }
                    }
                    if permissions.contains(.deliver) {
                        ListItem { Link(S.deliveryTitle(lang), url: SiteURL.manageVote(vote.id, .delivery())).id("to-delivery") }
                    }
                    if permissions.contains(.print) {
                        ListItem { Link(S.printBallots(lang), url: SiteURL.manageVote(vote.id, .paper)).id("to-print") }
                    }
                    if permissions.contains(.enter) {
                        ListItem { Link(S.paperEntry(lang), url: SiteURL.manageVote(vote.id, .entry())).id("to-entry") }
                    }
                    if permissions.contains(.resolve) {
                        ListItem { Link(S.mismatchQueue(lang), url: SiteURL.manageVote(vote.id, .mismatches)).id("to-mismatches") }
                    }
                    if permissions.contains(.view) {
                        ListItem { Link(S.reconciliationTitle(lang), url: SiteURL.manageVote(vote.id, .reconciliation)).id("to-reconciliation") }
                    }
                    if permissions.contains(.view) && phase.rawValue != "noticed" && phase != .open {
                        ListItem { Link(S.resultTitle(lang), url: SiteURL.manageVote(vote.id, .result)).id("to-result") }
                    }
                }
                .class("actions")
            }
            if demo {
                demoClock(back: SiteURL.manageVote(vote.id).path, staff: staff, lang: lang)
            }
        }
    }

    static func settingsLine(_ vote: StoredVote, _ lang: Lang) -> String {
        var parts: [String] = []
        if case .buildings(let buildings) = vote.definition.scope {
            parts.append("\(S.scope(lang))：\(buildings.joined(separator: "、"))")
        } else {
            parts.append("\(S.scope(lang))：\(S.wholeEstate(lang))")
        }
        parts.append(vote.ballotChange ? S.ballotChangeOn(lang) : S.ballotChangeOff(lang))
        if vote.definition.settings.silentMajority { parts.append(S.silentMajorityOn(lang)) }
        if vote.definition.settings.parkingVotes { parts.append(S.parkingVotesOn(lang)) }
        parts.append(S.objectionDays(vote.objectionDays)(lang))
        return parts.joined(separator: " · ")
    }

    /// Demo mode only: move the clock on, to run a vote from notice to result in minutes.
    static func demoClock(back: String, staff: StaffSession, lang: Lang) -> Component {
        Div {
            H2(S.demoClockTitle(lang))
            Paragraph(S.demoClockIntro(lang)).class("note")
            for (hours, label) in [(24, S.plusDay(lang)), (16 * 24, S.plusSixteenDays(lang)), (12 * 24, S.plusTwelveDays(lang))] {
                Form(url: SiteURL.demoClock, method: .post) {
                    Input(type: .hidden, name: "csrf", value: staff.csrf)
                    Input(type: .hidden, name: "hours", value: String(hours))
                    Input(type: .hidden, name: "back", value: back)
                    SubmitButton(label).class("secondary").id("clock-\(hours)")
                }
                .class("inline")
            }
        }
        .class("card demo")
    }

    static func resultActions(_ vote: StoredVote, staff: StaffSession, lang: Lang) -> Component {
        let permissions = staff.account.role.permissions
        return Div {
            if permissions.contains(.organise) && vote.preliminaryAt == nil {
                Form(url: SiteURL.manageVote(vote.id, .publish), method: .post) {
                    Input(type: .hidden, name: "csrf", value: staff.csrf)
                    Input(type: .hidden, name: "final", value: "0")
                    Paragraph(S.objectionExplain(vote.objectionDays)(lang)).class("note")
                    SubmitButton(S.publishPreliminary(lang)).id("publish-preliminary")
                }
            }
            if permissions.contains(.organise) && vote.preliminaryAt != nil && vote.finalAt == nil {
                Form(url: SiteURL.manageVote(vote.id, .publish), method: .post) {
                    Input(type: .hidden, name: "csrf", value: staff.csrf)
                    Input(type: .hidden, name: "final", value: "1")
                    SubmitButton(S.publishFinal(lang)).id("publish-final")
                }
            }
            Link(S.printReport(lang), url: SiteURL.manageVote(vote.id, .report)).class("button secondary").id("report")
            if permissions.contains(.export) {
                H2(S.export(lang))
                Paragraph(S.exportExplain(lang)).class("note")
                List {
                    for file in ["registry.csv", "matters.json", "ballots.csv"] + (vote.definition.settings.silentMajority ? ["deliveries.csv"] : [])
                        + ["tally.json", "log.jsonl"]
                    {
                        ListItem {
                            Link(file, url: SiteURL.manageVote(vote.id, .export(file))).id("export-\(file.replacingOccurrences(of: ".", with: "-"))")
                        }
                    }
                }
                .class("plain")
            }
        }
    }

    static func notFound(_ chrome: PageChrome) -> Page {
        Layout.message(S.notFound, S.notFound(chrome.lang), chrome: chrome, back: .manage)
    }

    static func forbidden(_ chrome: PageChrome) -> Page {
        Layout.message(S.staffArea, S.noAccess(chrome.lang), chrome: chrome, back: .manage)
    }
}
