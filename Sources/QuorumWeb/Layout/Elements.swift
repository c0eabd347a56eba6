import Plot

/// Form elements Plot's component API lacks, as components.
struct Fieldset: Component {
    let content: () -> Component

    init(@ComponentBuilder content: @escaping () -> Component) {
        self.content = content
    }

    var body: Component { Node<HTML.BodyContext>.element(named: "fieldset", nodes: [.component(content())]) }
}

/// A drop-down list; name it with `.attr("name", …)`.
struct Select: Component {
    let content: () -> Component

    init(@ComponentBuilder content: @escaping () -> Component) {
        self.content = content
    }

    var body: Component { Node<HTML.BodyContext>.element(named: "select", nodes: [.component(content())]) }
}
