import QuorumCore

/// The organisers' pages' words (the strings table continues here).
extension S {
    static let staffEntrance = L10n(zh: "工作人员入口（业委会、物业、街道）", en: "Staff sign-in (committee, property company, street office)")
    static let staffSignIn = L10n(zh: "工作人员登录", en: "Staff sign-in")
    static let staffSignInIntro = L10n(
        zh: "业主委员会、筹备组、物业、录入员、街道办和住建部门的账户。业主请返回首页绑定身份。",
        en:
            "For the owners' committee, preparatory group, property company, clerks, street office and housing bureau. Owners bind their identity on the home page."
    )
    static let staffSignInFirst = L10n(zh: "请先登录", en: "Please sign in first")
    static let username = L10n(zh: "用户名", en: "User name")
    static let password = L10n(zh: "密码", en: "Password")
    static let passwordNew = L10n(zh: "密码（至少 10 个字符）", en: "Password (at least 10 characters)")
    static let signIn = L10n(zh: "登录", en: "Sign in")
    static let staffArea = L10n(zh: "工作台", en: "Workspace")
    static let noAccess = L10n(zh: "您的账户无权进行此操作", en: "Your account may not do this")
    static let accounts = L10n(zh: "账户管理", en: "Accounts")
    static let addAccount = L10n(zh: "新建账户", en: "Add an account")
    static let displayName = L10n(zh: "姓名或单位", en: "Name or organisation")
    static let role = L10n(zh: "角色", en: "Role")
    static let division = L10n(zh: "所属区域", en: "Covers")
    static let notAllowedRole = L10n(zh: "不能创建这个角色或区域的账户", en: "You cannot open an account with this role or division")
    static let noVotesYet = L10n(zh: "还没有表决。", en: "No vote yet.")
    static let newVote = L10n(zh: "发起新的表决", en: "Set up a new vote")
    static let phaseDraft = L10n(zh: "草稿", en: "Draft")
    static let phaseNoticed = L10n(zh: "已公告，未开始", en: "Noticed, not open yet")
    static let phaseCounted = L10n(zh: "已计票，未公布", en: "Counted, not published")
    static let phasePreliminary = L10n(zh: "已公布初步结果（异议期）", en: "Preliminary result (objection period)")
    static let phaseFinal = L10n(zh: "已公布最终结果", en: "Final result published")

    static let setUpVote = L10n(zh: "设置表决", en: "Set up the vote")
    static let voteTitle = L10n(zh: "表决名称", en: "Title of the vote")
    static let scope = L10n(zh: "表决范围", en: "Scope")
    static let wholeEstate = L10n(zh: "全体业主", en: "The whole estate")
    static let chosenBuildings = L10n(zh: "以下楼栋的业主：", en: "Owners of these buildings:")
    /// A vote over the units that share a cost (a fund case's): kept as the draft has them.
    static func chosenUnits(_ ids: [String]) -> L10n {
        L10n(
            zh: "分摊费用的 \(ids.count) 个单元的业主：\(ids.joined(separator: "、"))",
            en: "Owners of the \(ids.count) units that share the cost: \(ids.joined(separator: ", "))")
    }
    static func matterNumber(_ number: Int) -> L10n { L10n(zh: "表决事项 \(number)", en: "Matter \(number)") }
    static let addMatter = L10n(zh: "再加一项表决事项", en: "Add a matter")
    static let matterTitle = L10n(zh: "事项内容（留空表示不用）", en: "The matter (leave empty if unused)")
    /// The first matter's: a vote has at least one.
    static let firstMatterTitle = L10n(zh: "事项内容", en: "The matter")
    static let art278Item = L10n(zh: "《民法典》第二百七十八条所列事项", en: "Civil Code Art. 278 item")
    static let itemThresholdNote = L10n(
        zh: "第 6、7、8 项为重大事项，须参与表决面积和人数四分之三以上同意；其他事项过半数同意。",
        en: "Items 6, 7 and 8 are major matters and need at least 3/4 of the participating area and owners; the others need more than half.")
    static func itemShort(_ item: Int) -> L10n { L10n(zh: "第 \(item) 项", en: "item \(item)") }
    static func itemLong(_ item: Int) -> L10n {
        let names: [(String, String)] = [
            ("制定和修改业主大会议事规则", "rules of procedure of the assembly"),
            ("制定和修改管理规约", "the management statute"),
            ("选举或更换业主委员会成员", "elect or replace the owners' committee"),
            ("选聘和解聘物业服务企业或其他管理人", "hire or dismiss the property company"),
            ("使用建筑物及其附属设施的维修资金", "use the maintenance fund"),
            ("筹集建筑物及其附属设施的维修资金（重大）", "raise the maintenance fund (major)"),
            ("改建、重建建筑物及其附属设施（重大）", "rebuild or alter buildings and facilities (major)"),
            ("改变共有部分用途或利用共有部分经营（重大）", "change the use of common parts (major)"),
            ("有关共有和共同管理权利的其他重大事项", "other matters of common ownership and management"),
        ]
        let (zh, en) = names[max(0, min(8, item - 1))]
        return L10n(zh: "\(item). \(zh)", en: "\(item). \(en)")
    }
    static let isElection = L10n(zh: "这是选举（选举业委会成员或选择物业企业）", en: "This is an election (committee members, or choosing a property company)")
    static let seats = L10n(zh: "应选人数", en: "Seats")
    static let candidatesOnePerLine = L10n(zh: "候选人（每行一位）", en: "Candidates (one per line)")
    static let window = L10n(zh: "投票时间", en: "Voting window")
    static let windowExplain = L10n(
        zh: "公告发布后须满 15 日才能开始投票（从公告次日起算）。时间为小区当地时间。",
        en: "The vote opens no earlier than 15 full days after the notice (counted from the next day). Times are the estate's local time.")
    static let settings = L10n(zh: "设置", en: "Settings")
    static let parkingVotes = L10n(zh: "车位计入表决权", en: "Parking spaces carry votes")
    static let silentMajorityWarning = L10n(
        zh: "注意：仅在业主大会议事规则明确规定、且送达有据可查时合法（指导规则第 26 条）；各地法院看法不一。开启后须为每位业主记录送达。",
        en:
            "Warning: lawful only if the assembly's rules of procedure provide for it and delivery is proven (Guidance Art. 26); courts disagree. When on, record delivery for every owner."
    )
    static let saveDraft = L10n(zh: "保存草稿", en: "Save the draft")
    static let needTitle = L10n(zh: "请填写表决名称", en: "Give the vote a title")
    static let needTimes = L10n(zh: "请填写开始和截止时间", en: "Give the opening and the closing time")
    static let chooseItem = L10n(zh: "请选择（决定表决通过的门槛）", en: "Choose (it decides the threshold)")
    static let badItem = L10n(zh: "请选择第二百七十八条的事项", en: "Choose an Art. 278 item")
    static func needCandidates(_ matter: String) -> L10n { L10n(zh: "“\(matter)”是选举，请填写候选人", en: "“\(matter)” is an election: list its candidates") }

    static let voteOverview = L10n(zh: "表决管理", en: "The vote")
    static let noticedAt = L10n(zh: "公告时间", en: "Notice published")
    static func earliestIfNow(_ time: String) -> L10n {
        L10n(zh: "如现在发布公告，最早可于 \(time) 开始投票。", en: "If the notice is published now, the vote can open at \(time) at the earliest.")
    }
    static let documents = L10n(zh: "公告附件", en: "Documents")
    static let noDocuments = L10n(zh: "没有附件。", en: "No documents.")
    static let attachDocument = L10n(zh: "添加附件（PDF、PNG 或 JPEG，最大 10 MB）", en: "Attach a document (PDF, PNG or JPEG, at most 10 MB)")
    static let upload = L10n(zh: "上传", en: "Upload")
    static let chooseFile = L10n(zh: "请选择文件", en: "Choose a file")
    static let editVote = L10n(zh: "修改草稿", en: "Edit the draft")
    static let noticeFreezes = L10n(
        zh: "发布公告后，表决事项和附件不能再修改，表决人名单按当前名册确定。",
        en: "Once the notice is published, matters and documents are frozen and the voters are fixed from the current register.")
    static let publishNotice = L10n(zh: "发布公告", en: "Publish the notice")
    static let work = L10n(zh: "工作", en: "Work")
    static let dashboard = L10n(zh: "投票进度", en: "Dashboard")
    static let parkingVotesOn = L10n(zh: "车位计票", en: "parking votes")
    static let demoClockTitle = L10n(zh: "演示时钟", en: "Demo clock")
    static let demoClockIntro = L10n(
        zh: "仅演示模式：把时间向前拨，以便几分钟内走完公告、投票、截止和公布。", en: "Demo mode only: move time forward to go from notice to vote, close and publication in minutes.")
    static let plusDay = L10n(zh: "前进 1 天", en: "+1 day")
    static let plusSixteenDays = L10n(zh: "前进 16 天（到可开始投票）", en: "+16 days (to the opening)")
    static let plusTwelveDays = L10n(zh: "前进 12 天", en: "+12 days")

    static let onlineBallots = L10n(zh: "网上投票", en: "Online")
    static let paperBallots = L10n(zh: "纸质投票", en: "Paper")
    static let byBuilding = L10n(zh: "按楼栋", en: "By building")
    static let building = L10n(zh: "楼栋", en: "Building")
    static let lists = L10n(zh: "待联系名单", en: "Lists to follow up")
    static func listsExplain(_ opens: String, _ notVoted: String) -> L10n {
        L10n(
            zh: "未绑定名单自投票开始（\(opens)）起可查；未投票名单仅在截止前最后三天（\(notVoted) 起）可查。名单只含房号，每次查看都记入审计日志。",
            en:
                "The unbound list is available from the opening (\(opens)); the non-voter list only in the last three days (from \(notVoted)). Room numbers only; every view goes into the audit log."
        )
    }
    static let unboundList = L10n(zh: "未绑定账户的房屋", en: "Rooms without a bound account")
    static let notVotedList = L10n(zh: "未投票的房屋", en: "Rooms that have not voted")
    static let listLogged = L10n(zh: "本次查看已记入审计日志（谁、何时）。请仅用于上门动员。", en: "This view is in the audit log (who, when). Use it only to go and ask.")
    static func roomCount(_ count: Int) -> L10n { L10n(zh: "共 \(count) 户", en: "\(count) rooms") }
    static let sendReminders = L10n(zh: "短信提醒未投票业主", en: "Text a reminder to owners who have not voted")
    static func remindersSent(_ count: Int) -> L10n { L10n(zh: "已发送 \(count) 条提醒", en: "\(count) reminders sent") }

    static let printBallots = L10n(zh: "打印纸质表决票", en: "Print the paper ballots")

    static let paperBallotTitle = L10n(zh: "业主表决票", en: "Owner's ballot")
    static let area = L10n(zh: "面积", en: "Area")
    static let paperInstructions = L10n(
        zh: "请在每项的一个方框内打“√”；选举项打“√”的人数不得超过应选人数，否则该项作废。请亲笔签名。",
        en: "Tick one box per matter; in an election tick no more than the seats, or that matter is spoiled. Sign in your own hand.")
    static let signatureLine = L10n(zh: "业主签名", en: "Owner's signature")
    static let date = L10n(zh: "日期", en: "Date")
    static let paperEntry = L10n(zh: "录入纸质票", en: "Enter paper ballots")
    static let scanExplain = L10n(
        zh: "用扫码枪扫描表决票上的条码，或手动输入票号。每张票须由两位录入员分别录入，一致后才计入。",
        en: "Scan the barcode on the ballot or type its code. Two clerks enter each ballot separately; it counts once both agree.")
    static let ballotCode = L10n(zh: "票号", en: "Ballot code")
    static let openBallot = L10n(zh: "打开", en: "Open")
    static let unknownPaperCode = L10n(zh: "票号不正确或不属于本次表决，请核对", en: "The code is wrong or not of this vote: check it")
    static let saveEntry = L10n(zh: "保存录入", en: "Save the entry")
    static let wholeSpoiled = L10n(zh: "整张废票", en: "The whole ballot is spoiled")
    static let markSpoiled = L10n(zh: "废（未填或多填）", en: "Spoiled (blank or several)")
    static let matterSpoiled = L10n(zh: "本项作废", en: "This matter is spoiled")
    static let outcomeFirst = L10n(zh: "第一次录入已保存，需另一位录入员再录一次", en: "First entry saved: a second clerk must enter it too")
    static let outcomeConfirmed = L10n(zh: "两次录入一致，已计入", en: "Both entries agree: the ballot counts")
    static let outcomeMismatch = L10n(zh: "两次录入不一致，已转入待核对", en: "The entries disagree: sent to the resolution queue")
    static let outcomeConflict = L10n(zh: "该业主已先在网上投票，此纸质票保留但不计入", en: "The owner voted online first: this paper ballot is kept, not counted")
    static let mismatchQueue = L10n(zh: "待核对的纸质票", en: "Resolution queue")
    static let mismatchExplain = L10n(
        zh: "两位录入员录入不一致的票。请对照原票，由未录入过该票的人填写正确内容。",
        en: "Ballots whose two entries disagree. Someone who entered neither reads the paper and settles it.")
    static let noMismatches = L10n(zh: "没有待核对的票。", en: "Nothing to settle.")
    static func entryNumber(_ number: Int) -> L10n { L10n(zh: "第 \(number) 次录入", en: "Entry \(number)") }
    static let settle = L10n(zh: "按原票确认", en: "Settle as on the paper")
    static let reconciliationTitle = L10n(zh: "纸质票对账", en: "Paper ballot reconciliation")
    static let printed = L10n(zh: "已打印", en: "Printed")
    static let returned = L10n(zh: "已收回", en: "Returned")
    static let doubleEntered = L10n(zh: "已双录", en: "Entered twice")
    static let confirmedHeader = L10n(zh: "已计入", en: "Counted")
    static let spoiled = L10n(zh: "废票", en: "Spoiled")
    static let conflictsHeader = L10n(zh: "冲突", en: "Conflicts")
    static let mismatchesHeader = L10n(zh: "待核对", en: "To settle")
    static let total = L10n(zh: "合计", en: "Total")
    static let conflictsTitle = L10n(zh: "线上线下重复投票", en: "Both online and on paper")
    static let conflictsExplain = L10n(
        zh: "同一表决人既有网上票又有纸质票时，以先收到的为准，另一张保留但不计入（记入审计日志）。",
        en: "When a person has both, the first received counts; the other is kept, not counted, and logged.")
    static let noConflicts = L10n(zh: "没有冲突。", en: "No conflicts.")
    static let counted = L10n(zh: "计入", en: "counted")
    static let keptAside = L10n(zh: "不计入", en: "kept aside")

    static let resultTitle = L10n(zh: "表决结果", en: "Result")
    static let viewResult = L10n(zh: "查看表决结果", en: "See the result")
    static let resultNotPublished = L10n(zh: "结果尚未公布", en: "The result is not published yet")
    static func notCountedYet(_ time: String) -> L10n {
        L10n(zh: "投票于 \(time) 截止后自动计票", en: "The vote is counted automatically when it closes at \(time)")
    }
    static let recountDiffers = L10n(
        zh: "警告：按导出文件重新计票的结果与截止时保存的结果不同，请联系街道办核查。",
        en: "Warning: a recount of the export differs from the count stored at the close: ask the street office to check.")
    static let totals = L10n(zh: "表决人总数", en: "Electorate")
    static let persons = L10n(zh: "人", en: "persons")
    static let participating = L10n(zh: "参与表决", en: "Took part")
    static let participationMet = L10n(zh: "✓ 达到三分之二", en: "✓ 2/3 reached")
    static let participationNotMet = L10n(zh: "✗ 未达到三分之二", en: "✗ 2/3 not reached")
    static let passed = L10n(zh: "通过", en: "Passed")
    static let notPassed = L10n(zh: "未通过", en: "Not passed")
    static let byHeads = L10n(zh: "按人数", en: "By heads")
    static let byArea = L10n(zh: "按面积", en: "By area")
    static let ordinaryRule = L10n(
        zh: "一般事项：参与表决面积、人数均须过半数同意（竖线）。", en: "Ordinary: more than half of the participating area and owners must agree (the mark).")
    static let specialRule = L10n(
        zh: "重大事项：参与表决面积、人数均须四分之三以上同意（竖线）。", en: "Major: at least 3/4 of the participating area and owners must agree (the mark).")
    static let candidate = L10n(zh: "候选人", en: "Candidate")
    static let elected = L10n(zh: "当选", en: "Elected")
    static let passedNoSeat = L10n(zh: "过半但无席位", en: "Passed, no seat left")
    static let notElected = L10n(zh: "未当选", en: "Not elected")
    static let countedNotPublished = L10n(zh: "已计票，尚未公布", en: "Counted, not yet published")
    static func preliminaryResult(_ until: String) -> L10n {
        L10n(zh: "初步结果：异议期至 \(until)。业主可在此期间提出异议。", en: "Preliminary result: owners may object until \(until).")
    }
    static func finalResult(_ at: String) -> L10n { L10n(zh: "最终结果（\(at) 公布）", en: "Final result (published \(at))") }
    static func objectionExplain(_ days: Int) -> L10n {
        L10n(
            zh: "先作为初步结果向业主公布，异议期 \(days) 天后再公布最终结果。",
            en: "Published first as preliminary; the final result follows after the \(days)-day objection period.")
    }
    static let publishPreliminary = L10n(zh: "公布初步结果", en: "Publish the preliminary result")
    static let publishFinal = L10n(zh: "公布最终结果", en: "Publish the final result")
    static let printReport = L10n(zh: "打印结果报告", en: "Print the result report")
    static let export = L10n(zh: "导出", en: "Export")
    static let exportExplain = L10n(
        zh:
            "用 quorum tally --registry registry.csv --matters matters.json --ballots ballots.csv 可独立复核，结果与本页逐字节相同；quorum verify log.jsonl --ballots ballots.csv 核对审计日志。",
        en:
            "`quorum tally --registry registry.csv --matters matters.json --ballots ballots.csv` recounts independently, byte for byte the same; `quorum verify log.jsonl --ballots ballots.csv` checks the audit log."
    )
    static func reportFooter(_ sha: String) -> L10n {
        L10n(zh: "计票结果 tally.json 的 SHA-256：\(sha)（与审计日志中的计票记录一致）", en: "SHA-256 of tally.json: \(sha) (as the audit log's tally entry records it)")
    }
}

extension S {
    static func roleName(_ role: StaffRole) -> L10n {
        switch role {
        case .committee: L10n(zh: "业主委员会/筹备组", en: "owners' committee / preparatory group")
        case .property: L10n(zh: "物业服务企业", en: "property company")
        case .clerk: L10n(zh: "录入员", en: "clerk")
        case .street: L10n(zh: "街道办事处", en: "street office")
        case .bureau: L10n(zh: "住房和城乡建设局", en: "housing bureau")
        case .admin: L10n(zh: "系统管理员", en: "administrator")
        }
    }

    static func say(_ error: StaffError) -> L10n {
        switch error {
        case .badCredentials: L10n(zh: "用户名或密码不正确", en: "wrong user name or password")
        case .tooManyAttempts(let until):
            L10n(
                zh: "密码错误次数过多，请于 \(until.localMinute) 后再试", en: "too many wrong passwords: try again after \(until.localMinute)")
        case .usernameTaken(let name): L10n(zh: "用户名“\(name)”已被使用", en: "the user name “\(name)” is taken")
        case .weakPassword: L10n(zh: "密码至少 10 个字符", en: "the password needs at least 10 characters")
        case .divisionRequired(let role):
            L10n(zh: "\(S.roleName(role).zh)账户必须指定所属区域", en: "a \(S.roleName(role).en) account needs the division it covers")
        case .noSuchDivision: L10n(zh: "没有这个区域", en: "no such division")
        case .outOfScope(let role):
            L10n(zh: "您不能创建或管理\(S.roleName(role).zh)账户或这个区域的账户", en: "you cannot open or manage \(S.roleName(role).en) accounts, or this division's")
        case .committeeHasMembers: L10n(zh: "该小区的业委会已有成员账户，新账户须由管理员创建", en: "the estate's committee has members: an administrator opens another")
        case .disabled: L10n(zh: "该账户已停用", en: "this account is disabled")
        case .noSuchAccount: L10n(zh: "没有这个账户", en: "no such account")
        case .nameRequired: L10n(zh: "请填写姓名或单位", en: "the name is required")
        }
    }
}
