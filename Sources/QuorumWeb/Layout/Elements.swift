import Plot

/// Form elements Plot's component API lacks, as components.
struct Fieldset: Component {
    let content: () -> Component

    init(@ComponentBuilder content: @escaping () -> Component) {
        self.content = content
    }

    var body: Component { Node<HTML.BodyContext>.element(named: "fieldset", nodes: [.component(content())]) }
}

struct Legend: Component {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var body: Component { Node<HTML.BodyContext>.element(named: "legend", nodes: [.text(text.textEscaped)]) }
}

/// A drop-down list; name it with `.attribute(named: "name", …)`.
struct Select: Component {
    let content: () -> Component

    init(@ComponentBuilder content: @escaping () -> Component) {
        self.content = content
    }

    var body: Component { Node<HTML.BodyContext>.element(named: "select", nodes: [.component(content())]) }
}

struct Option: Component {
    let text: String
    let value: String

    init(_ text: String, value: String) {
        self.text = text
        self.value = value
    }

    var body: Component {
        Node<HTML.BodyContext>.element(named: "option", nodes: [.attribute(named: "value", value: value.attributeEscaped), .text(text.textEscaped)])
    }
}

/// A table's heading row: `<tr><th>…</th>…</tr>` (Plot's `TableRow` would wrap each `th`
/// in a `td`, which browsers split into an empty cell and a heading).
struct HeaderRow: Component {
    let titles: [String]

    init(_ titles: [String]) {
        self.titles = titles
    }

    var body: Component {
        Node<HTML.BodyContext>.element(named: "tr", nodes: titles.map { Node<HTML.BodyContext>.element(named: "th", nodes: [.text($0.textEscaped)]) })
    }
}
