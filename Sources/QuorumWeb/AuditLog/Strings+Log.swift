/// The audit log's texts: the verify page and its script (which reads them from the page).
extension S {
    enum Verify {
        static let title = L10n(zh: "核验您的表决票", en: "Check your ballot")
        static let intro = L10n(
            zh: "输入或扫描投票后收到的回执码。本页会重新计算：您的表决票连同所选内容，是否已记入防篡改的审计日志，并由日志的密钥签名。",
            en:
                "Enter or scan the receipt code you got after voting. This page recomputes whether your ballot, with your choices, is in the tamper-evident audit log, under a head signed by the log's key."
        )
        static let codeLabel = L10n(zh: "回执码（或回执链接）", en: "Receipt code (or receipt link)")
        static let submit = L10n(zh: "核验", en: "Check")

        static let passed = L10n(
            zh: "核验通过：您的表决票已记入审计日志，所选内容未被改动。",
            en: "Verified: your ballot is in the audit log, with your choices unchanged.")
        static let failed = L10n(
            zh: "核验未通过：日志与您的回执不符。请保存回执并联系业主委员会或街道办事处。",
            en: "Not verified: the log does not match your receipt. Keep your receipt and tell the owners' committee or the street office.")
        static let unreadable = L10n(
            zh: "无法识别这个回执码，请检查是否完整。", en: "This receipt code cannot be read: check that it is complete.")
        static let serverSays = L10n(zh: "服务器核验结果", en: "The server's check")
        static let browserSays = L10n(zh: "您的浏览器独立核验", en: "Your browser's own check")
        static let browserWorking = L10n(zh: "正在您的浏览器中独立计算……", en: "Checking in your browser…")
        static let browserNoScript = L10n(
            zh: "您的浏览器未运行脚本，以上为服务器的核验结果。", en: "Your browser runs no script: the result above is the server's.")
        static let browserCannotSign = L10n(
            zh: "您的浏览器不支持 Ed25519 签名核验；哈希与证明已在浏览器中核验，签名以服务器结果为准。",
            en: "Your browser cannot check Ed25519 signatures: the hashes and proofs were checked here, the signatures by the server.")
        static let browserPassed = L10n(
            zh: "通过：您的浏览器自行计算了承诺值、叶哈希、包含证明、一致性证明和签名，全部相符。",
            en:
                "Passed: your browser computed the commitment, the leaf hash, the inclusion and consistency proofs and the signatures itself; all match."
        )
        static let browserFailed = L10n(zh: "未通过：", en: "Failed: ")

        static let stepReceiptHead = L10n(
            zh: "回执上的树头由本日志的密钥签名", en: "The head on your receipt is signed by this log's key")
        static let stepIncluded = L10n(
            zh: "您的表决票（含所选内容的承诺值）在该树头之下", en: "Your ballot, with the commitment to your choices, is under that head")
        static let stepStillThere = L10n(
            zh: "今天的日志仍完整包含该树头下的全部条目", en: "Today's log still holds every entry under that head")

        static let yourBallot = L10n(zh: "回执内容", en: "Your receipt")
        static let entry = L10n(zh: "日志序号", en: "Log entry")
        static let vote = L10n(zh: "表决", en: "Vote")
        static let received = L10n(zh: "接收时间", en: "Received")
        static let channel = L10n(zh: "渠道", en: "Channel")
        static let choices = L10n(zh: "您的选择", en: "Your choices")
        static let choicesHidden = L10n(
            zh: "回执码证明这张表决票已记入签名的审计日志。所选内容只向投票的业主本人显示：请在自己的手机上登录后查看。",
            en: "The receipt code proves that this ballot is in the signed audit log. Its choices are shown only to the owner who cast it, signed in."
        )
        static let signedHead = L10n(zh: "签名树头", en: "Signed head")
        static let latestHead = L10n(zh: "日志最新树头", en: "The log's latest head")
        static let entries = L10n(zh: "条", en: "entries")
        static let keyID = L10n(zh: "日志公钥指纹", en: "Log key id")
        static let keyNote = L10n(
            zh: "请与公告栏上公布的指纹核对。公钥：", en: "Compare it with the one on the notice board. Public key: ")
        static let privacy = L10n(
            zh: "回执显示您的选择：请勿交给他人。审计日志本身只保存承诺值，不显示任何人的选择。",
            en: "The receipt shows your choices: keep it to yourself. The audit log holds only commitments and shows no one's choices.")
        static let noChoice = L10n(zh: "（未选）", en: "(none)")
        static let matters = L10n(zh: "表决事项", en: "Matters")
        static let voteID = L10n(zh: "表决编号", en: "Vote id")
        static let technical = L10n(zh: "技术细节（序号、哈希、树头）", en: "Technical details (index, hashes, heads)")
    }

    /// The page of who opened which personal data (`AccessPage`).
    enum Access {
        static let title = L10n(zh: "个人信息查阅记录", en: "Who saw personal data")
        static let intro = L10n(
            zh: "谁在何时查看了哪份含个人信息的名单或下载了哪个文件：摘自审计日志，最新的在前，限于您负责的小区。",
            en:
                "Who opened which list or downloaded which file naming flats or owners, and when: from the audit log, newest first, for the estates you cover."
        )
        static let none = L10n(zh: "还没有人查看过个人信息。", en: "Nobody has opened any personal data yet.")
        static let when = L10n(zh: "时间", en: "When")
        static let who = L10n(zh: "查看人", en: "Who")
        static let what = L10n(zh: "内容", en: "What")
        static let older = L10n(zh: "更早的记录", en: "Older entries")
        static let deliveryRecord = L10n(zh: "送达记录（网上已阅）", en: "Delivery records (seen online)")
    }
}

extension S {
    /// The signed head a notice or a result shows (issue 13, item 5), and its check on /verify.
    enum Head {
        static let title = L10n(zh: "审计日志签名树头（见证用）", en: "The audit log's signed head (a witness)")
        static let atNotice = L10n(zh: "公告发布时签名的树头：", en: "The head signed when this notice was published:")
        static let atResult = L10n(zh: "结果公布时签名的树头：", en: "The head signed when this result was published:")
        static let size = L10n(zh: "条目数", en: "Size")
        static let root = L10n(zh: "根哈希", en: "Root")
        static let keyID = L10n(zh: "公钥指纹", en: "Key id")
        static let signedAt = L10n(zh: "签名时间", en: "Signed at")
        static func purpose(_ verify: String) -> L10n {
            L10n(
                zh:
                    "这几项是审计日志此刻的“指纹”。请抄下或拍下条目数和根哈希：日后任何人都可以在本站“核验”页面（\(verify)）或用 quorum verify --head 条目数:根哈希 核对。如果此后有人改动或删除了此前的任何记录，核对就会失败。贴在公告栏上的这张纸就是见证。",
                en:
                    "These figures are the audit log's fingerprint at this moment. Copy or photograph the size and the root: anyone can later check them on this site's verify page (\(verify)) or with quorum verify --head SIZE:ROOT. If any earlier record is changed or removed afterwards, the check fails. This paper on the notice board is the witness."
            )
        }
        static let check = L10n(zh: "用今天的日志核对这个树头", en: "Check this head against today's log")
        // The verify page's form and verdicts.
        static let formTitle = L10n(zh: "核对公告上的树头", en: "Check a head from a notice")
        static let formIntro = L10n(
            zh: "输入公告上印的条目数和根哈希（空格可有可无）。本页用一致性证明核对：今天的日志是否仍完整包含当时的全部记录。",
            en:
                "Enter the size and the root printed on a notice (spaces do not matter). This page checks with a consistency proof whether today's log still holds every record of that moment."
        )
        static let submit = L10n(zh: "核对树头", en: "Check the head")
        static let unreadable = L10n(
            zh: "无法识别：条目数应为正整数，根哈希应为 64 位十六进制（0-9、a-f）。",
            en: "Cannot read this: the size is a whole number, the root 64 hex digits (0-9, a-f).")
        static func consistent(_ size: Int, _ latest: Int) -> L10n {
            L10n(
                zh: "核对通过：今天的日志（\(latest) 条）以签名的一致性证明表明，它完整包含公告时的全部 \(size) 条记录，未被改动。",
                en:
                    "Verified: today's log (\(latest) entries) proves with a signed consistency proof that it still holds all \(size) records of that moment, unchanged."
            )
        }
        static func beyond(_ size: Int, _ present: Int) -> L10n {
            L10n(
                zh: "核对未通过：树头有 \(size) 条，但本站日志只有 \(present) 条已签名的条目。请检查条目数是否抄错；若无误，说明日志被截短了，请联系街道办事处。",
                en:
                    "Not verified: the head has \(size) entries, but this site's log has only \(present) signed ones. Check the size you copied; if it is right, the log was cut short: tell the street office."
            )
        }
        static func inconsistent(_ size: Int) -> L10n {
            L10n(
                zh: "核对未通过：今天的日志前 \(size) 条与这个根哈希不符。请检查根哈希是否抄错；若无误，说明公告之后有记录被改动或删除，请保存公告照片并联系街道办事处。",
                en:
                    "Not verified: the first \(size) entries of today's log do not match this root. Check the root you copied; if it is right, a record was changed or removed after the notice: keep a photo of the notice and tell the street office."
            )
        }
        static let badSignature = L10n(
            zh: "核对未通过：日志最新的树头签名无效。", en: "Not verified: the log's latest head is not validly signed.")
    }
}
