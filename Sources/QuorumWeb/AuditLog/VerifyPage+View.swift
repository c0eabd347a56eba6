import Hummingbird
import Plot
import QuorumCore

extension VerifyPage {
    typealias T = S.Verify

    /// The page in the site's layout: the server's verdict first (all a page without script
    /// shows), then the browser's own check, which /static/verify.js fills in, the receipt,
    /// and the form.
    func render(chrome: PageChrome) -> Page {
        Layout.page(T.title, chrome: chrome) { l in
            headResult(l)
            result(l)
            Node<HTML.BodyContext>.form(
                .attr("action", SiteURL.verify().path), .method(.post),
                .label(.attr("for", "r"), .plain(T.codeLabel(l))),
                .textarea(
                    .attr("id", "r"), .attr("name", "r"), .attr("class", "receipt-code"), .rows(4), .attribute(named: "autocomplete", value: "off"),
                    .plain(code)),
                .button(.type(.submit), .attr("id", "check"), .plain(T.submit(l)))
            )
            Node<HTML.BodyContext>.p(.attr("class", "note"), .plain(T.intro(l)))
            Node<HTML.BodyContext>.p(.attr("class", "note"), .plain(T.privacy(l)))
            headForm(l)
            Node<HTML.BodyContext>.p(
                .attr("class", "note"), .plain("\(T.keyID(l)): "), .strong(.attr("id", "key-id"), .plain(key.keyID)),
                .plain("\(l.dot)\(T.keyNote(l))"),
                .a(.attr("href", SiteURL.log(.publicKeyPEM).path), .plain("PEM")))
            Node<HTML.BodyContext>.script(.attr("src", SiteURL.staticFile("verify.js").path), .attribute(named: "defer", value: "defer"))
        }
    }

    private func result(_ l: Lang) -> Node<HTML.BodyContext> {
        switch outcome {
        case .form:
            return .empty
        case .unreadable:
            return .div(
                .attr("class", "verdict alert"), .attr("id", "server-result"), .attr("data-outcome", "unreadable"), .p(.plain(T.unreadable(l))))
        case .checked(let receipt, let check):
            return .group(
                .div(
                    .attr("class", check.passed ? "verdict ok" : "verdict alert"), .attr("id", "server-result"),
                    .attr("data-outcome", check.passed ? "pass" : "fail"),
                    .p(.attr("class", "big"), .plain(check.passed ? T.passed(l) : T.failed(l))),
                    .h2(.plain(T.serverSays(l))),
                    .ul(
                        .attr("class", "steps"),
                        .forEach(check.steps) { step in .li(.attr("class", step.passed ? "passed" : "failed"), .plain(stepText(step.step, l))) })
                ),
                showsChoices ? browserCheck(receipt, l) : .empty,
                details(receipt, check: check, l)
            )
        }
    }

    /// The second form: a head copied from a notice (size and root), checked against the log.
    private func headForm(_ l: Lang) -> Node<HTML.BodyContext> {
        // A root that reads is shown again in groups, as the notice prints it.
        let rootShown = head.flatMap { CopiedHead(size: $0.size, root: $0.root) }.map { CopiedHead.grouped($0.root) } ?? head?.root ?? ""
        return .form(
            .attr("action", SiteURL.verify().path), .method(.post), .attr("class", "card"), .attr("id", "head-form"),
            .h2(.plain(S.Head.formTitle(l))), .p(.attr("class", "note"), .plain(S.Head.formIntro(l))),
            .label(.attr("for", "head-size"), .plain(S.Head.size(l))),
            .input(.attr("id", "head-size"), .attr("name", "size"), .type(.text), .attr("inputmode", "numeric"), .attr("value", head?.size ?? "")),
            .label(.attr("for", "head-root"), .plain(S.Head.root(l))),
            .textarea(
                .attr("id", "head-root"), .attr("name", "root"), .attr("class", "receipt-code"), .rows(3),
                .attribute(named: "autocomplete", value: "off"), .plain(rootShown)),
            .button(.type(.submit), .attr("id", "check-head-submit"), .plain(S.Head.submit(l))))
    }

    /// The verdict on a copied head, first on the page.
    private func headResult(_ l: Lang) -> Node<HTML.BodyContext> {
        guard let head else { return .empty }
        let size = Int(head.size.trimmingWhitespace()) ?? 0
        let (passed, text): (Bool, String) =
            switch head.check {
            case nil: (false, S.Head.unreadable(l))
            case .consistent(let latest): (true, S.Head.consistent(size, latest.size)(l))
            case .beyondLog(let present): (false, S.Head.beyond(size, present)(l))
            case .inconsistent: (false, S.Head.inconsistent(size)(l))
            case .badSignature: (false, S.Head.badSignature(l))
            }
        return .div(
            .attr("class", passed ? "verdict ok" : "verdict alert"), .attr("id", "head-result"), .attr("data-outcome", passed ? "pass" : "fail"),
            .p(.attr("class", "big"), .plain(text)))
    }

    func stepText(_ step: ReceiptCheck.Step, _ l: Lang) -> String {
        switch step {
        case .receiptHead: T.stepReceiptHead(l)
        case .included: T.stepIncluded(l)
        case .stillThere: T.stepStillThere(l)
        }
    }

    /// Where the script writes its verdict; the texts it needs come from the strings table.
    private func browserCheck(_ receipt: LogReceipt, _ l: Lang) -> Node<HTML.BodyContext> {
        .div(
            .attr("class", "card browser"), .attr("id", "browser-check"),
            .attr("data-receipt", receipt.code),
            .forEach([
                ("working", T.browserWorking), ("passed", T.browserPassed), ("failed", T.browserFailed), ("cannot-sign", T.browserCannotSign),
                ("receipt_head", T.stepReceiptHead), ("included", T.stepIncluded), ("still_there", T.stepStillThere),
            ]) { .attr("data-text-\($0.0)", $0.1(l)) },
            .h2(.plain(T.browserSays(l))),
            .p(.attr("id", "browser-result"), .attr("data-outcome", "none"), .plain(T.browserNoScript(l)))
        )
    }

    /// The ballot in words: the vote's name, when it was received (local time), each matter's
    /// title and (for whoever may see them) the choices by name; the log's numbers in a fold.
    private func details(_ receipt: LogReceipt, check: ReceiptCheck, _ l: Lang) -> Node<HTML.BodyContext> {
        func list(_ rows: [(String, String)]) -> Node<HTML.BodyContext> {
            .dl(.forEach(rows) { label, value in .group(.dt(.plain(label)), .dd(.plain(value))) })
        }
        func head(_ head: SignedTreeHead) -> String {
            "\(head.size) \(T.entries(l))\(l.dot)\(LocalTime.format(head.time))\(l.dot)\(S.Head.root(l)) \(CopiedHead.grouped(head.root))"
        }
        let matters = vote?.definition.matters ?? []
        // A matter's choice by its title, in the vote's order; by the matter's id if the vote is unknown here.
        let marks: [(String, String)] =
            matters.isEmpty
            ? receipt.choices.marks.sorted { $0.key < $1.key }.map { ($0.key, choiceText($0.value, l)) }
            : matters.map { ($0.title, VotePages.describe(receipt.choices.marks[$0.id], matter: $0, lang: l)) }
        var technical = [
            (T.entry(l), "\(receipt.index)"), (T.voteID(l), receipt.vote), (T.keyID(l), receipt.head.keyID), (T.signedHead(l), head(receipt.head)),
        ]
        if let latest = check.latest { technical.append((T.latestHead(l), head(latest))) }
        return .div(
            .attr("class", "card receipt"),
            .h2(.plain(T.yourBallot(l))),
            list([
                (T.vote(l), vote?.title ?? receipt.vote), (T.channel(l), l == .zh ? receipt.channel.chinese : receipt.channel.rawValue),
                (T.received(l), LocalTime.format(receipt.time)),
            ]),
            .h2(.plain(showsChoices ? T.choices(l) : T.matters(l))),
            showsChoices
                ? list(marks)
                : .group(
                    .ul(.attr("class", "plain"), .forEach(matters) { .li(.plain($0.title)) }),
                    .p(.attr("class", "note"), .attr("id", "choices-hidden"), .plain(T.choicesHidden(l)))),
            .element(
                named: "details", nodes: [.attr("id", "technical"), .element(named: "summary", nodes: [.plain(T.technical(l))]), list(technical)])
        )
    }

    private func choiceText(_ mark: BallotChoices.Mark, _ l: Lang) -> String {
        switch mark {
        case .option(let choice): l == .zh ? choice.chinese : choice.rawValue
        case .candidates(let ids): ids.isEmpty ? T.noChoice(l) : ids.sorted().joined(separator: l.list)
        }
    }
}
