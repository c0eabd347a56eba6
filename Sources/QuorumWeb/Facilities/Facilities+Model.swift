import QuorumCore
import QuorumStore

/// An estate's facilities (`/manage/estates/:estate/facilities`; for an owner `/facilities`):
/// each with where its items stand, those with an overdue item first; for staff who maintain
/// them, the import of `facilities.csv` and what the last one did or why it was refused.
struct FacilitiesPage {
    var estate: Division
    var facilities: [StoredFacility]
    var names: [String: String]
    /// Staff: the CSRF token of the import form (nil: no import form); an owner's page links
    /// each facility to its public page.
    var csrf: String?
    var owner = false
    var message: String?
    var errors: [InputError] = []
    var error: String?

    func with(error: String) -> FacilitiesPage {
        var page = self
        page.error = error
        return page
    }

    static func load(
        _ estate: Division, csrf: String?, owner: Bool = false, message: String? = nil, errors: [InputError] = [], store: Store
    ) async throws -> FacilitiesPage {
        let facilities = try await store.facilities.facilities(of: estate.id)
        let overdue = facilities.filter { !$0.overdue.isEmpty }.sorted { $0.overdue[0].due < $1.overdue[0].due }
        return FacilitiesPage(
            estate: estate, facilities: overdue + facilities.filter { $0.overdue.isEmpty },
            names: try await FacilityPage.names(estate.id, store: store), csrf: csrf, owner: owner, message: message, errors: errors)
    }
}

/// One facility (`/manage/estates/:estate/facilities/:code`): its facts, its items, the form
/// that records a servicing or inspection (for staff who maintain it), its timeline.
struct FacilityPage {
    var estate: Division
    var stored: StoredFacility
    var timeline: [FacilityRecord]
    var names: [String: String]
    var staffNames: [String: String]
    var csrf: String?
    var today: String
    var message: String?
    var error: String?

    static func load(
        _ estate: Division, stored: StoredFacility, csrf: String?, message: String? = nil, error: String? = nil, store: Store
    ) async throws -> FacilityPage {
        let timeline = try await store.facilities.timeline(of: stored.facility.code, estate: estate.id)
        let staffNames = try await store.staff.accounts(ids: Set(timeline.map(\.recordedBy))).mapValues(\.displayName)
        return FacilityPage(
            estate: estate, stored: stored, timeline: timeline, names: try await names(estate.id, store: store), staffNames: staffNames,
            csrf: csrf, today: FacilityDays.day(of: store.now()), message: message, error: error)
    }

    /// The names of the estate's own schedules, by id.
    static func names(_ estate: Int64, store: Store) async throws -> [String: String] {
        Dictionary(try await store.facilities.schedules(of: estate).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A facility's public page (`/facilities/:estate/:code`, no sign-in; what its QR label
/// opens): what it is, its last and next servicing, its inspection's expiry, what is overdue.
struct PublicFacilityPage {
    var estate: Division
    var stored: StoredFacility
    var names: [String: String]

    /// The last day any servicing (not an inspection) was done.
    var lastServicing: String? { stored.items.filter { $0.item != FacilitySchedule.inspection }.compactMap(\.last).max() }
}
