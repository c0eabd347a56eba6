import Hummingbird
import Plot
import QuorumStore

/// Screens of binding: the name and ID number, then the code.
enum BindPages {
    /// The site's front door, for whoever is not signed in as an owner.
    static func home(chrome: PageChrome) -> Page {
        Layout.page(S.siteName, chrome: chrome, path: .home) {
            Paragraph(S.tagline(chrome.lang))
            Link(S.startBinding(chrome.lang), url: SiteURL.bind).class("button").id("start")
            Link(S.staffEntrance(chrome.lang), url: SiteURL.staffLogin).class("button secondary").id("staff-entrance")
        }
    }

    static func form(
        estates: [Division], pre: String, error: String?, name: String = "", credentials: Bool, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.bindTitle, chrome: chrome, path: .bind) {
            Paragraph(S.bindIntro(lang))
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert") }
            Form(url: SiteURL.bind, method: .post) {
                Input(type: .hidden, name: "pre", value: pre)
                if estates.count == 1 {
                    Input(type: .hidden, name: "estate", value: String(estates[0].id))
                    Paragraph("\(S.estate(lang))：\(estates[0].name)").class("meta")
                } else {
                    Label(S.estate(lang)) {
                        Node<HTML.BodyContext>.element(
                            named: "select",
                            nodes: [.attribute(named: "name", value: "estate"), .attribute(named: "id", value: "estate")]
                                + estates.map {
                                    .element(named: "option", nodes: [.attr("value", String($0.id)), .plain($0.name)])
                                })
                    }
                }
                Label(S.name(lang)) {
                    Input(type: .text, name: "name", value: name, isRequired: true).id("name").attribute(
                        named: "autocomplete", value: "name")
                }
                Label(S.idNumber(lang)) {
                    Input(type: .text, name: "id_number", isRequired: true).id("id_number")
                        .attribute(named: "autocomplete", value: "off").attribute(named: "inputmode", value: "text")
                }
                SubmitButton(S.sendCode(lang)).id("send-code")
            }
            if credentials, let estate = estates.first {
                H2(S.credentialTitle(lang))
                Paragraph(S.credentialIntro(lang)).class("meta")
                Form(url: SiteURL.bindCredential, method: .post) {
                    Input(type: .hidden, name: "pre", value: pre)
                    Input(type: .hidden, name: "estate", value: String(estate.id))
                    Label(S.credential(lang)) {
                        TextArea(name: "credential", isRequired: true).id("credential")
                    }
                    SubmitButton(S.bindWithCredential(lang)).id("bind-credential").class("secondary")
                }
            }
        }
    }

    static func code(
        attempt: String, phoneMasked: String, pre: String, error: String?, demoMessage: String?, chrome: PageChrome
    ) -> Page {
        let lang = chrome.lang
        return Layout.page(S.codeTitle, chrome: chrome, path: .bind) {
            Paragraph(S.codeSent(phoneMasked)(lang))
            if let error { Paragraph(error).class("alert").attribute(named: "role", value: "alert") }
            if let demoMessage {
                Div {
                    Paragraph(S.demoCode(lang)).class("note")
                    Paragraph(demoMessage).id("demo-message")
                }
                .class("card")
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
