import Plot
import QuorumCore

extension VerifyPage {
    typealias T = Strings.Verify

    /// The page: Chinese first, large type, one column; it works without script (the
    /// server's result), and the script in /static/verify.js adds the browser's own check.
    func render() -> String {
        let l = language
        let document = HTML(
            .attribute(named: "lang", value: l.htmlLang),
            .head(
                .encoding(.utf8),
                .title("\(T.title(l)) · Quorum"),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .style(Self.css)
            ),
            .body(
                .header(
                    .a(.class("lang"), .href(switchLink), .text(T.switchLanguage(l))),
                    .h1(.text(T.title(l)))
                ),
                .main(
                    result,
                    .form(
                        .action(l == .zh ? "/verify" : "/verify?lang=en"), .method(.post),
                        .label(.for("r"), .text(T.codeLabel(l))),
                        .textarea(.id("r"), .name("r"), .rows(4), .attribute(named: "autocomplete", value: "off"), .text(code)),
                        .button(.type(.submit), .text(T.submit(l)))
                    ),
                    .p(.class("note"), .text(T.intro(l))),
                    .p(.class("note"), .text(T.privacy(l))),
                    .p(
                        .class("note"), .text("\(T.keyID(l)): "), .strong(.id("key-id"), .text(key.keyID)), .text(" · \(T.keyNote(l))"),
                        .a(.href("/log/public-key.pem"), .text("PEM"))
                    )
                ),
                .script(.src("/static/verify.js"))
            )
        )
        return document.render()
    }

    private var switchLink: String {
        var link = "/verify?"
        if !code.isEmpty, case .checked = outcome { link += "r=\(code)&" }
        return link + "lang=\(language.other.rawValue)"
    }

    private var result: Node<HTML.BodyContext> {
        let l = language
        switch outcome {
        case .form:
            return .empty
        case .unreadable:
            return .section(.class("verdict fail"), .id("server-result"), .p(.text(T.unreadable(l))))
        case .checked(let receipt, let check):
            return .group(
                .section(
                    .class(check.passed ? "verdict pass" : "verdict fail"), .id("server-result"),
                    .data(named: "outcome", value: check.passed ? "pass" : "fail"),
                    .p(.class("big"), .text(check.passed ? T.passed(l) : T.failed(l))),
                    .h2(.text(T.serverSays(l))),
                    .ul(.forEach(check.steps) { step in .li(.class(step.passed ? "ok" : "bad"), .text(stepText(step.step))) })
                ),
                browserCheck(receipt),
                details(receipt, check: check)
            )
        }
    }

    func stepText(_ step: ReceiptCheck.Step) -> String {
        switch step {
        case .receiptHead: T.stepReceiptHead(language)
        case .included: T.stepIncluded(language)
        case .stillThere: T.stepStillThere(language)
        }
    }

    /// Where the script writes its verdict; the texts it needs come from the strings table.
    private func browserCheck(_ receipt: Receipt) -> Node<HTML.BodyContext> {
        let l = language
        return .section(
            .class("browser"), .id("browser-check"),
            .data(named: "receipt", value: receipt.code),
            .data(named: "text-working", value: T.browserWorking(l)),
            .data(named: "text-passed", value: T.browserPassed(l)),
            .data(named: "text-failed", value: T.browserFailed(l)),
            .data(named: "text-cannot-sign", value: T.browserCannotSign(l)),
            .data(named: "text-receipt_head", value: T.stepReceiptHead(l)),
            .data(named: "text-included", value: T.stepIncluded(l)),
            .data(named: "text-still_there", value: T.stepStillThere(l)),
            .h2(.text(T.browserSays(l))),
            .p(.id("browser-result"), .data(named: "outcome", value: "none"), .text(T.browserNoScript(l)))
        )
    }

    private func details(_ receipt: Receipt, check: ReceiptCheck) -> Node<HTML.BodyContext> {
        let l = language
        var rows: [(Localized, String)] = [
            (T.entry, "\(receipt.index)"), (T.vote, receipt.vote),
            (T.channel, l == .zh ? receipt.channel.chinese : receipt.channel.rawValue),
            (T.received, receipt.time.description),
            (T.signedHead, "\(receipt.head.size) \(T.entries(l)) · \(receipt.head.time)"),
        ]
        if let latest = check.latest { rows.append((T.latestHead, "\(latest.size) \(T.entries(l)) · \(latest.time)")) }
        return .section(
            .class("receipt"),
            .h2(.text(T.yourBallot(l))),
            .dl(.forEach(rows) { label, value in .group(.dt(.text(label(l))), .dd(.text(value)))}),
            .h2(.text(T.choices(l))),
            .dl(
                .forEach(receipt.choices.marks.sorted { $0.key < $1.key }) { matter, mark in
                    .group(.dt(.text(matter)), .dd(.text(choiceText(mark))))
                })
        )
    }

    private func choiceText(_ mark: BallotChoices.Mark) -> String {
        switch mark {
        case .option(let choice): language == .zh ? choice.chinese : choice.rawValue
        case .candidates(let ids): ids.isEmpty ? T.noChoice(language) : ids.sorted().joined(separator: "、")
        }
    }

    static let css = """
        body{font:20px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}
        h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1rem 0 .3rem}
        .lang{float:right;font-size:1rem}
        label{display:block;font-weight:bold;margin-top:1rem}
        textarea{width:100%;box-sizing:border-box;font:16px/1.4 ui-monospace,monospace;padding:.5rem;word-break:break-all}
        button{font-size:1.2rem;padding:.6rem 2rem;margin:.6rem 0;border-radius:.4rem;border:0;background:#1f5fbf;color:#fff}
        .verdict{border-radius:.5rem;padding:.6rem 1rem;margin:1rem 0}
        .pass{background:#e6f4ea;border:2px solid #1e8e3e}.fail{background:#fce8e6;border:2px solid #d93025}
        .big{font-size:1.3rem;font-weight:bold;margin:.3rem 0}
        ul{padding-left:1.2rem;margin:.3rem 0}li.ok::marker{content:"✓ ";color:#1e8e3e}li.bad::marker{content:"✗ ";color:#d93025}
        .browser{border:1px dashed #888;border-radius:.5rem;padding:.3rem 1rem}
        #browser-result[data-outcome=pass]{color:#1e8e3e;font-weight:bold}#browser-result[data-outcome=fail]{color:#d93025;font-weight:bold}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .8rem;margin:.3rem 0}dt{color:#555}dd{margin:0;word-break:break-all}
        .note{color:#555;font-size:.9rem}
        """
}
