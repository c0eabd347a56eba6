import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// Every page's frame: language, viewport, style and script, a header with the language
/// switch, and the content. Mobile-first; works without JavaScript.
enum Layout {
    static func page(
        _ title: L10n, context: QuorumRequestContext, path: SiteURL, status: HTTPResponse.Status = .ok,
        @ComponentBuilder content: @escaping () -> Component
    ) -> Response {
        let lang = context.lang
        let switchPath = path.path + (path.path.contains("?") ? "&" : "?") + "lang=\(lang.other.rawValue)"
        let html = HTML(
            .lang(lang == .zh ? .chinese : .english),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title(lang)) · Quorum"),
                .stylesheet(SiteURL.staticFile("app.css")),
                .script(.src(SiteURL.staticFile("app.js")), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .component(
                    ComponentGroup {
                        Header {
                            Link(S.siteName(lang), url: SiteURL.home).class("brand")
                            Navigation {
                                Link(S.switchLanguage(lang), url: switchPath.attributeEscaped).class("lang").attribute(
                                    named: "lang", value: lang.other == .zh ? "zh-CN" : "en")
                                if let session = context.session {
                                    Form(url: SiteURL.logout, method: .post) {
                                        Input(type: .hidden, name: "csrf", value: session.csrf)
                                        SubmitButton(S.signOut(lang)).class("link")
                                    }
                                } else if let staff = context.staff {
                                    Link(S.staffArea(lang), url: SiteURL.manage).class("lang")
                                    Form(url: SiteURL.staffLogout, method: .post) {
                                        Input(type: .hidden, name: "csrf", value: staff.csrf)
                                        SubmitButton(S.signOut(lang)).class("link").id("staff-sign-out")
                                    }
                                }
                            }
                        }
                        Node<HTML.BodyContext>.element(
                            named: "main",
                            nodes: [
                                .component(
                                    ComponentGroup {
                                        H1(title(lang))
                                        content()
                                    })
                            ])
                    })
            )
        )
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html.render())))
    }

    /// A short page that says what went wrong and offers the way back.
    static func message(
        _ title: L10n, _ text: String, context: QuorumRequestContext, status: HTTPResponse.Status, back: SiteURL = .home
    ) -> Response {
        page(title, context: context, path: back, status: status) {
            Paragraph(text.textEscaped).class("alert")
            Link(S.back(context.lang), url: back).class("button secondary")
        }
    }

    static func redirect(_ url: SiteURL) -> Response { redirect(location: url.path) }

    static func redirect(location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// A progress block: heads and area against the totals, with the 2/3 line marked. The
/// script refreshes it from `data-progress` while the page is open.
struct ProgressView: Component {
    let progress: VoteProgress
    let lang: Lang
    let source: SiteURL?

    var body: Component {
        let line = progress.participationLine
        return Div {
            H2(S.progress(lang))
            bar(
                S.votedHeads(lang), value: "\(progress.voted.heads) / \(progress.total.heads)", perMille: progress.headsPerMille,
                linePerMille: progress.total.heads == 0 ? 0 : line.heads * 1000 / progress.total.heads, key: "heads")
            bar(
                S.votedArea(lang), value: "\(progress.voted.area) / \(progress.total.area) m²", perMille: progress.areaPerMille,
                linePerMille: progress.total.area.centiSquareMetres == 0
                    ? 0 : Int(line.area.centiSquareMetres * 1000 / progress.total.area.centiSquareMetres), key: "area")
            Paragraph(progress.participationReached ? S.reached(lang) : "").class("reached").attribute(named: "data-field", value: "reached")
            Paragraph(S.lineNote(lang)).class("note")
        }
        .class("progress")
        .attribute(named: "data-progress", value: source?.path)
        .attribute(named: "data-reached-text", value: S.reached(lang))
    }

    /// An SVG bar on a 0…1000 scale: the fill's and the line's `width` and `x` are
    /// attributes, not `style`, so the page needs no inline style under the CSP.
    private func bar(_ label: String, value: String, perMille: Int, linePerMille: Int, key: String) -> Component {
        func rect(_ attributes: [(String, String)]) -> Node<HTML.BodyContext> {
            .element(named: "rect", nodes: attributes.map { .attribute(named: $0.0, value: $0.1) })
        }
        return Div {
            Div {
                Span(label)
                Span(value).class("figure").attribute(named: "data-field", value: key)
            }
            .class("bar-label")
            Node<HTML.BodyContext>.element(
                named: "svg",
                nodes: [
                    .attribute(named: "class", value: "bar"), .attribute(named: "viewBox", value: "0 0 1000 24"),
                    .attribute(named: "preserveAspectRatio", value: "none"), .attribute(named: "role", value: "img"),
                    .attribute(named: "aria-label", value: "\(label) \(value)"),
                    rect([("class", "track"), ("x", "0"), ("y", "4"), ("width", "1000"), ("height", "16")]),
                    rect([
                        ("class", "fill"), ("data-fill", key), ("x", "0"), ("y", "4"), ("width", "\(max(0, min(perMille, 1000)))"), ("height", "16"),
                    ]),
                    rect([("class", "line"), ("x", "\(max(0, min(linePerMille, 1000)) - 3)"), ("y", "0"), ("width", "6"), ("height", "24")]),
                ])
        }
    }
}

extension String {
    /// For element text from outside (a name, a title, a message that quotes input). Plot
    /// escapes `<` and `>` in text but leaves anything that looks like an entity as it is,
    /// so `&amp;` typed by someone would show as `&`; with every `&` written `&amp;` first,
    /// the text shows exactly as typed. Once per text: Plot does the rest.
    var textEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;")
    }

    /// For an attribute value: Plot writes attribute values as they are, so any value that
    /// did not come from us goes through here (`"`, `'`, `&`, `<`, `>` as entities).
    var attributeEscaped: String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
