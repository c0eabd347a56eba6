/// A kind of facility or equipment (设施设备) of an estate, as `facilities.csv` spells it (FORMATS.md).
public enum FacilityKind: String, BilingualValue {
    case elevator, fire
    case waterPump = "water_pump"
    case gate, cctv, other

    public var chinese: String {
        switch self {
        case .elevator: "电梯"
        case .fire: "消防设施"
        case .waterPump: "二次供水"
        case .gate: "门禁道闸"
        case .cctv: "监控"
        case .other: "其他"
        }
    }
}

/// One facility of an estate's register of facilities (RULES.md §9: Qingdao keeps every
/// facility under a unique code with its whole maintenance life on record). Days are local
/// dates, `YYYY-MM-DD`; a text the file left empty is empty.
public struct Facility: Sendable, Hashable {
    /// Unique in the estate: the file's own, or `FacilityCode.assign`'s `<building>-<kind>-<sequence>`.
    public var code: String
    public var kind: FacilityKind
    public var name: String
    /// The building and entrance it serves, as in the register; empty for the whole estate.
    public var building: String
    public var entrance: String
    public var location: String
    public var maker: String
    public var model: String
    public var installed: String
    /// The registration certificate (使用登记证号) of a special-equipment item (a lift).
    public var certificate: String
    /// When its periodic inspection expires (下次检验日期): the last day it may run uninspected.
    public var inspectionDue: String
    public var serviceCompany: String

    public init(
        code: String, kind: FacilityKind, name: String, building: String = "", entrance: String = "", location: String = "",
        maker: String = "", model: String = "", installed: String = "", certificate: String = "", inspectionDue: String = "",
        serviceCompany: String = ""
    ) {
        (self.code, self.kind, self.name, self.building, self.entrance, self.location) = (code, kind, name, building, entrance, location)
        (self.maker, self.model, self.installed, self.certificate) = (maker, model, installed, certificate)
        (self.inspectionDue, self.serviceCompany) = (inspectionDue, serviceCompany)
    }
}

/// The codes an estate assigns (FORMATS.md): `<building>-<kind>-<sequence>`, e.g.
/// `2-elevator-01`. A facility of the whole estate (no building) takes `estate` as its
/// building part (`estate-water_pump-01`), a word no register uses for a building number.
public enum FacilityCode {
    public static let wholeEstate = "estate"

    /// The first free code for a facility of `kind` in `building`: sequences count from 01,
    /// two digits at least, skipping every code in `taken`.
    public static func assign(building: String, kind: FacilityKind, taken: Set<String>) -> String {
        let prefix = "\(building.isEmpty ? wholeEstate : building)-\(kind.rawValue)-"
        var sequence = 1
        while taken.contains(prefix + (sequence < 10 ? "0\(sequence)" : "\(sequence)")) { sequence += 1 }
        return prefix + (sequence < 10 ? "0\(sequence)" : "\(sequence)")
    }
}

/// The places an estate's register knows, against which a facility's building and entrance
/// are checked: each building with its entrances.
public struct EstatePlaces: Sendable, Hashable {
    public var entrances: [String: Set<String>]

    public init(entrances: [String: Set<String>]) {
        self.entrances = entrances
    }
}

/// Why a facility's record is refused.
public enum FacilityError: Error, Hashable, Sendable {
    /// The estate has no facility of this code.
    case noSuchFacility(String)
    /// Not a local date (`YYYY-MM-DD`), or a day after today.
    case badDay(String)
    /// The servicing item is not one of the facility's schedules (nor its inspection).
    case noSuchItem(String)
    /// Who did it, or the note, is empty or too long (`maximumText`).
    case badText
    /// A passed inspection needs the next inspection's date, after the inspection's day.
    case nextInspectionMissing
    /// An estate's own schedule needs a name (at most `maximumText`) and a period of 1 to 366
    /// days or 1 to 60 months.
    case badSchedule

    public static let maximumText = 500
}
