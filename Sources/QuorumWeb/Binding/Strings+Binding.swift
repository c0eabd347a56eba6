import QuorumCore

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
