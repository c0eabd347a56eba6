import Plot
import QuorumCore
import QuorumStore

extension FacilitiesPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(owner ? S.Facilities.ownerLink : S.Facilities.title, chrome: chrome) { lang in
            Paragraph(estate.name).class("meta")
            Paragraph((owner ? S.Facilities.ownerIntro : S.Facilities.intro)(lang)).class("note")
            Layout.flash(message, "ok", id: "imported")
            Layout.flash(error, id: "form-error")
            if !errors.isEmpty {
                Div {
                    Paragraph(S.Facilities.refused(errors.count)(lang))
                    List(errors) { error in ListItem(S.Facilities.line(error)(lang)) }
                }.class("alert").id("import-errors")
            }
            if facilities.isEmpty { Paragraph(S.Facilities.none(lang)).class("meta").id("no-facilities") }
            for stored in facilities {
                let url =
                    owner
                    ? SiteURL.publicFacility(estate: String(estate.id), code: stored.facility.code)
                    : SiteURL.facility(estate: String(estate.id), code: stored.facility.code)
                Div {
                    Link(stored.facility.name, url: url).class("vote-link")
                    Paragraph(FacilityViews.summary(stored.facility, lang)).class("meta")
                    // What is overdue, else what is due next.
                    FacilityViews.standing(stored, names: names, lang, only: stored.overdue.isEmpty ? Array(stored.items.prefix(1)) : stored.overdue)
                }.class(stored.overdue.isEmpty ? "card" : "card overdue").id("facility-\(stored.facility.code)")
            }
            if let csrf {
                Form(post: SiteURL.facilities(estate: String(estate.id)), csrf: csrf, contentType: .multipartData) {
                    H2(S.Facilities.upload(lang))
                    Paragraph(S.Facilities.uploadNote(lang)).class("note")
                    Label(S.Facilities.file(lang)) {
                        Input(type: .file, name: "file", isRequired: true).attr("accept", ".csv,text/csv").id("facilities-file")
                    }
                    SubmitButton(S.Facilities.send(lang)).id("import-facilities")
                }.class("card")
                Form(post: SiteURL.facilitySchedules(estate: String(estate.id)), csrf: csrf) {
                    H2(S.Facilities.addSchedule(lang))
                    Paragraph(S.Facilities.scheduleNote(lang)).class("note")
                    Label(S.Facilities.kindLabel(lang)) {
                        Select { for kind in FacilityKind.allCases { Option(S.Facilities.kind(kind)(lang), value: kind.rawValue) } }
                            .attr("name", "kind").id("schedule-kind")
                    }
                    Label(S.Facilities.scheduleName(lang)) {
                        Input(type: .text, name: "name", isRequired: true).attr("maxlength", "500").id("schedule-name")
                    }
                    Label(S.Facilities.every(lang)) {
                        Input(type: .number, name: "every", value: "1", isRequired: true).attr("min", "1").attr("max", "366").id("schedule-every")
                    }
                    Label(S.Facilities.unit(lang)) {
                        Select {
                            Option(S.Facilities.months(lang), value: "months")
                            Option(S.Facilities.days(lang), value: "days")
                        }.attr("name", "unit").id("schedule-unit")
                    }
                    SubmitButton(S.Facilities.saveSchedule(lang)).id("add-schedule")
                }.class("card")
            }
            Link(S.back(lang), url: owner ? SiteURL.votes : SiteURL.manage).class("button secondary")
        }
    }
}

extension PublicFacilityPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Facilities.title, chrome: chrome) { lang in
            let facility = stored.facility
            H2(facility.name).id("facility-name")
            Paragraph("\(estate.name)\(lang.dot)\(facility.code)").class("meta")
            Paragraph(FacilityViews.summary(facility, lang)).class("meta")
            let servicing = stored.items.filter { $0.item != FacilitySchedule.inspection }.min { $0.due < $1.due }
            Div {
                List {
                    ListItem {
                        Span(S.Facilities.lastServicing(lang))
                        Span(lastServicing ?? S.Facilities.never(lang)).class("value").id("last-servicing")
                    }
                    if let servicing {
                        ListItem {
                            Span(S.Facilities.nextServicing(lang))
                            Span(FacilityViews.due(servicing, lang)).class("value").id("next-servicing")
                        }
                    }
                    if !facility.inspectionDue.isEmpty {
                        ListItem {
                            Span(S.Facilities.inspectionExpiry(lang))
                            Span(facility.inspectionDue).class("value").id("inspection-due")
                        }
                    }
                }.class("plain settings")
            }.class(stored.overdue.isEmpty ? "card" : "card overdue")
            Div { FacilityViews.standing(stored, names: names, lang) }.class("card")
            if case .owner = chrome.signedIn { Link(S.back(lang), url: SiteURL.ownerFacilities).class("button secondary") }
        }
    }
}

/// What the facilities' pages share: a facility in a line, its items' standing.
enum FacilityViews {
    /// `电梯 · 2号楼 1单元 · 1单元电梯井`.
    static func summary(_ facility: Facility, _ lang: Lang) -> String {
        let building = facility.building.isEmpty ? "" : lang == .zh ? "\(facility.building)号楼" : "building \(facility.building)"
        let entrance = facility.entrance.isEmpty ? "" : lang == .zh ? "\(facility.entrance)单元" : "entrance \(facility.entrance)"
        let place = [building, entrance].filter { !$0.isEmpty }.joined(separator: lang == .zh ? "" : ", ")
        return [S.Facilities.kind(facility.kind)(lang), place, facility.location].filter { !$0.isEmpty }.joined(separator: lang.dot)
    }

    static func due(_ item: FacilityStanding, _ lang: Lang) -> String {
        (item.overdue ? S.Facilities.overdue(lang) + lang.comma : "") + S.Facilities.dueBy(item.due)(lang)
    }

    /// Each item: its name, when it was last done, when it is due; overdue ones marked.
    static func standing(_ stored: StoredFacility, names: [String: String], _ lang: Lang, only: [FacilityStanding]? = nil) -> Component {
        List(only ?? stored.items) { item in
            ListItem {
                Span(S.Facilities.item(item.item, names: names)(lang))
                if item.overdue { Span(S.Facilities.overdue(lang)).class("tag overdue") }
                Span("\(S.Facilities.lastDone(item.last)(lang))\(lang.dot)\(S.Facilities.dueBy(item.due)(lang))").class("meta")
            }.id("item-\(stored.facility.code)-\(item.item)")
        }.class("plain items")
    }
}
