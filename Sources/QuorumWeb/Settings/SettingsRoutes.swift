import Hummingbird
import QuorumCore
import QuorumStore

/// An estate's settings: everyone who sees its votes may read them and their history; the
/// committee changes them, naming the vote or the document that decided the change.
struct SettingsRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .staffEstate(.get, .estateSettings(estate: ":estate"), .view, page),
            .staffEstate(.post, .estateSettings(estate: ":estate"), .organise, change),
            .staffEstate(.get, .estateSettingsDocument(estate: ":estate", revision: ":revision"), .view, document),
        ]
    }

    @Sendable func page(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let saved = request.uri.queryParameters["saved"] != nil
        let page = try await SettingsPage.load(
            context.estate, staff: context.staff, message: saved ? S.Settings.saved(context.lang) : nil, store: store)
        return Layout.response(page.render(chrome: context.chrome))
    }

    @Sendable func change(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let form = context.form
        var settings = EstateSettings()
        // A number left empty or not a number is refused, never taken as its default (the
        // subscript keeps a day count it is given no value for); an empty cap is no cap.
        var unreadable: EstateSettings.Key?
        for key in EstateSettings.Key.allCases {
            let raw = (form[key.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
            let value = key.range == nil ? (raw.isEmpty ? 0 : 1) : Int(raw)
            if value == nil && !(key == .proxyCap && raw.isEmpty) { unreadable = unreadable ?? key }
            settings[key] = value
        }
        // The header's language switch: the form again, holding its values, nothing changed.
        if form["relang"] != nil {
            let page = try await SettingsPage.load(context.estate, staff: context.staff, form: settings, store: store)
            return Layout.response(page.render(chrome: context.chrome))
        }
        do {
            if let key = unreadable { throw SettingsError.outOfRange(key, key.range ?? 0...1) }
            let basis: SettingsBasis
            if form["basis"] == "document", let file = form.files.first(where: { $0.field == "document" }), !file.bytes.isEmpty {
                basis = .document(
                    name: String((file.filename.split(separator: "/").last.map(String.init) ?? "document").prefix(120)), bytes: file.bytes)
            } else if form["basis"] == "vote", let vote = form["vote"], !vote.isEmpty {
                basis = .vote(vote)
            } else {
                throw SettingsError.basisMissing
            }
            try await store.settings.change(estate: context.estate.id, to: settings, basis: basis, actor: context.staff.account.id)
            return Layout.redirect(.estateSettings(estate: String(context.estate.id), saved: true))
        } catch let error where error is SettingsError || error is DocumentError {
            let text = (error as? SettingsError).map { S.Settings.say($0)(context.lang) } ?? SetupRoutes.say(error, context.lang)
            let page = try await SettingsPage.load(context.estate, staff: context.staff, form: settings, error: text, store: store)
            return Layout.response(page.render(chrome: context.chrome), status: .unprocessableContent)
        }
    }

    @Sendable func document(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let subject = SettingsStore.subject(estate: context.estate.id, revision: context.parameters.get("revision", as: Int.self) ?? -1)
        return try await .document("1", of: subject, store: store) ?? StaffPages.notFound(context.chrome)
    }
}
