import Plot
import QuorumCore

/// Bar charts drawn on the server as SVG: no script, no inline style (the colours come
/// from app.css classes), readable when printed.
enum Charts {
    /// One horizontal bar: segments in order over `total`, and an optional threshold line
    /// at `line.numerator / line.denominator` of the width.
    static func bar(
        _ segments: [(value: Int64, kind: String)], total: Int64, line: (numerator: Int64, denominator: Int64)? = nil, label: String
    ) -> Component {
        let width: Int64 = 1000
        var x: Int64 = 0
        var shapes = [SVG.rect("chart-bg", x: 0, y: 0, width: width, height: 28)]
        for segment in segments where segment.value > 0 && total > 0 {
            let w = min(width - x, segment.value * width / total)
            shapes.append(SVG.rect("chart-\(segment.kind)", x: x, y: 0, width: w, height: 28))
            x += w
        }
        if let line, line.denominator > 0 {
            let at = line.numerator * width / line.denominator
            shapes.append(SVG.line("chart-line", x1: at, y1: 0, x2: at, y2: 28))
        }
        let attributes = [
            ("class", "chart"), ("viewBox", "0 0 \(width) 28"), ("preserveAspectRatio", "none"), ("role", "img"), ("aria-label", label),
        ]
        return SVG(attributes: attributes, title: label, shapes: shapes)
    }

    /// `a / b` as a percentage with one decimal.
    static func percent(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
