import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// What every page shows around its content: the language, and who is signed in with the
/// CSRF token of their sign-out form. A view gets it with its model, never the request.
struct PageChrome: Sendable {
    enum SignedIn: Sendable {
        case nobody
        case owner(csrf: String)
        case staff(csrf: String)
    }

    var lang: Lang
    var signedIn: SignedIn = .nobody
}

extension QuorumRequestContext {
    var chrome: PageChrome {
        if let session { return PageChrome(lang: lang, signedIn: .owner(csrf: session.csrf)) }
        if let staff { return PageChrome(lang: lang, signedIn: .staff(csrf: staff.csrf)) }
        return PageChrome(lang: lang)
    }
}

/// A rendered page: HTML, as a value a test can read.
struct Page: Sendable {
    var html: String
}

/// Every page's frame: language, viewport, style and script, a header with the language
/// switch, and the content. Mobile-first; works without JavaScript.
enum Layout {
    /// `path`: the page's own address, which the language switch links to.
    static func page(_ title: L10n, chrome: PageChrome, path: SiteURL, @ComponentBuilder content: @escaping () -> Component) -> Page {
        let lang = chrome.lang
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
                                if case .owner(let csrf) = chrome.signedIn {
                                    Form(url: SiteURL.logout, method: .post) {
                                        Input(type: .hidden, name: "csrf", value: csrf)
                                        SubmitButton(S.signOut(lang)).class("link")
                                    }
                                } else if case .staff(let csrf) = chrome.signedIn {
                                    Link(S.staffArea(lang), url: SiteURL.manage).class("lang")
                                    Form(url: SiteURL.staffLogout, method: .post) {
                                        Input(type: .hidden, name: "csrf", value: csrf)
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
        return Page(html: html.render())
    }

    /// The one way a page becomes an HTTP answer.
    static func response(_ page: Page, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }

    /// A short page that says what went wrong and offers the way back.
    static func message(_ title: L10n, _ text: String, chrome: PageChrome, back: SiteURL = .home) -> Page {
        page(title, chrome: chrome, path: back) {
            Paragraph(text).class("alert")
            Link(S.back(chrome.lang), url: back).class("button secondary")
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
