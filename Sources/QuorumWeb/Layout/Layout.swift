import Hummingbird
import Plot
import QuorumCore
import QuorumStore

/// What every page shows around its content: the language, who is signed in with the CSRF
/// token of their sign-out form, and the page's own address for the language switch. A view
/// gets it with its model, never the request.
struct PageChrome: Sendable {
    enum SignedIn: Sendable {
        case nobody
        case owner(csrf: String)
        case staff(csrf: String)
    }

    var lang: Lang
    var signedIn: SignedIn = .nobody
    /// The page's own address, which the language switch links to: the request's path, unless
    /// the handler shows the page at another address (a POST's answer, a page its query names).
    var here = SiteURL.home.path
    /// On a form page, where its form (`Form(keeping:)`) is sent, and the words of its main
    /// button: the language switch sends the form there, so it comes back in the other language
    /// holding what it held.
    var keeps: (form: SiteURL, main: L10n)?

    /// The same chrome for a page whose own address is `url`.
    func at(_ url: SiteURL) -> PageChrome { with(\.here, url.path) }

    /// The same chrome for a page whose language switch sends its form to `form`.
    func keeping(_ form: SiteURL, main: L10n) -> PageChrome { with(\.keeps, (form, main)) }

    private func with<T>(_ key: WritableKeyPath<PageChrome, T>, _ value: T) -> PageChrome {
        var chrome = self
        chrome[keyPath: key] = value
        return chrome
    }
}

extension QuorumRequestContext {
    var chrome: PageChrome {
        let signedIn: PageChrome.SignedIn =
            if let session { .owner(csrf: session.csrf) } else if let staff { .staff(csrf: staff.csrf) } else { .nobody }
        return PageChrome(lang: lang, signedIn: signedIn, here: requestPath)
    }
}

/// A rendered page: HTML, as a value a test can read.
struct Page: Sendable {
    var html: String
}

/// Every page's frame: language, viewport, style and script, a header with the language
/// switch, and the content. Mobile-first; works without JavaScript.
enum Layout {
    /// The id of the form a page's language switch sends (`Form(keeping:)`).
    static let keptForm = "kept-form"

    /// `content`: the page's own, in the chrome's language.
    static func page(_ title: L10n, chrome: PageChrome, @ComponentBuilder content: @escaping (Lang) -> Component) -> Page {
        let lang = chrome.lang
        let other = lang.other == .zh ? "zh-CN" : "en"
        func switching(_ path: String) -> String { path + (path.contains("?") ? "&" : "?") + "lang=\(lang.other.rawValue)" }
        let html = HTML(
            .lang(lang == .zh ? .chinese : .english),
            .head(
                .encoding(.utf8),
                .meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.plain("\(title(lang))\(lang.dot)Quorum")]),
                .meta(.attr("name", "twitter:title"), .attr("content", "\(title(lang))\(lang.dot)Quorum")),
                .meta(.attr("property", "og:title"), .attr("content", "\(title(lang))\(lang.dot)Quorum")),
                .link(.attr("rel", "stylesheet"), .attr("href", SiteURL.staticFile("app.css").path), .attr("type", "text/css")),
                .script(.attr("src", SiteURL.staticFile("app.js").path), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                // Enter in a field presses the form's first button in the page: an unseen copy of
                // its main one, ahead of the header's switch.
                .component(
                    chrome.keeps.map {
                        SubmitButton($0.main(lang)).attr("form", keptForm).class("default-submit").attr("tabindex", "-1").attr("aria-hidden", "true")
                    } ?? EmptyComponent()),
                .component(
                    Header {
                        Link(S.siteName(lang), url: SiteURL.home).class("brand")
                        Navigation {
                            if let form = chrome.keeps?.form {
                                Button(S.switchLanguage(lang)).attr("type", "submit").attr("form", keptForm).attr("name", "relang")
                                    .attr("formaction", switching(form.path)).attr("formnovalidate", "formnovalidate").class("link lang")
                                    .attr("lang", other).id("switch-language")
                            } else {
                                Link(S.switchLanguage(lang), url: switching(chrome.here)).class("lang").attr("lang", other)
                            }
                            if case .owner(let csrf) = chrome.signedIn {
                                Form(post: SiteURL.logout, csrf: csrf) { SubmitButton(S.signOut(lang)).class("link") }
                            } else if case .staff(let csrf) = chrome.signedIn {
                                Link(S.staffArea(lang), url: SiteURL.manage).class("lang")
                                Form(post: SiteURL.staffLogout, csrf: csrf) { SubmitButton(S.signOut(lang)).class("link").id("staff-sign-out") }
                            }
                        }
                    }),
                .main(.component(H1(title(lang))), .component(content(lang)))
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

    /// A short page that says what went wrong and offers the way back (where its language
    /// switch leads too).
    static func message(_ title: L10n, _ text: String, chrome: PageChrome, back: SiteURL = .home) -> Page {
        page(title, chrome: chrome.at(back)) { lang in
            Paragraph(text).class("alert")
            Link(S.back(lang), url: back).class("button secondary")
        }
    }

    /// A refusal as the answer: the message page under `status`.
    static func refuse(_ status: HTTPResponse.Status, _ title: L10n, _ text: L10n, chrome: PageChrome, back: SiteURL = .home) -> Response {
        response(message(title, text(chrome.lang), chrome: chrome, back: back), status: status)
    }

    /// A message for assistive technology too: a refusal (`alert`) or news (`ok`, `meta`: a
    /// status). Nothing when there is none.
    static func flash(_ text: String?, _ kind: String = "alert", id: String? = nil) -> Component {
        guard let text else { return EmptyComponent() }
        return Paragraph(text).class(kind).attribute(named: "role", value: kind == "alert" ? "alert" : "status").attr("id", id)
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
