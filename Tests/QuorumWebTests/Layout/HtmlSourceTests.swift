import Foundation
import Testing

/// Outside text is escaped by construction: only `Layout/Html.swift` may reach Plot's raw
/// entry points (raw HTML, text that passes entities through, attribute values written as
/// they are); every other file of the web uses its components, which always escape.
@Suite struct HtmlSourceTests {
    static let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/QuorumWeb")

    /// A string literal without interpolation, or a condition choosing one or nil.
    static let literal = #"("[^"\\]*"|.*\? ("[^"\\]*"|nil) : ("[^"\\]*"|nil))\)"#

    static var forbidden: [(String, Regex<AnyRegexOutput>)] {
        [
            ("raw HTML", try! Regex(#"\.raw\("#)),
            ("Plot's text (passes entities through)", try! Regex(#"(^|[^\w)\]])\.text\(|named: "[^"]*", text:"#)),
            ("Plot's own components by name", try! Regex(#"\bPlot\."#)),
            ("an attribute value written as it is", try! Regex(#"\.(attribute|data)\(named: "[^"]*", value: (?!"# + literal + ")")),
            (
                "Plot's attribute nodes (values written as they are)",
                try! Regex(#"[(,]\s*\.(class|id|href|src|name|for|action|content|title|value)\("#)
            ),
        ]
    }

    /// The lines of `source` that use a raw entry point, with the reason.
    static func violations(in source: String) -> [String] {
        source.split(separator: "\n").enumerated().flatMap { number, line in
            forbidden.filter { line.contains($0.1) }.map { "line \(number + 1): \($0.0): \(line.trimmingCharacters(in: .whitespaces))" }
        }
    }

    @Test func noFileButHtmlReachesPlotsRawEntryPoints() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.web.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && $0 != "Layout/Html.swift" }
        #expect(files.count > 20)
        for file in files {
            let source = try String(contentsOf: Self.web.appendingPathComponent(file), encoding: .utf8)
            #expect(Self.violations(in: source).isEmpty, "\(file): \(Self.violations(in: source))")
        }
    }

    @Test func theCheckFindsEachEntryPointPlanted() {
        let planted = """
            Node<HTML.BodyContext>.raw(svg)
            .dd(.text(name))
            Plot.Paragraph(name)
            Div {}.attribute(named: "data-name", value: name)
            .data(named: "receipt", value: "\\(code)")
            .div(.class(kind), .id(name))
            .a(.href(url.path), .plain(name))
            """
        #expect(Self.violations(in: planted).count == 7)
        let allowed = """
            Input(type: .radio).attribute(named: "checked", value: on ? "checked" : nil)
            Div {}.attribute(named: "hidden", value: "hidden").attr("data-name", name)
            Span(name).class(kind).id(name)
            .div(.attr("class", kind), .attr("id", name))
            """
        #expect(Self.violations(in: allowed).isEmpty)
    }
}
