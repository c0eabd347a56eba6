import Plot

extension HomePage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.siteName, chrome: chrome) { lang in
            Paragraph(S.tagline(lang))
            Link(S.startBinding(lang), url: SiteURL.bind).class("button").id("start")
            Link(S.staffEntrance(lang), url: SiteURL.staffLogin).class("button secondary").id("staff-entrance")
        }
    }
}

extension BindPage {
    func render(chrome: PageChrome) -> Page {
        // The language switch sends the form and it comes back holding the estate and the name;
        // never the ID number, which no page writes out.
        Layout.page(S.bindTitle, chrome: chrome.keeping(SiteURL.bind, main: S.sendCode)) { lang in
            Paragraph(S.bindIntro(lang))
            Layout.flash(error)
            Form(url: SiteURL.bind, method: .post) {
                Input(type: .hidden, name: "pre", value: pre)
                if estates.count == 1 {
                    Input(type: .hidden, name: "estate", value: String(estates[0].id))
                    Paragraph("\(S.estate(lang))\(lang.colon)\(estates[0].name)").class("meta")
                } else {
                    Label(S.estate(lang)) {
                        Select { for each in estates { Option(each.name, value: String(each.id), selected: each.id == estate) } }.attr(
                            "name", "estate"
                        ).id(
                            "estate")
                    }
                }
                Label(S.name(lang)) {
                    Input(type: .text, name: "name", value: name, isRequired: true).id("name").attribute(named: "autocomplete", value: "name")
                }
                Label(S.idNumber(lang)) {
                    Input(type: .text, name: "id_number", isRequired: true).id("id_number")
                        .attribute(named: "autocomplete", value: "off").attribute(named: "inputmode", value: "text")
                }
                SubmitButton(S.sendCode(lang)).id("send-code")
            }.id(Layout.keptForm)
            // What is kept, why and for how long, before anything is typed in (issue 13, item 21).
            Div {
                H2(S.Privacy.title(lang))
                List(S.Privacy.points) { point in ListItem(point(lang)) }.class("privacy")
            }.class("note").id("privacy")
            if credentials, let estate = estates.first {
                H2(S.credentialTitle(lang))
                Paragraph(S.credentialIntro(lang)).class("meta")
                Form(url: SiteURL.bindCredential, method: .post) {
                    Input(type: .hidden, name: "pre", value: pre)
                    Input(type: .hidden, name: "estate", value: String(estate.id))
                    Label(S.credential(lang)) { TextArea(name: "credential", isRequired: true).id("credential") }
                    SubmitButton(S.bindWithCredential(lang)).id("bind-credential").class("secondary")
                }
            }
        }
    }
}

extension BindCodePage {
    func render(chrome: PageChrome) -> Page {
        Layout.page(S.codeTitle, chrome: chrome) { lang in
            Paragraph(S.codeSent(phoneMasked)(lang))
            Layout.flash(error)
            if let newCodeAt {
                Div {
                    Paragraph(S.newCodeAt(newCodeAt)(lang)).id("new-code-at")
                    Link(S.sendNewCode(lang), url: SiteURL.bind).class("button").id("new-code")
                }.class("card")
            }
            if let demoMessage {
                Div {
                    Paragraph(S.demoCode(lang)).class("note")
                    Paragraph(demoMessage).id("demo-message")
                }.class("card")
            }
            Form(url: SiteURL.bindCode, method: .post) {
                Input(type: .hidden, name: "pre", value: pre)
                Input(type: .hidden, name: "attempt", value: attempt)
                Input(type: .hidden, name: "phone", value: phoneMasked)
                Label(S.code(lang)) {
                    Input(type: .text, name: "code", isRequired: true).id("code")
                        .attribute(named: "inputmode", value: "numeric").attribute(named: "autocomplete", value: "one-time-code")
                        .attribute(named: "maxlength", value: "6")
                }
                SubmitButton(S.confirm(lang)).id("confirm-code")
            }
        }
    }
}
