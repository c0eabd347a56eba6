/// A text of the site in both languages. Pages show Chinese first; `?lang=en` switches.
struct Localized: Sendable {
    let zh: String
    let en: String

    func callAsFunction(_ language: PageLanguage) -> String {
        language == .zh ? zh : en
    }
}

/// The language a page is shown in: Chinese unless the visitor switched.
enum PageLanguage: String, Sendable {
    case zh, en

    init(query: String?) {
        self = query == "en" ? .en : .zh
    }

    var htmlLang: String { self == .zh ? "zh-CN" : "en" }
    var other: PageLanguage { self == .zh ? .en : .zh }
}

/// Every user-facing text of the site, in one table.
enum Strings {
    enum Verify {
        static let title = Localized(zh: "核验您的表决票", en: "Check your ballot")
        static let intro = Localized(
            zh: "输入或扫描投票后收到的回执码。本页会重新计算：您的表决票连同所选内容，是否已记入防篡改的审计日志，并由日志的密钥签名。",
            en: "Enter or scan the receipt code you got after voting. This page recomputes whether your ballot, with your choices, is in the tamper-evident audit log, under a head signed by the log's key.")
        static let codeLabel = Localized(zh: "回执码（或回执链接）", en: "Receipt code (or receipt link)")
        static let submit = Localized(zh: "核验", en: "Check")
        static let switchLanguage = Localized(zh: "English", en: "中文")

        static let passed = Localized(
            zh: "核验通过：您的表决票已记入审计日志，所选内容未被改动。",
            en: "Verified: your ballot is in the audit log, with your choices unchanged.")
        static let failed = Localized(
            zh: "核验未通过：日志与您的回执不符。请保存回执并联系业主委员会或街道办事处。",
            en: "Not verified: the log does not match your receipt. Keep your receipt and tell the owners' committee or the street office.")
        static let unreadable = Localized(
            zh: "无法识别这个回执码，请检查是否完整。", en: "This receipt code cannot be read: check that it is complete.")
        static let serverSays = Localized(zh: "服务器核验结果", en: "The server's check")
        static let browserSays = Localized(zh: "您的浏览器独立核验", en: "Your browser's own check")
        static let browserWorking = Localized(zh: "正在您的浏览器中独立计算……", en: "Checking in your browser…")
        static let browserNoScript = Localized(
            zh: "您的浏览器未运行脚本，以上为服务器的核验结果。", en: "Your browser runs no script: the result above is the server's.")
        static let browserCannotSign = Localized(
            zh: "您的浏览器不支持 Ed25519 签名核验；哈希与证明已在浏览器中核验，签名以服务器结果为准。",
            en: "Your browser cannot check Ed25519 signatures: the hashes and proofs were checked here, the signatures by the server.")
        static let browserPassed = Localized(
            zh: "通过：您的浏览器自行计算了承诺值、叶哈希、包含证明、一致性证明和签名，全部相符。",
            en: "Passed: your browser computed the commitment, the leaf hash, the inclusion and consistency proofs and the signatures itself; all match.")
        static let browserFailed = Localized(zh: "未通过：", en: "Failed: ")

        static let stepReceiptHead = Localized(
            zh: "回执上的树头由本日志的密钥签名", en: "The head on your receipt is signed by this log's key")
        static let stepIncluded = Localized(
            zh: "您的表决票（含所选内容的承诺值）在该树头之下", en: "Your ballot, with the commitment to your choices, is under that head")
        static let stepStillThere = Localized(
            zh: "今天的日志仍完整包含该树头下的全部条目", en: "Today's log still holds every entry under that head")

        static let yourBallot = Localized(zh: "回执内容", en: "Your receipt")
        static let entry = Localized(zh: "日志序号", en: "Log entry")
        static let vote = Localized(zh: "表决", en: "Vote")
        static let received = Localized(zh: "接收时间", en: "Received")
        static let channel = Localized(zh: "渠道", en: "Channel")
        static let choices = Localized(zh: "您的选择", en: "Your choices")
        static let signedHead = Localized(zh: "签名树头", en: "Signed head")
        static let latestHead = Localized(zh: "日志最新树头", en: "The log's latest head")
        static let entries = Localized(zh: "条", en: "entries")
        static let keyID = Localized(zh: "日志公钥指纹", en: "Log key id")
        static let keyNote = Localized(
            zh: "请与公告栏上公布的指纹核对。公钥：", en: "Compare it with the one on the notice board. Public key: ")
        static let privacy = Localized(
            zh: "回执显示您的选择：请勿交给他人。审计日志本身只保存承诺值，不显示任何人的选择。",
            en: "The receipt shows your choices: keep it to yourself. The audit log holds only commitments and shows no one's choices.")
        static let noChoice = Localized(zh: "（未选）", en: "(none)")
    }
}
