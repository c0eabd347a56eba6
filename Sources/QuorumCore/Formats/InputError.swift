/// One thing wrong with an input file: where it is and why, in Chinese and English.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// The line (1-based) of the record; nil for a problem of the whole file or of JSON.
    public var line: Int?
    /// The column (`area (建筑面积)`) or JSON path (`matters[1].seats`), if one is to blame.
    public var field: String?
    public var problem: InputProblem
    /// In a workbook, the cell (`Sheet1!E14`, `Workbook.Sheet.place`), said instead of the line.
    public var cell: String?

    public init(file: String, line: Int? = nil, field: String? = nil, problem: InputProblem) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    /// `registry.csv:14: area (建筑面积): 面积必须大于 0 / area must be greater than 0: "0"`
    public var description: String {
        location + ": " + (field.map { "\($0): " } ?? "") + problem.description
    }

    /// `registry.csv:14`, `registry.xlsx:Sheet1!E14`, or the file alone.
    public var location: String { file + ((cell ?? line.map(String.init)).map { ":\($0)" } ?? "") }
}

/// Every error found in a set of inputs. Readers never stop at the first error: a
/// street-office clerk fixes the whole file in one pass.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]

    public init(_ errors: [InputError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// Why an input is refused. The texts here are the one strings table of input errors.
public enum InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    // The file as a whole.
    case emptyFile
    case invalidUTF8
    case unterminatedQuote
    case nulByte
    case fieldTooLong(limit: Int)
    case missingColumn(String)
    case duplicateColumn(String)
    case invalidJSON(String)
    // A value.
    case missingField
    case notANumber(String)
    case areaNotPositive(String)
    case areaTooPrecise(String)
    case unknownValue(String, allowed: String)
    case invalidTime(String)
    // The register.
    case unitDisagrees(firstLine: Int, first: String, found: String)
    case duplicateOwnerRow(firstLine: Int)
    // The vote.
    case duplicateID(String)
    case itemOutOfRange(Int)
    case seatsOutOfRange(Int, candidates: Int)
    case unknownBuilding(String)
    case noVotingUnitsInScope
    case silentMajorityNeedsDeliveries
    // Ballots.
    case unknownUnit(String)
    case unitOutOfScope(String, building: String)
    case unitCarriesNoVote(String)
    case unknownMatter(String)
    case unknownCandidate(String)
    case candidateChosenTwice(String)
    case choiceNotForResolution(String)
    case personDisagrees(firstLine: Int, first: String, found: String)
    case duplicateBallotRow(firstLine: Int)
    case simultaneousBallots(firstLine: Int)
    // Bank statements.
    case invalidBankDate(String)
    case moneyNegative(String)
    case moneyTooPrecise(String)
    case noAmount
    case bothAmounts
    /// The balance is not the previous row's stated balance (nil: the account's before the file) plus this row.
    case balanceDoesNotFollow(expected: String, previousLine: Int?)
    /// The reference is on an earlier line (nil: imported before).
    case duplicateReference(firstLine: Int?)
    // Facilities.
    case unknownEntrance(String, building: String)
    case invalidDate(String)
    // A workbook (`Workbook`).
    case notAWorkbook
    case noSuchSheet(String)
    case damagedWorkbook(String)
    // divisions.csv
    case ambiguousDivision(String, matches: Int)

    public var chinese: String {
        switch self {
        case .emptyFile: "文件为空或没有表头"
        case .invalidUTF8: "不是 UTF-8 编码（请用 Excel 另存为“CSV UTF-8”）"
        case .unterminatedQuote: "引号未闭合"
        case .nulByte: "含有空字符（NUL），不是文本"
        case .fieldTooLong(let limit): "内容超过 \(limit) 个字符"
        case .missingColumn(let name): "缺少必需的列“\(name)”"
        case .duplicateColumn(let name): "列“\(name)”出现了两次"
        case .invalidJSON(let detail): "JSON 格式错误：\(detail)"
        case .missingField: "必填项为空"
        case .notANumber(let text): "“\(text)”不是数字"
        case .areaNotPositive(let text): "面积必须大于 0：“\(text)”"
        case .areaTooPrecise(let text): "面积最多两位小数：“\(text)”"
        case .unknownValue(let text, let allowed): "无法识别的值“\(text)”，可用：\(allowed)"
        case .invalidTime(let text): "无法识别的时间“\(text)”，应为 ISO 8601，如 2024-01-20T10:00:00+08:00"
        case .unitDisagrees(let line, let first, let found): "同一单元在第 \(line) 行为“\(first)”，此处为“\(found)”"
        case .duplicateOwnerRow(let line): "与第 \(line) 行重复：同一单元同一业主"
        case .duplicateID(let id): "编号“\(id)”重复"
        case .itemOutOfRange(let item): "民法典第278条事项应为 1–9，此处为 \(item)"
        case .seatsOutOfRange(let seats, let candidates): "席位数 \(seats) 无效（候选人 \(candidates) 名）"
        case .unknownBuilding(let name): "登记册中没有楼栋“\(name)”"
        case .noVotingUnitsInScope: "表决范围内没有有表决权的专有部分"
        case .silentMajorityNeedsDeliveries: "启用沉默从众须提供送达记录（--deliveries）"
        case .unknownUnit(let id): "登记册中没有单元“\(id)”"
        case .unitOutOfScope(let id, let building): "单元“\(id)”（\(building)栋）不在本次表决范围内"
        case .unitCarriesNoVote(let id): "单元“\(id)”是车位，本次表决不计车位"
        case .unknownMatter(let id): "没有表决事项“\(id)”"
        case .unknownCandidate(let id): "没有候选人“\(id)”"
        case .candidateChosenTwice(let id): "候选人“\(id)”被选了两次"
        case .choiceNotForResolution(let text): "“\(text)”不是决议事项的选项，可用：\(Choice.spellings)"
        case .personDisagrees(let line, let first, let found): "同一表决人的另一单元在第 \(line) 行为“\(first)”，此处为“\(found)”"
        case .duplicateBallotRow(let line): "与第 \(line) 行重复：同一单元同一事项"
        case .simultaneousBallots(let line): "同一表决人在同一时间有两张不同的票（另见第 \(line) 行）"
        case .invalidBankDate(let text): "无法识别的日期或时间“\(text)”，应如 2026-03-31、2026/3/31、20260331 或 14:05:00"
        case .moneyNegative(let text): "金额不能为负：“\(text)”"
        case .moneyTooPrecise(let text): "金额最多两位小数：“\(text)”"
        case .noAmount: "收入金额与支出金额须有一项大于 0"
        case .bothAmounts: "收入金额与支出金额只能填一项"
        case .balanceDoesNotFollow(let expected, let line):
            line.map { "余额与第 \($0) 行的余额不符，应为 \(expected)" } ?? "余额与账户导入前的余额不符，应为 \(expected)"
        case .duplicateReference(let line): line.map { "流水号与第 \($0) 行重复" } ?? "流水号已导入过"
        case .unknownEntrance(let name, let building):
            building.isEmpty ? "单元“\(name)”须同时填写楼栋" : "登记册中楼栋“\(building)”没有单元“\(name)”"
        case .invalidDate(let text): "无法识别的日期“\(text)”，应为 YYYY-MM-DD，如 2015-06-30"
        case .notAWorkbook: "不是可读取的 Excel 工作簿（.xlsx）"
        case .noSuchSheet(let name): name.isEmpty ? "工作簿中没有工作表" : "工作簿中没有工作表“\(name)”"
        case .damagedWorkbook(let part): "工作簿已损坏（\(part)）"
        case .ambiguousDivision(let name, let matches): "有 \(matches) 个同级区划名为“\(name)”，请同时写出上级"
        }
    }

    public var english: String {
        switch self {
        case .emptyFile: "the file is empty or has no header"
        case .invalidUTF8: "not UTF-8 text (save it from Excel as \"CSV UTF-8\")"
        case .unterminatedQuote: "a quoted field is never closed"
        case .nulByte: "holds a NUL byte: this is not text"
        case .fieldTooLong(let limit): "longer than \(limit) characters"
        case .missingColumn(let name): "the required column \"\(name)\" is missing"
        case .duplicateColumn(let name): "the column \"\(name)\" appears twice"
        case .invalidJSON(let detail): "malformed JSON: \(detail)"
        case .missingField: "required field is empty"
        case .notANumber(let text): "\"\(text)\" is not a number"
        case .areaNotPositive(let text): "area must be greater than 0: \"\(text)\""
        case .areaTooPrecise(let text): "area has more than 2 decimals: \"\(text)\""
        case .unknownValue(let text, let allowed): "unknown value \"\(text)\"; expected one of \(allowed)"
        case .invalidTime(let text): "not an ISO 8601 time: \"\(text)\" (e.g. 2024-01-20T10:00:00+08:00)"
        case .unitDisagrees(let line, let first, let found): "the same unit has \"\(first)\" on line \(line) but \"\(found)\" here"
        case .duplicateOwnerRow(let line): "duplicates line \(line): same unit, same owner"
        case .duplicateID(let id): "the id \"\(id)\" is used twice"
        case .itemOutOfRange(let item): "the Civil Code Art. 278 item must be 1-9, not \(item)"
        case .seatsOutOfRange(let seats, let candidates): "\(seats) seats is not possible with \(candidates) candidates"
        case .unknownBuilding(let name): "the register has no building \"\(name)\""
        case .noVotingUnitsInScope: "no unit in the vote's scope carries a vote"
        case .silentMajorityNeedsDeliveries: "the silent-majority rule needs delivery records (--deliveries)"
        case .unknownUnit(let id): "the register has no unit \"\(id)\""
        case .unitOutOfScope(let id, let building): "unit \"\(id)\" (building \(building)) is outside the vote's scope"
        case .unitCarriesNoVote(let id): "unit \"\(id)\" is a parking space, and this vote does not count parking"
        case .unknownMatter(let id): "no matter \"\(id)\""
        case .unknownCandidate(let id): "no candidate \"\(id)\""
        case .candidateChosenTwice(let id): "candidate \"\(id)\" is chosen twice"
        case .choiceNotForResolution(let text): "\"\(text)\" is not an option of a resolution; expected one of \(Choice.spellings)"
        case .personDisagrees(let line, let first, let found):
            "another unit of the same voting person has \"\(first)\" on line \(line) but \"\(found)\" here"
        case .duplicateBallotRow(let line): "duplicates line \(line): same unit, same matter"
        case .simultaneousBallots(let line): "the same voting person has two different ballots received at the same time (see line \(line))"
        case .invalidBankDate(let text): "not a date or time: \"\(text)\" (e.g. 2026-03-31, 2026/3/31, 20260331 or 14:05:00)"
        case .moneyNegative(let text): "an amount cannot be negative: \"\(text)\""
        case .moneyTooPrecise(let text): "an amount has at most 2 decimals: \"\(text)\""
        case .noAmount: "one of income and expense must be greater than 0"
        case .bothAmounts: "only one of income and expense may be filled in"
        case .balanceDoesNotFollow(let expected, let line):
            line.map { "the balance does not follow from line \($0)'s balance; expected \(expected)" }
                ?? "the balance does not follow from the account's balance before the file; expected \(expected)"
        case .duplicateReference(let line): line.map { "the reference repeats line \($0)'s" } ?? "the reference was imported before"
        case .unknownEntrance(let name, let building):
            building.isEmpty ? "an entrance \"\(name)\" needs its building" : "the register has no entrance \"\(name)\" in building \"\(building)\""
        case .invalidDate(let text): "not a date: \"\(text)\" (YYYY-MM-DD, e.g. 2015-06-30)"
        case .notAWorkbook: "not an Excel workbook (.xlsx) that can be read"
        case .noSuchSheet(let name): name.isEmpty ? "the workbook has no sheet" : "the workbook has no sheet \"\(name)\""
        case .damagedWorkbook(let part): "the workbook is damaged (\(part))"
        case .ambiguousDivision(let name, let matches): "\(matches) divisions of this level are named \"\(name)\": write the one above it too"
        }
    }

    public var description: String { "\(chinese) / \(english)" }
}
