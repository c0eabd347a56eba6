import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// The street office's page for an owner's new phone (`/manage/estates/:estate/phones`): the
/// request one staff member records, the confirmation another gives, the estate's requests.
struct PhoneChangesPage {
    var estate: Division
    var changes: [PhoneChange]
    var names: [String: String]
    var staff: StaffSession
    var message: String?
    var refused = false
    /// The owner's name and the reason the form held when sent back: never the ID number or the phone.
    var held = (name: "", reason: "")

    static func load(_ estate: Division, staff: StaffSession, message: String? = nil, refused: Bool = false, store: Store) async throws
        -> PhoneChangesPage
    {
        let changes = try await store.binding.phoneChanges(in: estate.id)
        let ids = Set(changes.flatMap { [$0.requestedBy] + ($0.confirmedBy.map { [$0] } ?? []) })
        let names = try await store.staff.accounts(ids: ids).mapValues(\.displayName)
        return PhoneChangesPage(estate: estate, changes: changes, names: names, staff: staff, message: message, refused: refused)
    }

    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Phones.title, chrome: chrome.keeping(SiteURL.phoneChanges(estate: String(estate.id)), main: S.Phones.send)) { lang in
            Paragraph(estate.name).class("meta")
            Paragraph(S.Phones.intro(lang)).class("note")
            Layout.flash(message, refused ? "alert" : "status", id: "message")
            Form(keeping: SiteURL.phoneChanges(estate: String(estate.id)), csrf: staff.csrf) {
                H2(S.Phones.request(lang))
                Label(S.Phones.name(lang)) { Input(type: .text, name: "name", value: held.name, isRequired: true).id("owner-name") }
                Label(S.Phones.idNumber(lang)) { Input(type: .text, name: "id_number", isRequired: true).attr("autocomplete", "off").id("owner-id") }
                Label(S.Phones.phone(lang)) { Input(type: .tel, name: "phone", isRequired: true).attr("autocomplete", "off").id("new-phone") }
                Label(S.Phones.reason(lang)) {
                    Input(type: .text, name: "reason", value: held.reason, isRequired: true).attr("maxlength", "200").id("reason")
                }
                SubmitButton(S.Phones.send(lang)).id("record-change")
            }.class("card")
            if changes.isEmpty { Paragraph(S.Phones.none(lang)).class("meta") }
            List(changes) { change in
                ListItem {
                    Span(
                        "\(change.id)\(lang.dot)\(LocalTime.format(change.requestedAt))\(lang.dot)\(change.confirmedAt == nil ? S.Phones.waiting(lang) : S.Phones.done(lang))"
                    )
                    .class("meta")
                    Span(S.Phones.line(change)(lang))
                    Span(S.Phones.by(names[change.requestedBy] ?? change.requestedBy, change.confirmedBy.map { names[$0] ?? $0 })(lang))
                    if change.confirmedAt == nil {
                        if change.requestedBy == staff.account.id {
                            Span(S.Phones.yoursToWait(lang)).class("note")
                        } else {
                            Form(post: SiteURL.confirmPhoneChange(estate: String(estate.id)), csrf: staff.csrf) {
                                Input(type: .hidden, name: "change", value: change.id)
                                SubmitButton(S.Phones.confirm(lang)).id("confirm-\(change.id)")
                            }.attr("data-confirm", S.Phones.confirmAsk(lang))
                        }
                    }
                }.id("change-\(change.id)")
            }.class("plain history")
            Link(S.back(lang), url: SiteURL.manage).class("button secondary")
        }
    }
}

struct PhoneChangeRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .staffEstate(.get, .phoneChanges(estate: ":estate"), .rebind, page),
            .staffEstate(.post, .phoneChanges(estate: ":estate"), .rebind, request),
            .staffEstate(.post, .confirmPhoneChange(estate: ":estate"), .rebind, confirm),
        ]
    }

    @Sendable func page(_ request: Request, context: StaffEstateContext) async throws -> Response {
        Layout.response(try await PhoneChangesPage.load(context.estate, staff: context.staff, store: store).render(chrome: context.chrome))
    }

    @Sendable func request(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let form = context.form
        return try await answer(context, holding: true) {
            // The header's language switch: the form again, nothing recorded.
            if form["relang"] != nil { return nil }
            let change = try await store.binding.requestPhoneChange(
                estate: context.estate.id, name: form["name"] ?? "", idNumber: form["id_number"] ?? "", phone: form["phone"] ?? "",
                reason: form["reason"] ?? "", actor: context.staff.account.id)
            return S.Phones.recorded(change.id)
        }
    }

    @Sendable func confirm(_ request: Request, context: StaffEstateContext) async throws -> Response {
        try await answer(context) {
            let change = try await store.binding.confirmPhoneChange(
                context.form["change"] ?? "", estate: context.estate.id, actor: context.staff.account.id)
            return S.Phones.confirmed(change.id)
        }
    }

    /// The page again, saying what `act` did or why it was refused.
    /// `holding`: a refused request (or a language switch, `act` answering nil) shows the form
    /// again with what it held.
    func answer(_ context: StaffEstateContext, holding: Bool = false, _ act: () async throws -> L10n?) async throws -> Response {
        var (message, refused): (String?, Bool) = (nil, false)
        do { message = try await act()?(context.lang) } catch let error as PhoneChangeError {
            (message, refused) = (S.Phones.say(error)(context.lang), true)
        }
        var page = try await PhoneChangesPage.load(context.estate, staff: context.staff, message: message, refused: refused, store: store)
        if holding && (refused || message == nil) { page.held = (context.form["name"] ?? "", context.form["reason"] ?? "") }
        return Layout.response(
            page.render(chrome: context.chrome.at(.phoneChanges(estate: String(context.estate.id)))), status: refused ? .unprocessableContent : .ok)
    }
}
