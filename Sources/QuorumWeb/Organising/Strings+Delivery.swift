import QuorumCore

/// The words of the notice's delivery record (指导规则 Art. 22).
extension S {
    static let deliveryTitle = L10n(zh: "送达记录", en: "Delivery records")
    static func deliveredCount(_ done: Int, _ total: Int) -> L10n {
        L10n(zh: "已送达 \(done) / \(total) 位表决人", en: "\(done) of \(total) voting persons reached")
    }
    static let postingExplain = L10n(
        zh: "无法送达的，以小区公告栏张贴代替：所有尚无送达记录的表决人记为“公告送达”。请附张贴现场的照片，写明张贴日期。",
        en:
            "Where delivery failed, a public posting stands in: every person without a record is marked as covered by the posting. Attach a photo of the posting and give its date."
    )
    static let recordPosting = L10n(zh: "记录公告张贴", en: "Record the public posting")
    static func postingRecorded(_ count: Int) -> L10n {
        L10n(zh: "已为 \(count) 位表决人记录公告送达", en: "The posting now covers \(count) more voting persons")
    }
    static let deliveryState = L10n(zh: "送达方式", en: "Delivered")
    static let recordDelivery = L10n(zh: "记录", en: "Record")
    static let deliveryMethod = L10n(zh: "送达方式", en: "How it was delivered")
    static let deliveryDay = L10n(zh: "送达日期", en: "Delivered on")
    static let postingDay = L10n(zh: "张贴日期", en: "Date of the posting")
    static let postingPhoto = L10n(zh: "张贴现场照片（JPEG、PNG 或 PDF）", en: "Photo of the posting (JPEG, PNG or PDF)")
    static let postings = L10n(zh: "公告张贴记录", en: "Public postings")
    static func postingLine(_ number: Int, day: String) -> L10n {
        L10n(zh: "第 \(number) 次张贴，\(day)：照片", en: "Posting \(number), \(day): photo")
    }
    static func delivered(_ method: DeliveryMethod, day: String) -> L10n {
        let name = deliveryMethodName(method)
        return L10n(zh: "\(name.zh) \(day)", en: "\(name.en) \(day)")
    }
    static func deliveryMethodName(_ method: DeliveryMethod) -> L10n {
        switch method {
        case .online: seenOnline
        case .hand: L10n(zh: "当面送达", en: "in person")
        case .text: L10n(zh: "短信送达", en: "by text")
        case .phone: L10n(zh: "电话告知", en: "by phone")
        case .post: L10n(zh: "邮寄送达", en: "by post")
        case .posting: L10n(zh: "公告送达", en: "public posting")
        }
    }
    static func say(_ error: DeliveryError) -> L10n {
        switch error {
        case .unreadableDay(let day): L10n(zh: "送达日期“\(day)”不是日期（格式 2026-12-01）。", en: "The date \"\(day)\" is not a date (write it as 2026-12-01).")
        case .outsideNotice(let day, let from, let to):
            L10n(
                zh: "送达日期 \(day) 不在公告发布日 \(from) 至 \(to) 之间。", en: "The date \(day) is not between the day of the notice, \(from), and \(to).")
        case .photoMissing: L10n(zh: "记录公告张贴须附张贴现场的照片。", en: "A public posting is recorded with a photo of it.")
        case .notRecordable: L10n(zh: "这种送达方式不能逐户记录。", en: "This way of delivery is not recorded for one person.")
        case .counted: L10n(zh: "表决已计票，送达记录不能再更改。", en: "The vote is counted: its delivery record can no longer change.")
        }
    }
    static let seenOnline = L10n(zh: "网上已阅", en: "Seen online")
    static let seenOnlineLogged = L10n(
        zh: "哪些房号已在网上阅读公告属于个人信息：每次查看本页都记入审计日志，写明查看人。",
        en: "Which flats have read the notice online is personal data: each view of this page is in the audit log with who viewed it.")
    static let seenOnlineHidden = L10n(
        zh: "哪些房号已在网上阅读公告属于个人信息，仅业主委员会和街道办事处可见；上面的人数已计入。",
        en:
            "Which flats have read the notice online is personal data, shown only to the committee and the street office; the count above includes them."
    )
}
