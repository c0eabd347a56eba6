import QuorumStore

/// The language of a page: Chinese first, English second.
public enum Lang: String, Sendable {
    case zh, en

    /// The other language, for the switch at the top of every page.
    var other: Lang { self == .zh ? .en : .zh }

    /// The punctuation a page puts between its own words: full-width in Chinese, ASCII in
    /// English (issue 13, item 20).
    var colon: String { self == .zh ? "：" : ": " }
    var comma: String { self == .zh ? "，" : ", " }
    func parenthesised(_ text: String) -> String { self == .zh ? "（\(text)）" : " (\(text))" }
    /// Between the parts of a line of facts (`2 persons | 180.00 m²`), and of a list of names.
    var dot: String { self == .zh ? " · " : " | " }
    var list: String { self == .zh ? "、" : ", " }
    /// Rooms as the register joins them (`1-1-101、1-1-102`), in English with ASCII commas.
    func rooms(_ text: String) -> String { self == .zh ? text : text.replacingOccurrences(of: "、", with: ", ") }
}

/// One text of the site in both languages. Every word a page shows comes from `S` below,
/// the one strings table of the web app.
struct L10n: Sendable {
    let zh: String
    let en: String

    func callAsFunction(_ lang: Lang) -> String { lang == .zh ? zh : en }
}

enum S {
    static let siteName = L10n(zh: "Quorum 业主共同决定", en: "Quorum — owners decide together")
    static let switchLanguage = L10n(zh: "English", en: "中文")
    static let tagline = L10n(
        zh: "按《民法典》第二百七十八条，以专有部分面积和业主人数双重计票的业主投票平台。",
        en: "Owners' votes, counted by floor area and by headcount at once under Civil Code Art. 278.")
    static let startBinding = L10n(zh: "绑定业主身份，开始投票", en: "Bind your owner identity to vote")
    static let signOut = L10n(zh: "退出", en: "Sign out")

    static let bindTitle = L10n(zh: "绑定业主身份", en: "Bind your owner identity")
    static let bindIntro = L10n(
        zh: "请填写不动产登记上的姓名和证件号码。我们会向名册中登记的手机发送验证码。",
        en: "Enter your name and ID number as the property register has them. We send a code to the phone on file.")
    static let estate = L10n(zh: "小区", en: "Estate")
    static let name = L10n(zh: "姓名", en: "Full name")
    static let idNumber = L10n(zh: "证件号码", en: "ID number")
    static let sendCode = L10n(zh: "发送验证码", en: "Send the code")
    static let credentialTitle = L10n(zh: "或使用数字身份凭证", en: "Or use a digital identity credential")
    static let credentialIntro = L10n(
        zh: "由受信任的身份平台（如“随申办”数字身份、穗好办人脸核验）签发的凭证。",
        en: "A credential signed by a trusted identity provider (such as a city's digital-identity wallet).")
    static let credential = L10n(zh: "凭证", en: "Credential")
    static let bindWithCredential = L10n(zh: "用凭证绑定", en: "Bind with the credential")
    static let codeTitle = L10n(zh: "输入验证码", en: "Enter the code")
    static func codeSent(_ phone: String) -> L10n {
        L10n(zh: "验证码已发送到 \(phone)，5 分钟内有效。", en: "A code was sent to \(phone); it is valid for 5 minutes.")
    }
    static let code = L10n(zh: "验证码（6 位数字）", en: "Code (6 digits)")
    static let confirm = L10n(zh: "确认", en: "Confirm")
    static let demoCode = L10n(zh: "演示模式：短信内容", en: "Demo mode: the text message")

    static let myVotes = L10n(zh: "我的小区表决", en: "Votes of my estate")
    static func hello(_ name: String) -> L10n { L10n(zh: "\(name)，您好", en: "Hello, \(name)") }
    static let noVotes = L10n(zh: "目前没有表决。", en: "There is no vote at the moment.")
    static let deadline = L10n(zh: "截止时间", en: "Deadline")
    static let opens = L10n(zh: "开始时间", en: "Opens")
    static let open = L10n(zh: "进行中", en: "Open")
    static let notYetOpen = L10n(zh: "未开始", en: "Not open yet")
    static let closed = L10n(zh: "已截止", en: "Closed")
    static let readAndVote = L10n(zh: "查看公告并投票", en: "Read the notice and vote")
    static let voted = L10n(zh: "已投票", en: "Voted")
    static let viewReceipt = L10n(zh: "查看回执", en: "View the receipt")
    static let rooms = L10n(zh: "房屋", en: "Rooms")

    static let progress = L10n(zh: "投票进度", en: "Progress")
    static let votedHeads = L10n(zh: "已投票人数", en: "Owners who voted")
    static let votedArea = L10n(zh: "已投票面积", en: "Area that voted")
    static let lineNote = L10n(
        zh: "竖线为三分之二参与线：人数和面积都达到这条线，表决才有效。投票结果在截止后公布。",
        en: "The mark is the 2/3 participation line: both must reach it for the vote to count. Results are shown after the deadline.")
    static let reached = L10n(zh: "已达到参与要求", en: "Participation reached")

    static let notice = L10n(zh: "表决公告", en: "Notice")
    static let readNotice = L10n(zh: "阅读表决公告和材料", en: "Read the notice and documents")
    static let matters = L10n(zh: "表决事项", en: "Matters")
    static let howDecided = L10n(zh: "如何决定", en: "How it is decided")
    static let howParticipation = L10n(
        zh: "参与表决的业主，专有部分面积和人数都要达到全体的三分之二以上。",
        en: "Owners who take part must hold at least 2/3 of the area and be at least 2/3 of the owners.")
    static let howOrdinary = L10n(
        zh: "一般事项：参与表决的面积过半数、人数过半数同意即通过。",
        en: "Ordinary matters pass when more than half of the participating area and owners agree.")
    static let howSpecial = L10n(
        zh: "重大事项（筹集维修资金、改建重建、改变共有部分用途）：参与表决的面积和人数都要四分之三以上同意。",
        en: "Major matters (raising the fund, rebuilding, changing the use of common parts) need at least 3/4 of both.")
    static let howElection = L10n(
        zh: "选举：每位候选人单独计算，按一般事项的标准当选；最多选满席位数。",
        en: "Elections: each candidate is decided on their own, by the ordinary rule; choose at most the number of seats.")
    static let howOnce = L10n(
        zh: "一人多套房屋只投一票；共有人共用一票，先投先得；提交后不能修改。",
        en: "Several rooms of one owner cast one ballot; co-owners share one, first come; a ballot cannot be changed.")
    static let howOnceChangeable = L10n(
        zh: "一人多套房屋只投一票；共有人共用一票；截止前可以修改，以最后一次为准。",
        en: "Several rooms of one owner cast one ballot; co-owners share one; it can be changed before the deadline, the last counts.")
    static let specialMatter = L10n(zh: "重大事项：需四分之三以上同意", en: "Major matter: needs 3/4")
    static let ordinaryMatter = L10n(zh: "一般事项：需过半数同意", en: "Ordinary matter: needs more than half")
    static func electionMatter(_ seats: Int) -> L10n {
        L10n(zh: "选举：最多选 \(seats) 人", en: "Election: choose at most \(seats)")
    }
    static let toBallot = L10n(zh: "填写表决票", en: "Fill in the ballot")
    static let back = L10n(zh: "返回", en: "Back")

    static let ballot = L10n(zh: "表决票", en: "Ballot")
    static let agree = L10n(zh: "同意", en: "Agree")
    static let oppose = L10n(zh: "反对", en: "Oppose")
    static let abstain = L10n(zh: "弃权", en: "Abstain")
    static let next = L10n(zh: "下一步：确认并签名", en: "Next: confirm and sign")
    static func chosenOf(_ seats: Int) -> L10n { L10n(zh: "已选 0 / \(seats) 人", en: "0 of \(seats) chosen") }

    static let confirmTitle = L10n(zh: "确认并签名", en: "Confirm and sign")
    static let confirmIntro = L10n(zh: "请核对您的选择。提交后不能修改。", en: "Check your choices. A ballot cannot be changed once sent.")
    static let nobody = L10n(zh: "（不选任何人）", en: "(nobody)")
    static let signHere = L10n(zh: "请在框内手写签名", en: "Sign with your finger in the box")
    static let clear = L10n(zh: "重写", en: "Clear")
    static let typedName = L10n(zh: "无法手写时，请输入您的全名作为签名", en: "If you cannot draw, type your full name as your signature")
    static let submit = L10n(zh: "提交表决票", en: "Send the ballot")
    static let change = L10n(zh: "修改选择", en: "Change my choices")
    static let needSignature = L10n(zh: "请签名（手写或输入全名）", en: "Please sign (draw or type your full name)")

    static let receipt = L10n(zh: "投票回执", en: "Receipt")
    static let receiptIntro = L10n(
        zh: "您的表决票已收到并计入。请保存回执码，以便日后核验。", en: "Your ballot was received and counts. Keep the receipt code to check it later.")
    static let receivedAt = L10n(zh: "接收时间", en: "Received at")
    static let receiptCode = L10n(zh: "回执码", en: "Receipt code")
    static let yourChoices = L10n(zh: "您的选择", en: "Your choices")
    static let verifyBallot = L10n(zh: "核验我的表决票已被如实记录", en: "Check that my ballot is recorded as cast")
    static let verifyIntro = L10n(
        zh: "核验链接含有您的选择，请勿转给他人。", en: "The check link carries your choices: do not pass it on.")
    static let backToVotes = L10n(zh: "返回表决列表", en: "Back to the votes")

    static let notFound = L10n(zh: "页面不存在", en: "Page not found")
    static let notFoundExplain = L10n(
        zh: "您要找的页面不存在，可能链接有误或已过期。请从首页重新进入。", en: "There is no page at this address: the link may be wrong or old. Start again from the home page.")
    static let serverError = L10n(zh: "出错了", en: "Something went wrong")
    static let serverErrorExplain = L10n(
        zh: "服务器处理时出错。请稍后再试；如仍出错，请联系业委会或物业。",
        en: "The server failed while handling this. Try again later; if it happens again, tell the committee or the property company.")
    static let formExpired = L10n(zh: "页面已过期，请返回重试", en: "This page has expired: go back and try again")
    static let noBallotHere = L10n(zh: "您在本次表决中没有可投的房屋", en: "You have no rooms to vote for in this vote")
}

extension S {
    /// A text message's words: both languages in one, since a phone has no page language.
    static func text(_ message: Message) -> String {
        switch message {
        case .bindingCode(let code): "【Quorum】您的业主身份验证码是 \(code)，5 分钟内有效。Your code: \(code)"
        case .reminder(let title, let closesAt):
            "【Quorum】\(title) 将于 \(closesAt.localMinute) 截止，您尚未投票。/ Voting closes \(closesAt.localMinute); you have not voted yet."
        case .ballotReceived(let rooms, let at, let channel, let spoiled):
            "【Quorum】\(rooms) 的表决票已于 \(at.localMinute) 收到（\(channel.chinese)\(spoiled ? "，整张记为废票：未签名或填写无效" : "")）。如非您或共有人所投，请在 Quorum“我的表决”页面提出异议，或即联系业委会、街道办。"
                + "/ A ballot for \(rooms) was received at \(at.localMinute) (\(channel.rawValue)\(spoiled ? ", spoiled as a whole: unsigned or not filled in validly" : "")). Not you or a co-owner? Object on your votes page in Quorum, or tell the committee or the street office now."
        }
    }
}

extension Message {
    /// The words the phone receives (`S.text`), for the senders of `quorum serve` and the tests.
    public var text: String { S.text(self) }
}

/// Long lists: their search and pages (`Paged`).
extension S {
    static let search = L10n(zh: "查找", en: "Search")
    static let previousPage = L10n(zh: "上一页", en: "Previous page")
    static let nextPage = L10n(zh: "下一页", en: "Next page")
    static func pageOf(_ page: Int, _ pages: Int, _ matched: Int) -> L10n {
        L10n(zh: "第 \(page) / \(pages) 页，共 \(matched) 项", en: "Page \(page) of \(pages), \(matched) in all")
    }
}
