import Foundation
import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// Setting a vote up: one form, usable on a phone and without JavaScript.
enum SetupPages {
    static func form(
        estate: Division, buildings: [String], values: VoteForm.Values, action: SiteURL, error: String?, staff: StaffSession,
        chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.setUpVote, chrome: chrome, path: action) {
            Paragraph(estate.name).class("meta")
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert").id("form-error") }
            Form(url: action, method: .post) {
                Input(type: .hidden, name: "csrf", value: staff.csrf)
                Label(S.voteTitle(lang)) { Input(type: .text, name: "title", value: values.title, isRequired: true).id("title") }
                Fieldset {
                    Legend(S.scope(lang))
                    Label(S.wholeEstate(lang)) {
                        Input(type: .radio, name: "scope", value: "all").attribute(
                            named: "checked", value: values.buildings.isEmpty ? "checked" : nil
                        )
                        .id("scope-all")
                    }
                    Label(S.chosenBuildings(lang)) {
                        Input(type: .radio, name: "scope", value: "buildings")
                            .attribute(named: "checked", value: values.buildings.isEmpty ? nil : "checked").id("scope-buildings")
                    }
                    Div {
                        for building in buildings {
                            Label(building) {
                                Input(type: .checkbox, name: "building", value: building)
                                    .attribute(named: "checked", value: values.buildings.contains(building) ? "checked" : nil)
                            }
                            .class("chip")
                        }
                    }
                    .class("chips")
                }
                for (index, matter) in values.matters.enumerated() {
                    matterSlot(index + 1, matter, lang)
                }
                Fieldset {
                    Legend(S.window(lang))
                    Paragraph(S.windowExplain(lang)).class("note")
                    Label(S.opens(lang)) {
                        Input(type: .text, name: "opens", value: values.opens).attribute(named: "type", value: "datetime-local").id(
                            "opens")
                    }
                    Label(S.deadline(lang)) {
                        Input(type: .text, name: "closes", value: values.closes).attribute(named: "type", value: "datetime-local")
                            .id("closes")
                    }
                }
                Fieldset {
                    Legend(S.settings(lang))
                    checkbox("ballot_change", S.allowBallotChange(lang), values.ballotChange)
                    checkbox("parking_votes", S.parkingVotes(lang), values.parkingVotes)
                    checkbox("silent_majority", S.silentMajority(lang), values.silentMajority)
                    Paragraph(S.silentMajorityWarning(lang)).class("alert small")
                    Label(S.objectionDaysLabel(lang)) {
                        Input(type: .number, name: "objection_days", value: values.objectionDays).attribute(named: "min", value: "0")
                            .attribute(named: "max", value: "60").id("objection-days")
                    }
                }
                SubmitButton(S.saveDraft(lang)).id("save-draft")
            }
        }
    }

    static func checkbox(_ name: String, _ label: String, _ on: Bool) -> Component {
        Label(label) {
            Input(type: .checkbox, name: name, value: "1").attribute(named: "checked", value: on ? "checked" : nil).id(
                name.replacingOccurrences(of: "_", with: "-"))
        }
        .class("check")
    }

    static func matterSlot(_ number: Int, _ matter: VoteForm.Matter, _ lang: Lang) -> Component {
        let prefix = "m\(number)."
        return Fieldset {
            Legend(S.matterNumber(number)(lang))
            Label(S.matterTitle(lang)) {
                Input(type: .text, name: prefix + "title", value: matter.title, isRequired: number == 1).id("m\(number)-title")
            }
            Label(S.art278Item(lang)) {
                Select {
                    for item in 1...9 {
                        Option(S.itemLong(item)(lang), value: String(item)).attribute(
                            named: "selected", value: matter.item == item ? "selected" : nil)
                    }
                }
                .attr("name", prefix + "item").id("m\(number)-item")
            }
            Paragraph(S.itemThresholdNote(lang)).class("note")
            Label(S.isElection(lang)) {
                Input(type: .checkbox, name: prefix + "kind", value: "election").attribute(named: "checked", value: matter.election ? "checked" : nil)
                    .id("m\(number)-election")
            }
            .class("check")
            Label(S.seats(lang)) {
                Input(type: .number, name: prefix + "seats", value: String(matter.seats)).attribute(named: "min", value: "1").id("m\(number)-seats")
            }
            Label(S.candidatesOnePerLine(lang)) {
                TextArea(text: matter.candidates, name: prefix + "candidates", numberOfRows: 4).id("m\(number)-candidates")
            }
        }
        .class(number == 1 || !matter.title.isEmpty ? "matter" : "matter spare")
    }
}
