import Foundation
import Plot
import QuorumCore

/// Every URL of the site, and the only place a path is written: the route table registers
/// each route from its case (with `:vote`-style names for the parameters) and every page,
/// redirect and script builds its links from the same case with the values filled in.
public enum SiteURL: Sendable, Hashable, URLRepresentable {
    case home
    case health, healthReady, metrics
    case staticFile(String)
    // The owner's side.
    case bind, bindCode, bindCredential, logout
    case votes
    case vote(String, Vote = .notice)
    /// The estate's books as its owners see them (账目公开), a page of entries at a time.
    case books(page: String? = nil)
    case receipt(String)
    // The audit log, public.
    case log(Log)
    /// The verify page: a receipt checked, or a head copied from a notice (`head`).
    case verify(receipt: String? = nil, head: CopiedHead? = nil)
    // The organisers' side.
    case staffLogin, staffLogout
    case manage, demoClock
    /// The staff accounts one may manage, searched and paged.
    case manageStaff(q: String? = nil, page: Int? = nil)
    /// One staff account, to change, disable or reset (issue 13); one's own new password.
    case manageAccount(String)
    case changePassword
    /// Every open objection (and later every open ticket) of the estates a desk covers.
    case manageObjections
    case manageAccess(before: String? = nil)
    case newVote(estate: String)
    case createVote(estate: String)
    /// An estate's settings (its rules of procedure), and a revision's deciding document.
    case estateSettings(estate: String, saved: Bool = false)
    case estateSettingsDocument(estate: String, revision: String)
    /// The street office's changes of an owner's phone on file, and the confirmation of one.
    case phoneChanges(estate: String)
    case confirmPhoneChange(estate: String)
    case manageVote(String, Manage = .overview)
    /// An estate's books for its staff, where entries are recorded; and where one is reviewed.
    case manageBooks(estate: String)
    case reviewEntry(estate: String)
    case entryDocuments(estate: String)
    /// An entry's invoice, receipt or contract: for its estate's staff, and (an approved entry's) for its owners.
    case manageEntryDocument(estate: String, entry: String, number: String)
    case bookDocument(entry: String, number: String)
    /// An estate's facilities (the list, the import), one facility (its page, a record), a
    /// record's document; the facility's public page (what its QR label opens); the owner's list.
    case facilities(estate: String)
    /// An estate's own servicing schedule added (for a kind of facility, every so many days or months).
    case facilitySchedules(estate: String)
    case facility(estate: String, code: String, saved: Bool = false)
    case facilityDocument(estate: String, code: String, record: String, number: String)
    case publicFacility(estate: String, code: String)
    case ownerFacilities

    /// An owner's pages of one vote, under `/votes/:vote`.
    public enum Vote: Sendable, Hashable {
        case notice, confirm, cast, progress, result, objections
        /// The printable result notice (表决结果公告).
        case resultNotice
        case ballot(person: String? = nil)
        /// "Not you? object here": a ballot received in the owner's name disputed.
        case dispute(person: String? = nil)
        case document(String)
    }

    /// The audit log's JSON and key, under `/log`.
    public enum Log: String, Sendable, Hashable {
        case head, proof, consistency
        case publicKey = "public-key"
        case publicKeyPEM = "public-key.pem"
    }

    /// The organisers' pages of one vote, under `/manage/votes/:vote`.
    public enum Manage: Sendable, Hashable {
        case overview, edit, documents, notice, posting, dashboard, reminders, mismatches, reconciliation, result, publish, report
        /// The committee names the clerks and scrutineers, or replaces one (issue 13).
        case clerks
        case resultNotice
        case objections
        /// The organiser declares the paper entry complete (RULES.md §3).
        case paperComplete
        case document(String)
        case delivery(building: String? = nil, q: String? = nil, page: String? = nil)
        /// A public posting's photo, by its number.
        case postingPhoto(String)
        /// The paper ballots to print: of one building or one voting person (a household), or all.
        case paper(building: String? = nil, person: String? = nil)
        case list(String, q: String? = nil, page: String? = nil)
        case entry(code: String? = nil, done: String? = nil)
        case export(String)
    }

    /// The path, with the query when a case carries one (`?person=…`).
    public var description: String { path }

    public var path: String {
        switch self {
        case .home: "/"
        case .health: "/health"
        case .healthReady: "/health/ready"
        case .metrics: "/metrics"
        case .staticFile(let name): "/static/\(name)"
        case .bind: "/bind"
        case .bindCode: "/bind/code"
        case .bindCredential: "/bind/credential"
        case .logout: "/logout"
        case .votes: "/votes"
        case .books(let page): "/books" + Self.query(["page": page])
        case .vote(let id, let page): "/votes/\(id)" + page.suffix
        case .receipt(let code): "/receipts/\(code)"
        case .log(let log): "/log/" + log.rawValue
        case .verify(let receipt, let head):
            "/verify" + Self.query(["r": receipt, "size": head.map { String($0.size) }, "root": head.map { ByteText.hex($0.root) }])
        case .staffLogin: "/staff/login"
        case .staffLogout: "/staff/logout"
        case .manage: "/manage"
        case .manageStaff(let q, let page): "/manage/staff" + Self.query(["q": q, "page": page.map(String.init)])
        case .manageAccount(let id): "/manage/staff/\(id)"
        case .changePassword: "/manage/password"
        case .demoClock: "/manage/demo/clock"
        case .manageObjections: "/manage/objections"
        case .manageAccess(let before): "/manage/access" + Self.query(["before": before])
        case .newVote(let estate): "/manage/estates/\(estate)/votes/new"
        case .createVote(let estate): "/manage/estates/\(estate)/votes"
        case .estateSettings(let estate, let saved): "/manage/estates/\(estate)/settings" + Self.query(["saved": saved ? "1" : nil])
        case .estateSettingsDocument(let estate, let revision): "/manage/estates/\(estate)/settings/\(revision)/document"
        case .phoneChanges(let estate): "/manage/estates/\(estate)/phones"
        case .confirmPhoneChange(let estate): "/manage/estates/\(estate)/phones/confirm"
        case .manageVote(let id, let page): "/manage/votes/\(id)" + page.suffix
        case .manageBooks(let estate): "/manage/estates/\(estate)/books"
        case .reviewEntry(let estate): "/manage/estates/\(estate)/books/review"
        case .entryDocuments(let estate): "/manage/estates/\(estate)/books/documents"
        case .manageEntryDocument(let estate, let entry, let number): "/manage/estates/\(estate)/books/entries/\(entry)/documents/\(number)"
        case .bookDocument(let entry, let number): "/books/entries/\(entry)/documents/\(number)"
        case .facilities(let estate): "/manage/estates/\(estate)/facilities"
        case .facilitySchedules(let estate): "/manage/estates/\(estate)/facility-schedules"
        case .facility(let estate, let code, let saved):
            "/manage/estates/\(estate)/facilities/\(Self.segment(code))" + Self.query(["saved": saved ? "1" : nil])
        case .facilityDocument(let estate, let code, let record, let number):
            "/manage/estates/\(estate)/facilities/\(Self.segment(code))/records/\(record)/\(number)"
        case .publicFacility(let estate, let code): "/facilities/\(estate)/\(Self.segment(code))"
        case .ownerFacilities: "/facilities"
        }
    }

    /// A value as one path segment: a facility's code is the estate's own text (any but ASCII
    /// letters, digits and `-_.:` percent-encoded; the router hands the parameter on decoded).
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(
            withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")) ?? value
    }

    /// `?name=value` for the values given (percent-encoded as a query allows), in the order given.
    static func query(_ items: KeyValuePairs<String, String?>) -> String {
        let given = items.compactMap { name, value in
            value.map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")" }
        }
        return given.isEmpty ? "" : "?" + given.joined(separator: "&")
    }
}

extension SiteURL {
    /// The URL with `#anchor`: a form posted there comes back scrolled to what it changed.
    func anchored(_ anchor: String) -> AnchoredURL { AnchoredURL(url: self, anchor: anchor) }
}

/// A site URL and a fragment (an element's id on the page it leads to).
struct AnchoredURL: URLRepresentable {
    let url: SiteURL
    let anchor: String
    var description: String { url.path + "#" + anchor }
}

extension SiteURL.Vote {
    /// The path after `/votes/:vote`; a page without a value is named as its case.
    var suffix: String {
        switch self {
        case .notice: ""
        case .ballot(let person): "/ballot" + SiteURL.query(["person": person])
        case .dispute(let person): "/dispute" + SiteURL.query(["person": person])
        case .progress: "/progress.json"
        case .document(let number): "/documents/\(number)"
        case .resultNotice: "/result/notice"
        default: "/\(self)"
        }
    }
}

extension SiteURL.Manage {
    /// The path after `/manage/votes/:vote`; a page without a value is named as its case.
    var suffix: String {
        switch self {
        case .overview: ""
        case .paperComplete: "/paper-complete"
        case .document(let number): "/documents/\(number)"
        case .delivery(let building, let q, let page): "/delivery" + SiteURL.query(["building": building, "q": q, "page": page])
        case .postingPhoto(let number): "/posting/\(number)"
        case .paper(let building, let person): "/paper" + SiteURL.query(["building": building, "person": person])
        case .list(let list, let q, let page): "/lists/\(list)" + SiteURL.query(["q": q, "page": page])
        case .entry(let code, let done): "/entry" + SiteURL.query(["code": code, "done": done])
        case .export(let file): "/export/\(file)"
        case .resultNotice: "/result/notice"
        default: "/\(self)"
        }
    }
}
