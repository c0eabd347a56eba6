import Foundation

/// An owner whose phone changed cannot receive the code that binds them; the street office
/// puts the new phone on file, two people (issue 13, item 21): one records the request the
/// owner made in person, with their ID, and the reason; another confirms it, and only then
/// does the phone change, the owner's sessions end and the log records both names.
public enum PhoneChangeRule {
    /// A phone as kept: digits, an optional leading `+`, 7 to 15 digits (E.164's length), any
    /// spaces or hyphens dropped; nil when it is not one.
    public static func phone(_ raw: String) -> String? {
        let text = raw.filter { $0 != " " && $0 != "-" }
        let digits = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard (7...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text
    }

    /// The reason as kept: trimmed, 2 to 200 characters.
    public static func reason(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return (2...200).contains(text.count) && !text.unicodeScalars.contains("\u{0}") ? text : nil
    }
}

/// Why a phone change is refused.
public enum PhoneChangeError: Error, Hashable, Sendable {
    /// Name and ID number match no current owner of the estate.
    case noSuchOwner
    case badPhone
    case badReason
    /// The one who recorded the request cannot confirm it: two people.
    case sameStaff
    /// No such request waiting in this estate (confirmed already, or never made).
    case noSuchRequest
}
