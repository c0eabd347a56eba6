import Plot
import QuorumCore
import QuorumStore

extension LoginPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.staffSignIn, chrome: chrome) { lang in
            Paragraph(S.staffSignInIntro(lang)).class("meta")
            Layout.flash(error)
            Form(url: SiteURL.staffLogin, method: .post) {
                Label(S.username(lang)) {
                    Input(type: .text, name: "username", value: username, isRequired: true).id("username")
                        .attribute(named: "autocomplete", value: "username")
                }
                Label(S.password(lang)) {
                    Input(type: .password, name: "password", isRequired: true).id("password").attribute(
                        named: "autocomplete", value: "current-password")
                }
                SubmitButton(S.signIn(lang)).id("sign-in")
            }
        }
    }
}

extension StaffHomePage {
    func render(chrome: PageChrome) -> Page {
        let permissions = staff.account.role.permissions
        return Layout.page(S.staffArea, chrome: chrome) { lang in
            Paragraph("\(staff.account.displayName) · \(S.roleName(staff.account.role)(lang))").class("meta").id("who")
            if permissions.contains(.manageStaff) { Link(S.accounts(lang), url: SiteURL.manageStaff).class("button secondary").id("accounts") }
            if permissions.contains(.lists) { Link(S.Access.title(lang), url: SiteURL.manageAccess()).class("button secondary").id("access-log") }
            if permissions.contains(.answer) {
                Link(openObjections > 0 ? S.objectionsOpen(openObjections)(lang) : S.openObjectionsTitle(lang), url: SiteURL.manageObjections)
                    .class(openObjections > 0 ? "button" : "button secondary").id("open-objections")
            }
            for (estate, votes) in estates {
                Div {
                    H2(estate.name)
                    if votes.isEmpty { Paragraph(S.noVotesYet(lang)).class("meta") }
                    List(votes) { vote in
                        Div {
                            Link(vote.title, url: SiteURL.manageVote(vote.id)).class("vote-link")
                            Span(StaffPages.phaseName(vote.phase(at: now), lang)).class("tag")
                        }
                    }.class("plain")
                    if permissions.contains(.organise) {
                        Link(S.newVote(lang), url: SiteURL.newVote(estate: String(estate.id))).class("button").id("new-vote-\(estate.id)")
                    }
                    Link(S.Settings.title(lang), url: SiteURL.estateSettings(estate: String(estate.id))).class("button secondary")
                        .id("settings-\(estate.id)")
                }.class("card")
            }
        }
    }
}

extension AccountsPage {
    func render(chrome: PageChrome) -> Page {
        let names = Dictionary(divisions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return Layout.page(S.accounts, chrome: chrome) { lang in
            Layout.flash(error)
            Table {
                HeaderRow([S.username(lang), S.displayName(lang), S.role(lang), S.division(lang)])
                for account in accounts {
                    TableRow {
                        TableCell(account.username)
                        TableCell(account.displayName)
                        TableCell(S.roleName(account.role)(lang))
                        TableCell(account.divisionID.flatMap { names[$0] } ?? "—")
                    }
                }
            }.class("table").inScrollBox(wide: true)
            H2(S.addAccount(lang))
            Form(post: SiteURL.manageStaff, csrf: staff.csrf) {
                Label(S.username(lang)) { Input(type: .text, name: "username", isRequired: true).id("new-username") }
                Label(S.displayName(lang)) { Input(type: .text, name: "display_name", isRequired: true).id("new-display-name") }
                Label(S.passwordNew(lang)) {
                    Input(type: .password, name: "password", isRequired: true).id("new-password").attribute(
                        named: "autocomplete", value: "new-password")
                }
                Label(S.role(lang)) {
                    Select {
                        for role in StaffRole.allCases where role != .admin || staff.account.role == .admin {
                            Option(S.roleName(role)(lang), value: role.rawValue)
                        }
                    }.attr("name", "role").id("new-role")
                }
                Label(S.division(lang)) {
                    Select { for division in divisions { Option("\(division.name)（\(division.level.chinese)）", value: String(division.id)) } }
                        .attr("name", "division").id("new-division")
                }
                SubmitButton(S.addAccount(lang)).id("add-account")
            }
        }
    }
}
