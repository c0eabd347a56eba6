import Plot

/// A long list one page at a time, after a search over its text (issue 13, item 20): the
/// delivery record of a thousand households, the log of who opened personal data.
struct Paged<Item> {
    /// The items of this page.
    var items: [Item]
    /// From 1.
    var page: Int
    var pages: Int
    /// How many items matched the search, on every page.
    var matched: Int

    /// Page `page` (from 1; out of range: the nearest) of `size` of the items whose text
    /// contains `query` (empty: all).
    init(_ all: [Item], query: String?, text: (Item) -> String, page: Int?, size: Int = 50) {
        let query = query?.trimmingCharacters(in: .whitespaces) ?? ""
        let found = query.isEmpty ? all : all.filter { text($0).localizedCaseInsensitiveContains(query) }
        matched = found.count
        pages = max(1, (found.count + size - 1) / size)
        self.page = min(max(page ?? 1, 1), pages)
        items = Array(found.dropFirst((self.page - 1) * size).prefix(size))
    }

    /// The search box (a GET form keeping `keep`) and, when there is more than one page, the
    /// links to the pages before and after; `url` is the list's address for a page.
    func controls(query: String?, keep: [(String, String)] = [], action: SiteURL, _ lang: Lang, url: (Int) -> SiteURL) -> Component {
        let (previous, next) = (page > 1 ? url(page - 1) : nil, page < pages ? url(page + 1) : nil)
        return Div {
            Form(url: action) {
                for (name, value) in keep { Input(type: .hidden, name: name, value: value) }
                Label(S.search(lang)) { Input(type: .search, name: "q", value: query ?? "").id("search") }
                SubmitButton(S.search(lang)).class("small").id("search-go")
            }.class("search")
            Paragraph {
                if let previous { Link(S.previousPage(lang), url: previous).class("chip").id("page-previous") }
                Span(S.pageOf(page, pages, matched)(lang)).id("page-of")
                if let next { Link(S.nextPage(lang), url: next).class("chip").id("page-next") }
            }.class("pager")
        }
    }
}
