import Foundation
import Plot
import QuorumCore
import QuorumStore

extension DeliveryPage {
    func render(chrome: PageChrome) -> Page {
        let buildings = Array(Set(persons.map(\.building))).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        let shown = Paged(building.map { name in persons.filter { $0.building == name } } ?? persons, query: query, text: \.rooms, page: page)
        let permissions = staff.account.role.permissions
        return Layout.page(S.deliveryTitle, chrome: chrome) { lang in
            Paragraph(vote.title).class("meta")
            Layout.flash(message, refused ? "alert" : "ok", id: "message")
            Paragraph(S.deliveredCount(reached, persons.count)(lang)).class("meta").id("delivered-count")
            Paragraph(showsOnline ? S.seenOnlineLogged(lang) : S.seenOnlineHidden(lang)).class("note").id("seen-online-note")
            if permissions.contains(.organise) { postingForm(lang) }
            Paragraph { for name in buildings { Link(name, url: SiteURL.manageVote(vote.id, .delivery(building: name))).class("chip") } }
            shown.controls(
                query: query, keep: building.map { [("building", $0)] } ?? [], action: SiteURL.manageVote(vote.id, .delivery()), lang,
                url: { SiteURL.manageVote(vote.id, .delivery(building: building, q: query, page: String($0))) })
            Table {
                HeaderRow([S.rooms(lang)] + (showsOnline ? [S.seenOnline(lang)] : []) + [S.deliveryState(lang)])
                for person in shown.items {
                    TableRow {
                        TableCell(lang.rooms(person.rooms)).class("rooms")
                        if showsOnline { TableCell(person.deliveries.contains(.online) ? "✓" : "").class("seen-online") }
                        // The record and its form in the state's own cell: three columns fit a phone, four did not.
                        let records = DeliveryMethod.allCases.filter { $0 != .online }.compactMap { method in
                            person.deliveredOn[method].map { S.delivered(method, day: $0)(lang) }
                        }
                        TableCell {
                            if !records.isEmpty { Span(records.joined(separator: lang.list)).class("delivered") }
                            if permissions.contains(.deliver) && !DeliveryMethod.recorded.allSatisfy(person.deliveries.contains) {
                                recordForm(person, lang)
                            }
                        }
                    }.id("p\(person.person)")
                }
            }.class("table").inScrollBox()
        }
    }

    /// One person's record: how (the ways not yet recorded) and on which day (today unless changed).
    func recordForm(_ person: PersonRow, _ lang: Lang) -> Component {
        Form(post: SiteURL.manageVote(vote.id, .delivery()), csrf: staff.csrf) {
            Input(type: .hidden, name: "person", value: String(person.person))
            // Back to the same page of the same list.
            for (name, value) in [("building", building), ("q", query), ("page", page.map(String.init))] {
                if let value { Input(type: .hidden, name: name, value: value) }
            }
            Select {
                for method in DeliveryMethod.recorded where !person.deliveries.contains(method) {
                    Option(S.deliveryMethodName(method)(lang), value: method.rawValue)
                }
            }
            .attr("name", "method").attr("aria-label", S.deliveryMethod(lang)).id("method-\(person.person)")
            Input(type: .date, name: "day", value: today).attr("aria-label", S.deliveryDay(lang)).attr("max", today).id("day-\(person.person)")
            SubmitButton(S.recordDelivery(lang)).class("small").id("deliver-\(person.person)")
        }.class("record")
    }

    /// The public posting: its date, a photo, a confirmation; and the postings recorded, with their photos.
    func postingForm(_ lang: Lang) -> Component {
        Div {
            Form(post: SiteURL.manageVote(vote.id, .posting), csrf: staff.csrf, contentType: .multipartData) {
                Paragraph(S.postingExplain(lang)).class("note")
                Label(S.postingDay(lang)) { Input(type: .date, name: "day", value: today, isRequired: true).attr("max", today).id("posting-day") }
                Label(S.postingPhoto(lang)) {
                    Input(type: .file, name: "photo", isRequired: true).attr("accept", "image/jpeg,image/png,application/pdf").id("posting-photo")
                }
                SubmitButton(S.recordPosting(lang)).class("secondary").id("record-posting")
            }.attr("data-confirm", S.confirmPosting(unreached)(lang))
            if !postings.isEmpty {
                H2(S.postings(lang))
                List(postings) { posting in
                    ListItem {
                        Link(
                            S.postingLine(posting.number, day: posting.name)(lang),
                            url: SiteURL.manageVote(vote.id, .postingPhoto(String(posting.number))))
                    }
                }.class("plain").id("postings")
            }
        }
    }
}

extension DashboardPage {
    func render(chrome: PageChrome) -> Page {
        let permissions = staff.account.role.permissions
        let online = buildings.reduce(Weight.zero) { $0 + $1.online }
        let paper = buildings.reduce(Weight.zero) { $0 + $1.paper }
        return Layout.page(S.dashboard, chrome: chrome) { lang in
            Paragraph(vote.title).class("meta")
            Layout.flash(message, refused ? "alert" : "ok", id: "message")
            ProgressView(progress: progress, lang: lang, source: nil)
            Paragraph(
                "\(S.onlineBallots(lang))\(lang.colon)\(online.heads)\(lang.parenthesised("\(online.area) m²"))\(lang.dot)\(S.paperBallots(lang))\(lang.colon)\(paper.heads)\(lang.parenthesised("\(paper.area) m²"))"
            )
            .class("meta").id("channels")
            H2(S.byBuilding(lang))
            Table {
                HeaderRow([S.building(lang), S.votedHeads(lang), S.votedArea(lang), ""])
                for building in buildings {
                    TableRow {
                        TableCell(building.building)
                        TableCell("\(building.voted.heads) / \(building.total.heads)")
                        TableCell(Charts.percent(building.voted.area.centiSquareMetres, of: building.total.area.centiSquareMetres))
                        TableCell {
                            Charts.bar(
                                [(Int64(building.online.heads), "online"), (Int64(building.paper.heads), "paper")],
                                total: Int64(building.total.heads),
                                line: (2, 3), label: building.building)
                        }
                    }
                }
            }.class("table").inScrollBox()
            if permissions.contains(.lists) {
                H2(S.lists(lang))
                Paragraph(S.listsExplain(LocalTime.format(vote.opensAt), LocalTime.format(vote.calendar.thirdLastDay))(lang)).class("note")
                for (list, title, id) in [(NonVoterList.unbound, S.unboundList, "list-unbound"), (.notVoted, S.notVotedList, "list-not-voted")] {
                    Link(title(lang), url: SiteURL.manageVote(vote.id, .list(list.rawValue))).class("button secondary").id(id)
                }
            }
            if let reminders { reminderForm(reminders, lang) }
            Link(S.back(lang), url: SiteURL.manageVote(vote.id)).class("button secondary")
        }
    }
}

extension DashboardPage {
    /// Reminders, a mass action: the text as the phones get it, how many, the rounds before
    /// and who sent them, a confirmation, and within the quiet hours a box to say it is meant.
    func reminderForm(_ reminders: ReminderPreview, _ lang: Lang) -> Component {
        let recent = reminders.rounds.first.flatMap { now < ReminderRule.quietUntil($0) ? $0 : nil }
        return Div {
            H2(S.sendReminders(lang))
            Paragraph(S.reminderPreview(reminders.recipients)(lang)).class("note").id("reminder-count")
            Paragraph(S.text(.reminder(title: vote.title, closesAt: vote.closesAt))).class("quote").id("reminder-text")
            if !reminders.rounds.isEmpty {
                H3(S.earlierRounds(lang))
                List(reminders.rounds) { round in ListItem(S.reminderRound(round, by: senders[round.actor]?.displayName ?? round.actor)(lang)) }
                    .class("plain").id("reminder-rounds")
            }
            Form(post: SiteURL.manageVote(vote.id, .reminders), csrf: staff.csrf) {
                if let recent {
                    Paragraph(S.say(ReminderError.sentRecently(recent))(lang)).class("alert").id("sent-recently")
                    Label(S.sendAgain(lang)) { Input(type: .checkbox, name: "again", value: "1").id("again") }
                }
                SubmitButton(S.sendReminders(lang)).class("secondary").id("send-reminders")
            }.attr("data-confirm", S.confirmReminders(reminders.recipients)(lang))
        }
    }
}

extension RoomListPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(list == .unbound ? S.unboundList : S.notVotedList, chrome: chrome) { lang in
            Paragraph(S.listLogged(lang)).class("note")
            Paragraph(S.roomCount(rooms.count)(lang)).class("meta").id("room-count")
            let shown = Paged(rooms, query: query, text: { $0 }, page: page, size: 200)
            shown.controls(query: query, action: SiteURL.manageVote(vote.id, .list(list.rawValue)), lang) {
                SiteURL.manageVote(vote.id, .list(list.rawValue, q: query, page: String($0)))
            }
            List(shown.items) { ListItem(lang.rooms($0)) }.class("rooms").id("rooms")
            Link(S.back(lang), url: SiteURL.manageVote(vote.id, .dashboard)).class("button secondary")
        }
    }
}
