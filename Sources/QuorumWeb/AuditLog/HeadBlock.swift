import Plot
import QuorumCore

/// A signed tree head as the notice, the result and the result notice show it (issue 13,
/// item 5): the size, the root in groups of four hex digits to copy by hand, the key id, when
/// it was signed, what it is for, and (on screen) the way to check it.
struct HeadBlock: Component {
    let head: SignedTreeHead
    /// Which moment it pins: `S.Head.atNotice` or `S.Head.atResult`.
    let moment: L10n
    let lang: Lang

    var body: Component {
        Div {
            H2(S.Head.title(lang))
            Paragraph(moment(lang)).class("meta")
            Node<HTML.BodyContext>.dl(
                .dt(.plain(S.Head.size(lang))), .dd(.attr("class", "head-size"), .plain(String(head.size))),
                .dt(.plain(S.Head.root(lang))), .dd(.attr("class", "head-root"), .plain(CopiedHead.grouped(head.root))),
                .dt(.plain(S.Head.keyID(lang))), .dd(.attr("class", "head-key"), .plain(head.keyID)),
                .dt(.plain(S.Head.signedAt(lang))), .dd(.plain(LocalTime.format(head.time))))
            Paragraph(S.Head.purpose(SiteURL.verify().path)(lang)).class("note")
            Link(S.Head.check(lang), url: SiteURL.verify(head: CopiedHead(head))).class("button secondary no-print").id("check-head")
        }.class("card head").id("log-head")
    }
}
