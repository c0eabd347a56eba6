import Plot
import QuorumCore
import QuorumStore

extension AccessPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Access.title, chrome: chrome) { lang in
            Paragraph(S.Access.intro(lang)).class("note")
            if rows.isEmpty {
                Paragraph(S.Access.none(lang)).class("meta").id("no-access")
            } else {
                // A list, not a table: each entry wraps on a phone.
                List(rows) { row in
                    ListItem {
                        Span(LocalTime.format(row.access.time)).class("meta")
                        Span(row.account.map { "\($0.displayName)\(lang.dot)\(S.roleName($0.role)(lang))" } ?? row.access.actor).class("who")
                        Span("\(Self.name(row.access.opened)(lang))\(lang.dot)\(row.voteTitle)")
                    }
                }.class("plain access").id("access")
            }
            if let older { Link(S.Access.older(lang), url: SiteURL.manageAccess(before: String(older))).class("button secondary").id("older") }
            Link(S.back(lang), url: SiteURL.manage).class("button secondary")
        }
    }

    static func name(_ opened: PersonalDataAccess.Opened) -> L10n {
        switch opened {
        case .list(.unbound): S.unboundList
        case .list(.notVoted): S.notVotedList
        case .list(.delivery): S.Access.deliveryRecord
        case .file(let file): L10n(zh: "下载 \(file.rawValue)", en: "downloaded \(file.rawValue)")
        }
    }
}
