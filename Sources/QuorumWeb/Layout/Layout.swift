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
                                Link(S.switchLanguage(lang), url: switchPath).class("lang").attribute(
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
            Paragraph(text).class("alert")
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
        .attr("data-progress", source?.path)
        .attr("data-reached-text", S.reached(lang))
    }

    /// An SVG bar on a 0…1000 scale: the fill's and the line's `width` and `x` are
    /// attributes, not `style`, so the page needs no inline style under the CSP.
    private func bar(_ label: String, value: String, perMille: Int, linePerMille: Int, key: String) -> Component {
        Div {
            Div {
                Span(label)
                Span(value).class("figure").attr("data-field", key)
            }
            .class("bar-label")
            SVG(
                attributes: [
                    ("class", "bar"), ("viewBox", "0 0 1000 24"), ("preserveAspectRatio", "none"), ("role", "img"),
                    ("aria-label", "\(label) \(value)"),
                ],
                shapes: [
                    SVG.rect("track", x: 0, y: 4, width: 1000, height: 16),
                    SVG.rect("fill", data: [("data-fill", key)], x: 0, y: 4, width: Int64(max(0, min(perMille, 1000))), height: 16),
                    SVG.rect("line", x: Int64(max(0, min(linePerMille, 1000)) - 3), y: 0, width: 6, height: 24),
                ], selfClosing: false)
        }
    }
}
