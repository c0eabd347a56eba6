import Plot
import QuorumCore

// Outside text escaped by construction. Plot escapes `<` and `>` in text but passes
// anything that looks like an entity through, and writes attribute values as they are; so
// the web uses these components, which take a `String` and always escape it, in place of
// Plot's (they shadow Plot's names inside QuorumWeb, `.id` and `.class` too). This is the one
// file that may reach Plot's raw entry points: `HtmlSourceTests` fails on one anywhere else.

extension String {
    /// Element text: `&`, `<` and `>` as entities, so the text shows exactly as typed.
    fileprivate var text: String {
        var out = ""
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }

    /// An attribute value: `"`, `'`, `&`, `<`, `>` as entities.
    fileprivate var attribute: String {
        var out = ""
        for character in self {
            switch character {
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out += String(character).text
            }
        }
        return out
    }
}

extension Node {
    /// Text from anywhere, escaped (Plot's `.text` would pass entities through).
    static func plain(_ text: String) -> Node { .text(text.text) }

    /// An attribute whose value is escaped.
    static func attr(_ name: String, _ value: String) -> Node { .attribute(named: name, value: value.attribute) }
}

extension Attribute {
    /// An attribute whose value is escaped, where an element takes attributes alone.
    static func attr(_ name: String, _ value: String) -> Attribute { Attribute(name: name, value: value.attribute) }
}

extension Component {
    /// An attribute whose value is escaped (nil: not written).
    func attr(_ name: String, _ value: String?) -> Component { attribute(named: name, value: value?.attribute) }

    /// The element's id, escaped (Plot's would be written as it is).
    func id(_ id: String) -> Component { attr("id", id) }

    /// `checked` on a radio button or checkbox when `on`.
    func checked(_ on: Bool) -> Component { attribute(named: "checked", value: on ? "checked" : nil) }

    /// A class added to the element's, escaped (Plot's would be written as it is).
    func `class`(_ name: String) -> Component { attribute(named: "class", value: name.attribute, replaceExisting: false) }

    /// A table in a box of its own that scrolls sideways when the columns do not fit a phone:
    /// the page keeps the phone's width and the table its semantics (a table of `display: block` loses them).
    /// `wide`: a table meant to scroll on a phone (its first column stays in view).
    func inScrollBox(wide: Bool = false) -> Component { Div { self }.class(wide ? "scroll wide" : "scroll") }

    /// A table that, on a phone, shows each row as a card (`table.stack`), its cells `under`
    /// their headings; the roles keep it a table for a screen reader when it is shown as blocks.
    func stacked() -> Component { `class`("table stack").attr("role", "table") }
    func stackedRow() -> Component { attr("role", "row") }
    func under(_ heading: String) -> Component { attr("data-label", heading).attr("role", "cell") }
}

/// One of Plot's elements (`<p>`, `<span>`, `<li>`, …) whose text is escaped.
struct Escaped<Definition: ElementDefinition>: Component {
    let body: Component
    init(_ text: String) { body = ElementComponent<Definition>(text.text) }
    init(@ComponentBuilder content: @escaping () -> ComponentGroup) { body = ElementComponent<Definition>(content: content) }
}

typealias Paragraph = Escaped<ElementDefinitions.Paragraph>
typealias Span = Escaped<ElementDefinitions.Span>
typealias H1 = Escaped<ElementDefinitions.H1>
typealias H2 = Escaped<ElementDefinitions.H2>
typealias H3 = Escaped<ElementDefinitions.H3>
typealias ListItem = Escaped<ElementDefinitions.ListItem>
typealias TableCell = Escaped<ElementDefinitions.TableCell>
typealias Button = Escaped<ElementDefinitions.Button>

struct Label: Component {
    let body: Component
    init(_ title: String, @ComponentBuilder content: @escaping () -> ComponentGroup) { body = Plot.Label(title.text, content: content) }
}

struct Link: Component {
    let body: Component
    init(_ text: String, url: URLRepresentable) { body = Plot.Link(text.text, url: url.description.attribute) }
}

struct Form: Component {
    let body: Component
    init(
        url: URLRepresentable, method: HTMLFormMethod = .get, contentType: HTMLFormContentType? = nil,
        @ComponentBuilder content: @escaping () -> ComponentGroup
    ) {
        body = Plot.Form(url: url.description.attribute, method: method, contentType: contentType, content: content)
    }

    /// A POST form, its CSRF token first.
    init(post url: URLRepresentable, csrf: String, contentType: HTMLFormContentType? = nil, @ComponentBuilder content: @escaping () -> ComponentGroup)
    {
        self.init(url: url, method: .post, contentType: contentType) {
            Input(type: .hidden, name: "csrf", value: csrf)
            content()
        }
    }
}

extension Form {
    /// The page's form whose fields the language switch keeps: the header's switch sends it
    /// with `relang` (Layout, `PageChrome.keeping`), and the handler shows it again in the other language.
    init(
        keeping url: some URLRepresentable, csrf: String, contentType: HTMLFormContentType? = nil,
        @ComponentBuilder content: @escaping () -> ComponentGroup
    ) {
        body = Form(post: url, csrf: csrf, contentType: contentType, content: content).id(Layout.keptForm)
    }
}

struct SubmitButton: Component {
    let body: Component
    init(_ title: String) { body = Plot.SubmitButton(title.attribute) }
}

struct Input: Component {
    let body: Component
    init(type: HTMLInputType, name: String? = nil, value: String? = nil, isRequired: Bool = false) {
        body = Plot.Input(type: type, name: name?.attribute, value: value?.attribute, isRequired: isRequired)
    }
}

struct TextArea: Component {
    let body: Component
    init(text: String = "", name: String, numberOfRows: Int? = nil, isRequired: Bool = false) {
        body = Plot.TextArea(text: text.text, name: name.attribute, numberOfRows: numberOfRows, isRequired: isRequired)
    }
}

/// A drop-down list; name it with `.attr("name", …)`.
struct Select: Component {
    @ComponentBuilder var content: () -> Component
    var body: Component { Node<HTML.BodyContext>.element(named: "select", nodes: [.component(content())]) }
}

struct Legend: Component {
    let text: String
    init(_ text: String) { self.text = text }
    var body: Component { Node<HTML.BodyContext>.element(named: "legend", nodes: [.plain(text)]) }
}

struct Option: Component {
    let text: String
    let value: String
    var selected = false
    init(_ text: String, value: String, selected: Bool = false) { (self.text, self.value, self.selected) = (text, value, selected) }
    /// An empty value is written (`value=""`): a required select's first, placeholder option.
    var body: Component {
        Node<HTML.BodyContext>.element(
            named: "option",
            nodes: [
                .attribute(named: "value", value: value.attribute, ignoreIfValueIsEmpty: false),
                .attribute(named: "selected", value: selected ? "selected" : nil),
                .plain(text),
            ])
    }
}

/// A table's heading row: `<tr><th>…</th>…</tr>` (Plot's `TableRow` would wrap each `th`
/// in a `td`, which browsers split into an empty cell and a heading).
struct HeaderRow: Component {
    let titles: [String]
    init(_ titles: [String]) { self.titles = titles }
    var body: Component { Node<HTML.BodyContext>.element(named: "tr", nodes: titles.map { .element(named: "th", nodes: [.plain($0)]) }) }
}

/// A paper ballot's barcode: the core encodes the code (`Code128`), the bars are drawn here,
/// black on white, 10 modules of quiet zone on each side, 2 SVG units a module.
struct Barcode: Component {
    let code: String

    var body: Component {
        guard let widths = Code128.widths(code) else { return EmptyComponent() }
        let (module, height) = (2, "60")
        var (x, bars) = (10, [SVG.Shape]())
        for (index, width) in widths.enumerated() {
            if index % 2 == 0 {
                bars.append(SVG.Shape("rect", [("x", "\(x * module)"), ("y", "0"), ("width", "\(width * module)"), ("height", height)]))
            }
            x += width
        }
        let size = "\((x + 10) * module)"
        return SVG(
            attributes: [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(size) \(height)"), ("width", size), ("height", height), ("role", "img"),
                ("aria-label", code), ("class", "barcode"),
            ],
            shapes: [SVG.Shape("rect", [("width", "100%"), ("height", "100%"), ("fill", "#fff")]), SVG.Shape("g", [("fill", "#000")], bars)])
    }
}

/// A small SVG drawn on the server: elements and their attributes as values, every value
/// escaped.
struct SVG: Component {
    /// An element, its attributes in order, and the elements inside it.
    struct Shape {
        var name: String
        var attributes: [(String, String)]
        var shapes: [Shape] = []

        init(_ name: String, _ attributes: [(String, String)], _ shapes: [Shape] = []) {
            (self.name, self.attributes, self.shapes) = (name, attributes, shapes)
        }
    }

    var attributes: [(String, String)]
    var title: String?
    var shapes: [Shape]
    /// An empty element as `<rect …/>` rather than `<rect …></rect>` (the charts and the progress bars differ).
    var selfClosing = true

    static func rect(_ classes: String, data: [(String, String)] = [], x: Int64, y: Int64, width: Int64, height: Int64) -> Shape {
        Shape("rect", [("class", classes)] + data + [("x", "\(x)"), ("y", "\(y)"), ("width", "\(width)"), ("height", "\(height)")])
    }

    static func line(_ classes: String, x1: Int64, y1: Int64, x2: Int64, y2: Int64) -> Shape {
        Shape("line", [("class", classes), ("x1", "\(x1)"), ("y1", "\(y1)"), ("x2", "\(x2)"), ("y2", "\(y2)")])
    }

    var body: Component {
        var nodes: [Node<HTML.BodyContext>] = attributes.map { .attr($0.0, $0.1) }
        if let title { nodes.append(.element(named: "title", nodes: [.plain(title)])) }
        return Node<HTML.BodyContext>.element(named: "svg", nodes: nodes + shapes.map(node))
    }

    private func node(_ shape: Shape) -> Node<HTML.BodyContext> {
        guard selfClosing && shape.shapes.isEmpty else {
            return .element(named: shape.name, nodes: shape.attributes.map { .attr($0.0, $0.1) } + shape.shapes.map(node))
        }
        return .selfClosedElement(named: shape.name, attributes: shape.attributes.map { Attribute(name: $0.0, value: $0.1.attribute) })
    }
}
