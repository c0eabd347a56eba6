import QuorumCore

/// The audit log's verdicts, as `quorum verify` and `quorum backup` print them.
extension Words {
    /// Where the log (or the ballots file) `name` is wrong and why: a line in Chinese, then one in English.
    static func say(_ problem: LogProblem, in name: String) -> String {
        "\(name): \(chinese(problem))\n\(name): \(english(problem))"
    }

    /// What `quorum verify` prints for a sound log.
    static func say(_ summary: LogSummary) -> String {
        var text =
            "日志完好：\(summary.entries) 条条目，\(summary.heads) 个签名树头，哈希、签名与一致性全部核验通过 / the log is intact: \(summary.entries) entries, "
            + "\(summary.heads) signed heads; every hash, signature and consistency proof checks out"
        if summary.withheld > 0 {
            text +=
                "\n其中 \(summary.withheld) 条是其他小区的条目，只给出叶哈希（已计入树与签名核验）/ of them, \(summary.withheld) are other estates' entries, "
                + "given by their leaf hash only (counted in the tree and the signatures)"
        }
        if let latest = summary.latest { text += "\n最新树头 / latest head: size \(latest.size), root \(ByteText.base64(latest.root)), \(latest.time)" }
        if summary.unsignedEntries > 0 {
            text +=
                "\n注意：最后 \(summary.unsignedEntries) 条尚未被签名树头覆盖 / note: the last \(summary.unsignedEntries) entries are not yet under a signed head"
        }
        return text
    }

    private static func chinese(_ problem: LogProblem) -> String {
        let at =
            switch problem.place {
            case .header: "文件首行"
            case .entry(let index): "条目 \(index)"
            case .head(let number, let size): "第 \(number) 个签名树头（\(size) 条）"
            case .line(let line): "第 \(line) 行"
            case .ballotRow(let line): "表决票文件第 \(line) 行"
            case .copiedHead(let size): "公告上的树头（\(size) 条）"
            }
        let why =
            switch problem.reason {
            case .notALog: "不是 Quorum 审计日志导出文件"
            case .otherKey(let expected, let found): "签名公钥不符：应为 \(expected)，文件为 \(found)"
            case .unreadable(let line): "第 \(line) 行不是规范格式的日志条目"
            case .outOfPlace(let found): "此处应为本条目，实际是条目 \(found)（条目被删除、重复或调换了顺序）"
            case .leafMismatch: "内容与存储的叶哈希不符，条目被改动"
            case .badSignature: "签名无效，树头被改动或不是本日志的密钥所签"
            case .otherLog(let log): "属于另一个日志“\(log)”"
            case .notGrowing(let previous): "没有比上一个树头（\(previous) 条）更大"
            case .timeGoesBack: "时间早于上一个树头"
            case .rootMismatch(let entries):
                entries.count == 1
                    ? "根哈希与条目 \(entries.lowerBound) 不符，该条目被改动"
                    : "根哈希与条目 \(entries.lowerBound)–\(entries.upperBound - 1) 不符，其中至少一条被改动"
            case .beyondEntries(let present): "签名覆盖的条目多于它之前的 \(present) 条：条目 \(present) 缺失"
            case .inconsistent(let previous): "与上一个树头（\(previous) 条）不一致"
            case .badConflict: "冲突记录所指的不是该表决人此前的表决票条目"
            case .noSuchBallot(let index): "日志中条目 \(index) 不是这张表决票"
            case .ballotDiffers(let index, let field): "与日志条目 \(index) 的\(chineseField(field))不符"
            case .setAside(let index): "日志条目 \(index) 因冲突不计入，却在计票的表决票中"
            case .uncounted: "日志中的这张表决票不在计票的表决票中"
            case .ballotsUnreadable(let detail): "无法读取：\(detail)"
            case .copiedBeyondLog(let present): "日志只有 \(present) 条，比树头的条目少：这不是那份日志，或抄写的条目数有误"
            case .copiedInconsistent(let head):
                "与日志（\(head) 条的树头）不一致：日志的前面部分在公告之后被改写过，或抄写的根哈希有误"
            }
        return "\(at)：\(why)"
    }

    private static func english(_ problem: LogProblem) -> String {
        let at =
            switch problem.place {
            case .header: "the first line"
            case .entry(let index): "entry \(index)"
            case .head(let number, let size): "signed head \(number) (size \(size))"
            case .line(let line): "line \(line)"
            case .ballotRow(let line): "ballots file line \(line)"
            case .copiedHead(let size): "the head from the notice (size \(size))"
            }
        let why =
            switch problem.reason {
            case .notALog: "this is not an exported Quorum audit log"
            case .otherKey(let expected, let found): "signed with another key: expected \(expected), the file has \(found)"
            case .unreadable(let line): "line \(line) is not a log entry in canonical form"
            case .outOfPlace(let found):
                "entry \(found) stands where this entry should be (an entry was deleted, repeated or moved)"
            case .leafMismatch: "its content does not match its stored leaf hash: it was changed"
            case .badSignature: "the signature is not valid: the head was changed, or not signed by this log's key"
            case .otherLog(let log): "belongs to another log, \"\(log)\""
            case .notGrowing(let previous): "is not larger than the head before it (size \(previous))"
            case .timeGoesBack: "is dated before the head before it"
            case .rootMismatch(let entries):
                entries.count == 1
                    ? "its root does not match entry \(entries.lowerBound): that entry was changed"
                    : "its root does not match entries \(entries.lowerBound)–\(entries.upperBound - 1): at least one was changed"
            case .beyondEntries(let present): "it signs more entries than the \(present) before it: entry \(present) is missing"
            case .inconsistent(let previous): "is not consistent with the head before it (size \(previous))"
            case .badConflict: "the conflict names entries that are not earlier ballots of its voter"
            case .noSuchBallot(let index): "entry \(index) of the log is not this ballot"
            case .ballotDiffers(let index, let field): "its \(field) differs from entry \(index) of the log"
            case .setAside(let index): "entry \(index) of the log was set aside by a conflict, yet it is counted"
            case .uncounted: "this ballot of the log is not among the counted ballots"
            case .ballotsUnreadable(let detail): "cannot be read: \(detail)"
            case .copiedBeyondLog(let present):
                "the log has only \(present) entries, fewer than the head: this is not that log, or the size was copied wrong"
            case .copiedInconsistent(let head):
                "the log (its head of size \(head)) is not consistent with it: the log's earlier entries were rewritten after the notice, or the root was copied wrong"
            }
        return "\(at): \(why)"
    }

    private static func chineseField(_ field: String) -> String {
        switch field {
        case "vote": "表决"
        case "channel": "渠道"
        case "received_at": "接收时间"
        case "choices": "表决意见（承诺值）"
        default: field
        }
    }

    /// What `quorum verify --head` adds when the log is consistent with the copied head.
    static func copiedHolds(_ head: CopiedHead) -> String {
        "公告上的树头（\(head.size) 条，根哈希 \(CopiedHead.grouped(head.root))）与日志一致：此后的日志完整保留了公告时的全部条目 / "
            + "the head from the notice (size \(head.size), root \(CopiedHead.grouped(head.root))) is consistent with the log: it still holds every entry of that moment"
    }

    static func unsignedTail(_ file: String, entries: Int) -> String {
        "\(file): 最后 \(entries) 条未被任何签名树头覆盖，无法证明它们未被改动（确需接受请加 --allow-unsigned-tail） / "
            + "the last \(entries) entries are under no signed head, so nothing proves them (pass --allow-unsigned-tail to accept them)"
    }
}
