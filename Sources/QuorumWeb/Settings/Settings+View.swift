import Plot
import QuorumCore
import QuorumStore

extension SettingsPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(
            S.Settings.title, chrome: canChange ? chrome.keeping(SiteURL.estateSettings(estate: String(estate.id)), main: S.Settings.save) : chrome
        ) {
            lang in
            Paragraph(estate.name).class("meta")
            Paragraph(S.Settings.intro(lang)).class("note")
            Layout.flash(message, "notice", id: "saved")
            Layout.flash(error, id: "form-error")
            Div {
                H2(S.Settings.inForce(lang))
                Paragraph(revision == 0 ? S.Settings.defaults(lang) : S.Settings.revision(revision)(lang)).class("meta").id("revision")
                List(EstateSettings.Key.allCases) { key in
                    ListItem {
                        Span(S.Settings.short(key)(lang))
                        Span(S.Settings.value(key, current)(lang)).class("value").id("now-\(key.rawValue)")
                    }
                }.class("plain settings")
            }.class("card")
            if canChange { changeForm(lang) }
            H2(S.Settings.history(lang))
            if history.isEmpty { Paragraph(S.Settings.noHistory(lang)).class("meta").id("no-history") }
            List(history) { revision in
                ListItem {
                    Span("\(S.Settings.revision(revision.number)(lang))\(lang.dot)\(LocalTime.format(revision.changedAt))").class("meta")
                    Span(
                        "\(S.Settings.who(lang))\(lang.colon)\(names[revision.changedBy] ?? (revision.changedBy == "system" ? S.Settings.system(lang) : revision.changedBy))"
                    )
                    Span(changes(revision)(lang)).class("changes")
                    basis(revision, lang)
                }.id("revision-\(revision.number)")
            }.class("plain history")
            Link(S.back(lang), url: SiteURL.manage).class("button secondary")
        }
    }

    func changeForm(_ lang: Lang) -> Component {
        Form(keeping: SiteURL.estateSettings(estate: String(estate.id)), csrf: csrf, contentType: .multipartData) {
            H2(S.Settings.change(lang))
            for key in EstateSettings.Key.allCases {
                if let range = key.range {
                    Label(S.Settings.label(key)(lang)) {
                        Input(type: .number, name: key.rawValue, value: form[key].map(String.init) ?? "", isRequired: key != .proxyCap)
                            .attr("min", String(range.lowerBound)).attr("max", String(range.upperBound))
                            .id("set-\(key.rawValue)")
                    }
                } else {
                    Label(S.Settings.label(key)(lang)) {
                        Input(type: .checkbox, name: key.rawValue, value: "1").checked(form[key] == 1).id("set-\(key.rawValue)")
                    }.class("check")
                    if key == .silentMajority { Paragraph(S.silentMajorityWarning(lang)).class("alert small") }
                }
            }
            FieldSet {
                Legend(S.Settings.basis(lang))
                Label(S.Settings.byVote(lang)) {
                    Input(type: .radio, name: "basis", value: "vote").checked(!finalVotes.isEmpty).id("basis-vote")
                }.class("check")
                if finalVotes.isEmpty {
                    Paragraph(S.Settings.noFinalVotes(lang)).class("meta")
                } else {
                    Label(S.Settings.whichVote(lang)) {
                        Select { for vote in finalVotes { Option(vote.title, value: vote.id) } }.attr("name", "vote").id("basis-vote-id")
                    }
                }
                Label(S.Settings.byDocument(lang)) {
                    Input(type: .radio, name: "basis", value: "document").checked(finalVotes.isEmpty).id("basis-document")
                }.class("check")
                Label(S.Settings.whichDocument(lang)) {
                    Input(type: .file, name: "document").attribute(named: "accept", value: "application/pdf,image/png,image/jpeg").id("document")
                }
            }
            SubmitButton(S.Settings.save(lang)).id("save-settings")
        }.attr("data-confirm", S.Settings.confirm(lang)).class("card")
    }

    /// "objection period 7 days → 5 days" for each setting the revision changed.
    func changes(_ revision: SettingsRevision) -> L10n {
        let before = history.first { $0.number == revision.number - 1 }?.settings ?? EstateSettings()
        let parts = revision.settings.changes(from: before).map { key in
            { (lang: Lang) in
                "\(S.Settings.short(key)(lang)) \(S.Settings.value(key, before)(lang)) → \(S.Settings.value(key, revision.settings)(lang))"
            }
        }
        return L10n(zh: parts.map { $0(.zh) }.joined(separator: "；"), en: parts.map { $0(.en) }.joined(separator: "; "))
    }

    @ComponentBuilder
    func basis(_ revision: SettingsRevision, _ lang: Lang) -> Component {
        if revision.decidedBy.isEmpty {
            for document in revision.documents {
                Link(
                    "\(S.Settings.decidedBy(lang))\(lang.colon)\(document.name)",
                    url: SiteURL.estateSettingsDocument(estate: String(estate.id), revision: String(revision.number)))
            }
        } else {
            Link(
                "\(S.Settings.decidedBy(lang))\(lang.colon)\(titles[revision.decidedBy] ?? revision.decidedBy)",
                url: SiteURL.manageVote(revision.decidedBy, .result))
        }
    }
}
