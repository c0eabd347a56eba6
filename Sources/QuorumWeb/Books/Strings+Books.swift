import QuorumCore

extension S {
    /// The estate's books (账目公开, issue 14).
    enum Books {
        static let title = L10n(zh: "账目公开", en: "Our money")
        static let staffTitle = L10n(zh: "账目", en: "The books")
        static let link = L10n(zh: "账目公开：小区的钱", en: "Our money: the estate's books")
        static let intro = L10n(
            zh: "每一笔收支由物业或业委会录入、业委会另一人审核后才计入余额；更正只能另记一笔冲销，不能修改。",
            en:
                "Every income and expense is recorded by the property company or the committee and counts only once another person on the committee approves it; a correction is a new reversing entry, never an edit."
        )
        static let balances = L10n(zh: "账户余额", en: "Balances")
        static let noAccounts = L10n(zh: "尚未开设账户。", en: "No account is open yet.")
        static let entries = L10n(zh: "已审核的收支", en: "Approved entries")
        static let noEntries = L10n(zh: "暂无已审核的收支。", en: "No approved entry yet.")
        static let missing = L10n(zh: "缺少票据的支出", en: "Expenses missing a receipt")
        static let noneMissing = L10n(zh: "每笔已审核的支出都附有票据。", en: "Every approved expense has its receipt.")
        static let unmatched = L10n(zh: "未对上账的银行流水", en: "Bank rows not matched to an entry")
        static let noneUnmatched = L10n(zh: "银行流水均已对上账。", en: "Every bank row is matched to an entry.")
        static let pending = L10n(zh: "待审核", en: "Awaiting review")
        static let nonePending = L10n(zh: "没有待审核的收支。", en: "Nothing awaits review.")
        static let sentBack = L10n(zh: "退回补充说明", en: "Sent back for more information")
        static let record = L10n(zh: "录入一笔收支", en: "Record an entry")
        static let recorded = L10n(zh: "已录入，待业委会另一人审核。", en: "Recorded: another person on the committee reviews it.")
        static let reviewed = L10n(zh: "已处理，已记入审计日志。", en: "Done, and logged.")
        static let account = L10n(zh: "账户", en: "Account")
        static let kind = L10n(zh: "收入或支出", en: "Income or expense")
        static let amount = L10n(zh: "金额（元）", en: "Amount (yuan)")
        static let decision = L10n(zh: "审核意见", en: "Decision")
        /// Before a document's name under its entry.
        static let receipt = L10n(zh: "票据", en: "Receipt")
        static let document = L10n(zh: "票据（发票、收据或合同，PDF 或图片）", en: "Receipt (an invoice, receipt or contract: a PDF or an image)")
        static let attach = L10n(zh: "上传票据", en: "Upload the receipt")
        static let attached = L10n(zh: "票据已上传，已记入审计日志。", en: "The receipt is uploaded and logged.")
        static let send = L10n(zh: "提交", en: "Submit")
        static let category = L10n(zh: "类别", en: "Category")
        static let counterparty = L10n(zh: "对方", en: "Counterparty")
        static let date = L10n(zh: "日期", en: "Date")
        static let description = L10n(zh: "摘要", en: "Description")
        static let reason = L10n(zh: "理由或问题（驳回、退回时必填）", en: "Reason or question (needed to reject or send back)")
        static let answer = L10n(zh: "补充说明", en: "Your answer")
        static let save = L10n(zh: "录入", en: "Record")
        static let approve = L10n(zh: "审核通过", en: "Approve")
        static let reject = L10n(zh: "驳回", en: "Reject")
        static let ask = L10n(zh: "退回补充说明", en: "Send back with a question")
        static let resubmit = L10n(zh: "补充后重新提交", en: "Answer and resubmit")
        static let reference = L10n(zh: "流水号", en: "ref.")
        static let open = L10n(zh: "开设账户", en: "Open an account")
        static let openingAmount = L10n(zh: "期初余额（元）", en: "Opening balance (yuan)")
        static let openNote = L10n(
            zh: "期初余额是 Quorum 接管账户时的余额，与其他收支一样由业委会另一人审核后生效；导入银行流水从它开始核对。",
            en:
                "The opening balance is the account's balance when Quorum takes it over; another person on the committee approves it like any entry, and bank statements are checked from it."
        )
        static func recordedBy(_ who: String) -> L10n { L10n(zh: "录入人 \(who)", en: "recorded by \(who)") }

        static func name(_ account: LedgerAccount) -> L10n {
            switch account.kind {
            case .publicIncome: L10n(zh: "公共收益", en: "Public income")
            case .maintenanceFund:
                account.unit.map { L10n(zh: "维修资金（\($0)）", en: "Maintenance fund (\($0))") } ?? L10n(zh: "维修资金", en: "Maintenance fund")
            case .propertyServiceFund: L10n(zh: "物业服务资金", en: "Property service fund")
            }
        }

        static func kind(_ kind: EntryKind, reversal: Bool) -> L10n {
            switch (kind, reversal) {
            case (.opening, _): L10n(zh: "期初余额", en: "Opening balance")
            case (.income, false): L10n(zh: "收入", en: "Income")
            case (.expense, false): L10n(zh: "支出", en: "Expense")
            case (.income, true): L10n(zh: "冲销收入", en: "Reversed income")
            case (.expense, true): L10n(zh: "冲销支出", en: "Reversed expense")
            }
        }

        static func state(_ state: EntryState) -> L10n {
            switch state {
            case .recorded: pending
            case .approved: L10n(zh: "已审核", en: "Approved")
            case .rejected: L10n(zh: "已驳回", en: "Rejected")
            case .needsInformation: sentBack
            }
        }

        /// `-¥1,234.50` (en) or `-1,234.50 元` (zh), with the sign of `money`.
        static func yuan(_ money: Money) -> L10n {
            let digits = String(money.description.drop { $0 == "-" })
            let whole = digits.prefix { $0 != "." }
            var grouped = ""
            for (index, digit) in whole.enumerated() {
                if index > 0 && (whole.count - index) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            let (sign, text) = (money.fen < 0 ? "-" : "", grouped + digits.drop { $0 != "." })
            return L10n(zh: "\(sign)\(text) 元", en: "\(sign)¥\(text)")
        }

        static func say(_ error: BooksError) -> L10n {
            switch error {
            case .amountNotPositive: L10n(zh: "金额须大于 0", en: "The amount must be greater than 0")
            case .badAmount(let text):
                L10n(zh: "“\(text)”不是金额（元，最多两位小数，如 1,234.50）", en: "\"\(text)\" is not an amount in yuan (at most 2 decimals, e.g. 1,234.50)")
            case .badDate(let text): L10n(zh: "无法识别的日期“\(text)”，应如 2026-03-31", en: "Not a date: \"\(text)\" (e.g. 2026-03-31)")
            case .badText:
                L10n(zh: "内容过长（不超过 \(BookText.maximumCharacters) 字）", en: "The text is too long (at most \(BookText.maximumCharacters) characters)")
            case .textRequired: L10n(zh: "请填写类别或理由", en: "Please fill in the category or the reason")
            case .recorderMayNotReview: L10n(zh: "录入人不能审核自己录入的收支", en: "The one who recorded an entry never reviews it")
            case .notTheRecorder: L10n(zh: "只有录入人能补充后重新提交", en: "Only the one who recorded it resubmits it")
            case .notInState(let state): L10n(zh: "该笔收支现在是“\(S.Books.state(state).zh)”", en: "The entry is \"\(S.Books.state(state).en)\" now")
            case .cannotReverse: L10n(zh: "只能冲销已审核且未冲销的收支", en: "Only an approved entry not reversed yet can be reversed")
            case .noSuchEntry: L10n(zh: "没有这笔收支", en: "There is no such entry")
            case .noSuchAccount: L10n(zh: "该账户尚未开设", en: "The account is not open")
            case .accountExists: L10n(zh: "该账户已开设", en: "The account is open already")
            case .noServiceFund: L10n(zh: "包干制小区没有物业服务资金账户", en: "An estate on the lump-sum model has no property service fund")
            case .openingNotApproved: L10n(zh: "期初余额尚未审核通过", en: "The opening balance is not approved yet")
            }
        }
    }
}
