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
            Paragraph("\(staff.account.displayName)\(lang.dot)\(S.roleName(staff.account.role)(lang))").class("meta").id("who")
            if permissions.contains(.manageStaff) { Link(S.accounts(lang), url: SiteURL.manageStaff()).class("button secondary").id("accounts") }
            Link(S.Account.passwordTitle(lang), url: SiteURL.changePassword).class("button secondary").id("change-password")
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
                    Link(S.Books.staffTitle(lang), url: SiteURL.manageBooks(estate: String(estate.id))).class("button secondary").id(
                        "books-\(estate.id)")
                    Link(S.Facilities.title(lang), url: SiteURL.facilities(estate: String(estate.id))).class("button secondary")
                        .id("facilities-\(estate.id)")
                    if permissions.contains(.rebind) {
                        Link(S.Phones.title(lang), url: SiteURL.phoneChanges(estate: String(estate.id))).class("button secondary")
                            .id("phones-\(estate.id)")
                    }
                }.class("card")
            }
        }
    }
}

extension AccountsPage {
    func render(chrome: PageChrome) -> Page {
        let names = Dictionary(divisions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return Layout.page(S.accounts, chrome: chrome.keeping(SiteURL.manageStaff(), main: S.addAccount)) { lang in
            Layout.flash(error)
            let shown = Paged(accounts, query: query, text: { "\($0.username) \($0.displayName)" }, page: page)
            shown.controls(query: query, action: .manageStaff(), lang) { .manageStaff(q: query, page: $0) }
            Table {
                let headings = [S.username(lang), S.displayName(lang), S.role(lang), S.division(lang)]
                HeaderRow(headings)
                for account in shown.items {
                    TableRow {
                        TableCell { Link(account.username, url: SiteURL.manageAccount(account.id)) }.under(headings[0])
                        TableCell(account.displayName).under(headings[1])
                        TableCell(S.roleName(account.role)(lang)).under(headings[2])
                        TableCell(
                            (account.divisionID.flatMap { names[$0] } ?? "—") + (account.disabled ? lang.parenthesised(S.Account.disabled(lang)) : "")
                        ).under(headings[3])
                    }.stackedRow()
                }
            }.stacked().inScrollBox()
            H2(S.addAccount(lang))
            Form(keeping: SiteURL.manageStaff(), csrf: staff.csrf) {
                Label(S.username(lang)) { Input(type: .text, name: "username", value: held["username"], isRequired: true).id("new-username") }
                Label(S.displayName(lang)) {
                    Input(type: .text, name: "display_name", value: held["display_name"], isRequired: true).id("new-display-name")
                }
                Label(S.passwordNew(lang)) {
                    Input(type: .password, name: "password", isRequired: true).id("new-password").attribute(
                        named: "autocomplete", value: "new-password")
                }
                Label(S.role(lang)) {
                    Select {
                        for role in StaffRole.allCases where staff.account.role.mayManage(role) {
                            Option(S.roleName(role)(lang), value: role.rawValue, selected: held["role"] == role.rawValue)
                        }
                    }.attr("name", "role").id("new-role")
                }
                Label(S.division(lang)) {
                    Select {
                        for division in divisions {
                            Option(
                                division.name + lang.parenthesised(lang == .zh ? division.level.chinese : division.level.rawValue),
                                value: String(division.id), selected: held["division"] == String(division.id))
                        }
                    }
                    .attr("name", "division").id("new-division")
                }
                SubmitButton(S.addAccount(lang)).id("add-account")
            }
        }
    }
}

extension AccountPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Account.title, chrome: chrome) { lang in
            H2(account.displayName)
            Paragraph("\(account.username)\(lang.dot)\(S.roleName(account.role)(lang))\(lang.dot)\(division)").class("meta")
            Paragraph(
                "\(S.Account.status(lang))\(lang.colon)\(account.disabled ? S.Account.disabled(lang) : S.Account.active(lang))"
                    + (account.mustChangePassword ? lang.parenthesised(S.Account.mustChange(lang)) : "")
            ).id("status")
            Layout.flash(message, "ok")
            Layout.flash(error)
            Form(post: SiteURL.manageAccount(account.id), csrf: csrf) {
                Input(type: .hidden, name: "change", value: AccountChange.changed.rawValue)
                Label(S.displayName(lang)) { Input(type: .text, name: "value", value: account.displayName, isRequired: true).id("display-name") }
                SubmitButton(S.Account.rename(lang)).class("secondary").id("rename")
            }
            H2(S.Account.reset(lang))
            Form(post: SiteURL.manageAccount(account.id), csrf: csrf) {
                Paragraph(S.Account.resetIntro(lang)).class("note")
                Input(type: .hidden, name: "change", value: AccountChange.passwordReset.rawValue)
                Label(S.Account.temporary(lang)) {
                    Input(type: .password, name: "value", isRequired: true).id("temporary").attribute(named: "autocomplete", value: "new-password")
                }
                SubmitButton(S.Account.reset(lang)).class("secondary").id("reset")
            }
            Form(post: SiteURL.manageAccount(account.id), csrf: csrf) {
                Input(type: .hidden, name: "change", value: (account.disabled ? AccountChange.enabled : .disabled).rawValue)
                if !account.disabled { Paragraph(S.Account.confirmDisable(lang)).class("note") }
                SubmitButton((account.disabled ? S.Account.enable : S.Account.disable)(lang)).class("secondary").id("toggle")
            }.attr("data-confirm", account.disabled ? nil : S.Account.confirmDisable(lang))
            Link(S.accounts(lang), url: SiteURL.manageStaff()).class("button secondary")
        }
    }
}

extension PasswordPage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.Account.passwordTitle, chrome: chrome) { lang in
            if forced { Paragraph(S.Account.passwordForced(lang)).class("alert").id("forced") }
            Layout.flash(done ? S.Account.changed(lang) : nil, "ok")
            Layout.flash(error)
            Form(post: SiteURL.changePassword, csrf: csrf) {
                Label((forced ? S.Account.temporaryCurrent : S.Account.current)(lang)) {
                    Input(type: .password, name: "current", isRequired: true).id("current").attribute(
                        named: "autocomplete", value: "current-password")
                }
                Label(S.Account.new(lang)) {
                    Input(type: .password, name: "new", isRequired: true).id("new").attribute(named: "autocomplete", value: "new-password")
                }
                SubmitButton(S.Account.save(lang)).id("save-password")
            }
            if !forced { Link(S.back(lang), url: SiteURL.manage).class("button secondary") }
        }
    }
}
