import Foundation
import Hummingbird
import QuorumCore
import QuorumStore

/// The estate's facilities: every staff member of the estate sees them; the committee and the
/// property company (`maintain`) import `facilities.csv` and record servicing; each facility's
/// public page needs no sign-in (its QR label opens it); an owner sees the estate's list.
struct FacilitiesRoutes {
    let store: Store

    var routes: [RouteSpec] {
        [
            .staffEstate(.get, .facilities(estate: ":estate"), .view, list),
            .staffEstate(.post, .facilities(estate: ":estate"), .maintain, upload),
            .staffEstate(.post, .facilitySchedules(estate: ":estate"), .maintain, addSchedule),
            .staffEstate(.get, .facility(estate: ":estate", code: ":code"), .view, page),
            .staffEstate(.post, .facility(estate: ":estate", code: ":code"), .maintain, record),
            .staffEstate(.get, .facilityDocument(estate: ":estate", code: ":code", record: ":record", number: ":number"), .view, document),
            .anyone(.get, .publicFacility(estate: ":estate", code: ":code"), publicPage),
            .owner(.get, .ownerFacilities, ownerList),
        ]
    }

    static func mayMaintain(_ staff: StaffSession) -> Bool { staff.account.role.permissions.contains(.maintain) }

    @Sendable func list(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let csrf = Self.mayMaintain(context.staff) ? context.staff.csrf : nil
        return Layout.response(try await FacilitiesPage.load(context.estate, csrf: csrf, store: store).render(chrome: context.chrome))
    }

    @Sendable func upload(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let file = context.form.files.first { $0.field == "file" }
        let name = String((file?.filename.split(separator: "/").last.map(String.init) ?? "facilities.csv").prefix(120))
        do {
            let result = try await store.facilities.importFacilities(
                file?.bytes ?? [], file: name, estate: context.estate.id, actor: context.staff.account.id)
            let page = try await FacilitiesPage.load(
                context.estate, csrf: context.staff.csrf, message: S.Facilities.imported(result)(context.lang), store: store)
            return Layout.response(page.render(chrome: context.chrome.at(.facilities(estate: String(context.estate.id)))))
        } catch let refused as InputErrors {
            let page = try await FacilitiesPage.load(context.estate, csrf: context.staff.csrf, errors: refused.errors, store: store)
            return Layout.response(
                page.render(chrome: context.chrome.at(.facilities(estate: String(context.estate.id)))), status: .unprocessableContent)
        }
    }

    @Sendable func addSchedule(_ request: Request, context: StaffEstateContext) async throws -> Response {
        let form = context.form
        let count = Int((form["every"] ?? "").trimmingCharacters(in: .whitespaces)) ?? 0
        let here = context.chrome.at(.facilities(estate: String(context.estate.id)))
        do {
            guard let kind = FacilityKind(rawValue: form["kind"] ?? "") else { throw FacilityError.badSchedule }
            try await store.facilities.addSchedule(
                kind: kind, name: form["name"] ?? "", period: form["unit"] == "months" ? .months(count) : .days(count), estate: context.estate.id,
                actor: context.staff.account.id)
            let page = try await FacilitiesPage.load(
                context.estate, csrf: context.staff.csrf, message: S.Facilities.scheduleAdded(context.lang), store: store)
            return Layout.response(page.render(chrome: here))
        } catch let error as FacilityError {
            let page = try await FacilitiesPage.load(context.estate, csrf: context.staff.csrf, store: store)
            return Layout.response(page.with(error: S.Facilities.say(error)(context.lang)).render(chrome: here), status: .unprocessableContent)
        }
    }

    func facility(_ context: some ResolvedContext, estate: Int64) async throws -> StoredFacility? {
        guard let raw = context.base.parameters.get("code") else { return nil }
        return try await store.facilities.facility(raw.removingPercentEncoding ?? raw, of: estate)
    }

    @Sendable func page(_ request: Request, context: StaffEstateContext) async throws -> Response {
        guard let stored = try await facility(context, estate: context.estate.id) else { return StaffPages.notFound(context.chrome) }
        let saved = request.uri.queryParameters["saved"] != nil ? S.Facilities.saved(context.lang) : nil
        let csrf = Self.mayMaintain(context.staff) ? context.staff.csrf : nil
        return Layout.response(
            try await FacilityPage.load(context.estate, stored: stored, csrf: csrf, message: saved, store: store).render(chrome: context.chrome))
    }

    @Sendable func record(_ request: Request, context: StaffEstateContext) async throws -> Response {
        guard let stored = try await facility(context, estate: context.estate.id) else { return StaffPages.notFound(context.chrome) }
        let form = context.form
        let code = stored.facility.code
        let record = FacilityRecord(
            code: code, item: form["item"] ?? "", day: form["day"] ?? "", by: form["by"] ?? "", passed: form["passed"] != "0",
            note: form["note"] ?? "", nextInspection: form["next_inspection"] ?? "")
        let files = form.files.filter { $0.field == "document" && !$0.bytes.isEmpty }.map {
            (name: String(($0.filename.split(separator: "/").last.map(String.init) ?? "document").prefix(120)), bytes: $0.bytes)
        }
        do {
            try await store.facilities.record(record, estate: context.estate.id, documents: files, actor: context.staff.account.id)
            return Layout.redirect(.facility(estate: String(context.estate.id), code: code, saved: true))
        } catch let error where error is FacilityError || error is DocumentError {
            let text = (error as? FacilityError).map { S.Facilities.say($0)(context.lang) } ?? SetupRoutes.say(error, context.lang)
            let page = try await FacilityPage.load(context.estate, stored: stored, csrf: context.staff.csrf, error: text, store: store)
            return Layout.response(page.render(chrome: context.chrome), status: .unprocessableContent)
        }
    }

    @Sendable func document(_ request: Request, context: StaffEstateContext) async throws -> Response {
        guard let stored = try await facility(context, estate: context.estate.id), let record = context.parameters.get("record"),
            try await store.facilities.timeline(of: stored.facility.code, estate: context.estate.id).contains(where: { $0.id == record })
        else { return StaffPages.notFound(context.chrome) }
        return try await .document(context.parameters.get("number"), of: FacilityRecord.subject(estate: context.estate.id, id: record), store: store)
            ?? StaffPages.notFound(context.chrome)
    }

    @Sendable func publicPage(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        guard let id = context.parameters.get("estate", as: Int64.self), let estate = try await store.register.estate(id),
            let raw = context.parameters.get("code"), let stored = try await store.facilities.facility(raw.removingPercentEncoding ?? raw, of: id)
        else { return Layout.refuse(.notFound, S.Facilities.title, S.Facilities.notFound, chrome: context.chrome) }
        let names = try await FacilityPage.names(id, store: store)
        return Layout.response(PublicFacilityPage(estate: estate, stored: stored, names: names).render(chrome: context.chrome))
    }

    @Sendable func ownerList(_ request: Request, context: OwnerContext) async throws -> Response {
        guard let estate = try await store.register.estate(context.session.estateID) else {
            return Layout.refuse(.notFound, S.Facilities.title, S.Facilities.notFound, chrome: context.chrome, back: .votes)
        }
        return Layout.response(try await FacilitiesPage.load(estate, csrf: nil, owner: true, store: store).render(chrome: context.chrome))
    }
}
