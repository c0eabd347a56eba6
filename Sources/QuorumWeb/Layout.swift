import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// Every page's frame: language, viewport, style and script, a header with the language
/// switch, and the content. Mobile-first; works without JavaScript.
enum Layout {
    static func page(
        _ title: L10n, context: QuorumRequestContext, path: String, status: HTTPResponse.Status = .ok,
        @ComponentBuilder content: @escaping () -> Component
    ) -> Response {
        let lang = context.lang
        let switchPath = path + (path.contains("?") ? "&" : "?") + "lang=\(lang.other.rawValue)"
        let html = HTML(
            .lang(lang == .zh ? .chinese : .english),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title(lang)) · Quorum"),
                .stylesheet("/static/app.css"),
                .script(.src("/static/app.js"), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .component(
                    ComponentGroup {
                        Header {
                            Link(S.siteName(lang), url: "/").class("brand")
                            Navigation {
                                Link(S.switchLanguage(lang), url: switchPath).class("lang").attribute(named: "lang", value: lang.other == .zh ? "zh-CN" : "en")
                                if let session = context.session {
                                    Form(url: "/logout", method: .post) {
                                        Input(type: .hidden, name: "csrf", value: session.csrf)
                                        SubmitButton(S.signOut(lang)).class("link")
                                    }
                                } else if let staff = context.staff {
                                    Link(S.staffArea(lang), url: "/manage").class("lang")
                                    Form(url: "/staff/logout", method: .post) {
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
        _ title: L10n, _ text: String, context: QuorumRequestContext, status: HTTPResponse.Status, back: String = "/"
    ) -> Response {
        page(title, context: context, path: back, status: status) {
            Paragraph(text).class("alert")
            Link(S.back(context.lang), url: back).class("button secondary")
        }
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// A progress block: heads and area against the totals, with the 2/3 line marked. The
/// script refreshes it from `data-progress` while the page is open.
struct ProgressView: Component {
    let progress: VoteProgress
    let lang: Lang
    let source: String

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
        .attribute(named: "data-progress", value: source.isEmpty ? nil : source)
        .attribute(named: "data-reached-text", value: S.reached(lang))
    }

    private func bar(_ label: String, value: String, perMille: Int, linePerMille: Int, key: String) -> Component {
        Div {
            Div {
                Span(label)
                Span(value).class("figure").attribute(named: "data-field", value: key)
            }
            .class("bar-label")
            Div {
                Div().class("fill").attribute(named: "style", value: "width:\(Double(min(perMille, 1000)) / 10)%")
                    .attribute(named: "data-fill", value: key)
                Div().class("line").attribute(named: "style", value: "left:\(Double(linePerMille) / 10)%")
            }
            .class("bar")
            .attribute(named: "role", value: "img")
            .attribute(named: "aria-label", value: "\(label) \(value)")
        }
    }
}

extension String {
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
