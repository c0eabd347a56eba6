import QuorumCore
import QuorumStore

extension S {
    static func say(_ error: BindingError) -> L10n {
        switch error {
        case .noSuchOwner: L10n(zh: "姓名与证件号码不在本小区的业主名册中", en: "the name and ID number are not on this estate's register")
        case .noPhoneOnFile: L10n(zh: "名册中没有您的手机号，请联系业主委员会", en: "the register has no phone for you: ask the owners' committee")
        case .tooManyRequests(let until):
            L10n(zh: "请求过于频繁，请于 \(until.localMinute) 后再试", en: "too many requests: try again after \(until.localMinute)")
        case .codeExpired: L10n(zh: "验证码已过期，请重新获取", en: "the code has expired: ask for a new one")
        case .wrongCode(let left): L10n(zh: "验证码不正确，还可以再试 \(left) 次", en: "the code is wrong: \(left) tries left")
        case .locked: L10n(zh: "错误次数过多，请重新获取验证码", en: "too many wrong codes: ask for a new one")
        }
    }

    static func say(_ error: CredentialError) -> L10n {
        switch error {
        case .malformed: L10n(zh: "凭证格式不正确", en: "the credential is malformed")
        case .unsupportedAlgorithm(let alg): L10n(zh: "不支持的签名算法 \(alg)", en: "unsupported algorithm \(alg)")
        case .untrustedIssuer(let issuer): L10n(zh: "不受信任的签发方 \(issuer)", en: "untrusted issuer \(issuer)")
        case .badSignature: L10n(zh: "凭证签名无效", en: "the credential's signature is invalid")
        case .wrongAudience: L10n(zh: "凭证不是签发给本平台的", en: "the credential was not issued for this platform")
        case .expired: L10n(zh: "凭证已过期", en: "the credential has expired")
        case .notYetValid: L10n(zh: "凭证尚未生效", en: "the credential is not valid yet")
        case .noSubject: L10n(zh: "凭证中没有证件号码", en: "the credential names no ID number")
        case .noID: L10n(zh: "凭证没有编号（jti），无法防止重复使用", en: "the credential has no id (jti), so a replay could not be told apart")
        case .tooLong:
            L10n(zh: "凭证有效期超过 10 分钟，请重新获取", en: "the credential is valid for more than 10 minutes: get a new one")
        case .used: L10n(zh: "此凭证已使用过，请重新获取", en: "this credential was used before: get a new one")
        }
    }

    static let sendNewCode = L10n(zh: "重新获取验证码", en: "Send a new code")
    static func newCodeAt(_ time: Timestamp) -> L10n {
        L10n(zh: "可于 \(time.localMinute) 起重新获取验证码。", en: "A new code can be sent from \(time.localMinute).")
    }
}

extension S {
    /// The short privacy notice at binding (issue 13, item 21; docs/SECURITY.md "Personal data over time").
    enum Privacy {
        static let title = L10n(zh: "我们保存什么、为什么、保存多久", en: "What we keep, why, and for how long")
        static let points: [L10n] = [
            L10n(
                zh: "您的姓名、房屋和手机号来自物业提交的业主名册；证件号码只保存为加密散列和遮盖后的形式，手机号加密保存，只用于发送验证码和投票通知。",
                en:
                    "Your name, rooms and phone come from the owners' register the property company provides; your ID number is kept only as a keyed hash and a mask, your phone sealed, used only to send you codes and notices of ballots."
            ),
            L10n(
                zh: "您的每张选票以假名记入审计日志，任何人都可核验计票，但看不出谁投了什么。",
                en: "Each ballot goes into the audit log under a pseudonym: anyone can check the count, nobody can see who voted how."),
            L10n(
                zh: "表决记录在最终结果公布后保存五年（业主可请求法院撤销决定，民法典第二百八十条）；您迁出名册后即无法登录，您的资料在不再有任何保存中的表决需要时删除。",
                en:
                    "A vote's records are kept for five years after its final result (owners may ask a court to revoke a decision, Civil Code Art. 280); once you leave the register you can no longer sign in, and your data is erased when no vote still kept needs it."
            ),
            L10n(
                zh: "换了手机号？请带身份证件到街道办，由两名工作人员为您更新。",
                en: "Changed your phone? Bring your ID to the street office: two of its staff will put the new one on file."),
        ]
    }

    /// The street office's changes of an owner's phone on file (issue 13, item 21).
    enum Phones {
        static let title = L10n(zh: "更换业主手机号", en: "Change an owner's phone")
        static let intro = L10n(
            zh: "业主本人持身份证件到街道办申请。一名工作人员核对证件后登记，另一名工作人员确认后才会生效；生效时该业主的登录全部失效，变更记入审计日志。请同时通知物业在下次提交的名册中更正。",
            en:
                "The owner comes in person with their ID. One staff member checks it and records the request; it takes effect only when another confirms it, which ends the owner's sessions and goes into the audit log. Ask the property company to correct its next register too."
        )
        static let request = L10n(zh: "登记申请", en: "Record a request")
        static let name = L10n(zh: "业主姓名（与名册一致）", en: "The owner's name (as on the register)")
        static let idNumber = L10n(zh: "证件号码", en: "ID number")
        static let phone = L10n(zh: "新手机号", en: "New phone")
        static let reason = L10n(zh: "原因（如：原号码已停用）", en: "Reason (e.g. the old number is no longer in use)")
        static let send = L10n(zh: "登记，待另一人确认", en: "Record it for a second person to confirm")
        static let waiting = L10n(zh: "待确认", en: "Waiting to be confirmed")
        static let done = L10n(zh: "已生效", en: "Done")
        static let none = L10n(zh: "暂无申请。", en: "No request yet.")
        static let confirm = L10n(zh: "确认并生效", en: "Confirm it")
        static let confirmAsk = L10n(
            zh: "确认已核对业主身份证件，并将新手机号登记生效吗？", en: "Confirm that the owner's ID was checked, and put the new phone on file?")
        static let yoursToWait = L10n(zh: "由您登记，须由另一名工作人员确认。", en: "Recorded by you: another staff member must confirm it.")
        static func recorded(_ id: String) -> L10n {
            L10n(zh: "已登记，编号 \(id)，待另一名工作人员确认。", en: "Recorded as \(id), for another staff member to confirm.")
        }
        static func confirmed(_ id: String) -> L10n { L10n(zh: "\(id) 已生效。", en: "\(id) is done.") }
        static func line(_ change: PhoneChange) -> L10n {
            L10n(
                zh: "\(change.ownerName)（\(change.idMasked)）→ \(change.phoneMasked) · \(change.reason)",
                en: "\(change.ownerName) (\(change.idMasked)) -> \(change.phoneMasked) | \(change.reason)")
        }
        static func by(_ requested: String, _ confirmed: String?) -> L10n {
            L10n(
                zh: "登记：\(requested)" + (confirmed.map { "；确认：\($0)" } ?? ""),
                en: "Recorded by \(requested)" + (confirmed.map { "; confirmed by \($0)" } ?? ""))
        }
        static func say(_ error: PhoneChangeError) -> L10n {
            switch error {
            case .noSuchOwner: L10n(zh: "名册中没有这位业主（姓名与证件号码须一致）", en: "No owner of this estate has this name and ID number")
            case .badPhone: L10n(zh: "手机号须为 7 到 15 位数字", en: "The phone must be 7 to 15 digits")
            case .badReason: L10n(zh: "请写明原因（2 到 200 字）", en: "Please give the reason (2 to 200 characters)")
            case .sameStaff: L10n(zh: "登记人不能自己确认：须由另一名工作人员确认", en: "Whoever recorded it cannot confirm it: another staff member must")
            case .noSuchRequest: L10n(zh: "没有这项待确认的申请", en: "There is no such request waiting")
            }
        }
    }
}
