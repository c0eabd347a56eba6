import Foundation

/// A file from a `multipart/form-data` body.
struct UploadedFile: Sendable {
    var field: String
    var filename: String
    var bytes: [UInt8]
}

/// Reads `multipart/form-data` (RFC 7578): the text fields into a `FormData`, the files
/// apart. Anything malformed gives no fields rather than a guess.
enum Multipart {
    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> (form: FormData, files: [UploadedFile]) {
        var form = FormData("")
        var files: [UploadedFile] = []
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            if let start { parts.append(body[start..<max(start, found - 2)]) }  // drop the CRLF before the delimiter
            var next = found + delimiter.count
            if body.count >= next + 2, body[next] == UInt8(ascii: "-"), body[next + 1] == UInt8(ascii: "-") { break }
            if body.count >= next + 2, body[next] == 13, body[next + 1] == 10 { next += 2 }
            start = next
            index = next
        }
        for part in parts {
            guard let split = find([13, 10, 13, 10], in: Array(part), from: 0) else { continue }
            let partBytes = Array(part)
            let headers = String(decoding: partBytes[..<split], as: UTF8.self)
            let content = Array(partBytes[(split + 4)...])
            var name: String?
            var filename: String?
            for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: String(line))
                filename = parameter("filename", in: String(line))
            }
            guard let name else { continue }
            if let filename {
                files.append(UploadedFile(field: name, filename: filename, bytes: content))
            } else {
                form.append(name, String(decoding: content, as: UTF8.self))
            }
        }
        return (form, files)
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=\"") else { continue }
            let value = trimmed.dropFirst(key.count + 2)
            guard let end = value.lastIndex(of: "\"") else { return nil }
            return String(value[..<end])
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var position = from
        while position <= haystack.count - needle.count {
            if haystack[position] == needle[0] && haystack[position..<position + needle.count].elementsEqual(needle) { return position }
            position += 1
        }
        return nil
    }
}
