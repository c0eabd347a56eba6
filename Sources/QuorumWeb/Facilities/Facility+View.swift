import Plot
import QuorumCore
import QuorumStore

extension FacilityPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Facilities.title, chrome: chrome) { lang in
            let facility = stored.facility
            H2(facility.name).id("facility-name")
            Paragraph("\(estate.name)\(lang.dot)\(facility.code)").class("meta")
            Layout.flash(message, "ok", id: "saved")
            Layout.flash(error, id: "form-error")
            Div {
                H2(S.Facilities.items(lang))
                FacilityViews.standing(stored, names: names, lang)
            }.class(stored.overdue.isEmpty ? "card" : "card overdue")
            if let csrf { recordForm(csrf, lang) }
            H2(S.Facilities.timeline(lang))
            if timeline.isEmpty { Paragraph(S.Facilities.noRecords(lang)).class("meta").id("no-records") }
            List(timeline) { record in
                ListItem {
                    Span("\(record.day)\(lang.dot)\(S.Facilities.item(record.item, names: names)(lang))").class("meta")
                    Span("\(record.passed ? S.Facilities.passed(lang) : S.Facilities.failed(lang))\(lang.dot)\(record.by)")
                        .class(record.passed ? "value" : "value failed")
                    if !record.note.isEmpty { Span(record.note) }
                    if !record.nextInspection.isEmpty { Span("\(S.Facilities.inspectionExpiry(lang))\(lang.colon)\(record.nextInspection)") }
                    for document in record.documents {
                        Link(
                            document.name,
                            url: SiteURL.facilityDocument(
                                estate: String(estate.id), code: facility.code, record: record.id, number: String(document.number)))
                    }
                    Span(
                        "\(S.Facilities.recordedBy(lang))\(lang.colon)\(staffNames[record.recordedBy] ?? record.recordedBy)\(lang.dot)\(LocalTime.format(record.recordedAt))"
                    )
                    .class("meta")
                }.id("record-\(record.id)")
            }.class("plain history")
            Div {
                H2(S.Facilities.facts(lang))
                List(facts(facility, lang)) { column, value in
                    ListItem {
                        Span(S.Facilities.fact(column)(lang))
                        Span(value).class("value").id("fact-\(column.rawValue)")
                    }
                }.class("plain settings")
                Link(S.Facilities.publicPage(lang), url: SiteURL.publicFacility(estate: String(estate.id), code: facility.code)).id("public-page")
            }.class("card")
            Link(S.back(lang), url: SiteURL.facilities(estate: String(estate.id))).class("button secondary")
        }
    }

    func facts(_ facility: Facility, _ lang: Lang) -> [(FacilityColumn, String)] {
        let values: [(FacilityColumn, String)] = [
            (.kind, S.Facilities.kind(facility.kind)(lang)), (.building, facility.building), (.entrance, facility.entrance),
            (.location, facility.location), (.maker, facility.maker), (.model, facility.model), (.installed, facility.installed),
            (.certificate, facility.certificate), (.inspectionDue, facility.inspectionDue), (.serviceCompany, facility.serviceCompany),
        ]
        return values.filter { !$0.1.isEmpty }
    }

    func recordForm(_ csrf: String, _ lang: Lang) -> Component {
        Form(post: SiteURL.facility(estate: String(estate.id), code: stored.facility.code), csrf: csrf, contentType: .multipartData) {
            H2(S.Facilities.record(lang))
            Label(S.Facilities.item(lang)) {
                Select {
                    for item in stored.items.map(\.item)
                        + (stored.items.contains { $0.item == FacilitySchedule.inspection } ? [] : [FacilitySchedule.inspection])
                    {
                        Option(S.Facilities.item(item, names: names)(lang), value: item)
                    }
                }.attr("name", "item").id("record-item")
            }
            Label(S.Facilities.day(lang)) { Input(type: .date, name: "day", value: today, isRequired: true).attr("max", today).id("record-day") }
            Label(S.Facilities.by(lang)) {
                Input(type: .text, name: "by", value: stored.facility.serviceCompany, isRequired: true).attr("maxlength", "500").id("record-by")
            }
            FieldSet {
                Legend(S.Facilities.result(lang))
                Label(S.Facilities.passed(lang)) { Input(type: .radio, name: "passed", value: "1").checked(true).id("record-passed") }.class("check")
                Label(S.Facilities.failed(lang)) { Input(type: .radio, name: "passed", value: "0").id("record-failed") }.class("check")
            }
            Label(S.Facilities.note(lang)) { TextArea(name: "note", numberOfRows: 2).attr("maxlength", "500").id("record-note") }
            Label(S.Facilities.nextInspection(lang)) { Input(type: .date, name: "next_inspection").id("record-next") }
            Label(S.Facilities.document(lang)) {
                Input(type: .file, name: "document").attr("accept", "application/pdf,image/png,image/jpeg").id("record-document")
            }
            SubmitButton(S.Facilities.save(lang)).id("save-record")
        }.class("card")
    }
}
