import Plot
import QuorumCore
import QuorumStore

/// Who enters and who watches (issue 13): a vote's clerks (计票人) and scrutineers (监票人) by
/// name, and each replacement with its date and reason, as the notice pages show them.
struct NamedStaffBlock: Component {
    let named: [NamedStaff]
    let lang: Lang

    var body: Component {
        Div {
            H2(S.Clerks.title(lang))
            for duty in VoteDuty.allCases {
                let serving = named.filter { $0.duty == duty && $0.endedAt == nil }.map(\.account.displayName)
                Paragraph(
                    "\(S.Clerks.duty(duty)(lang))\(lang.colon)\(serving.isEmpty ? S.Clerks.nobody(lang) : serving.joined(separator: lang.list))"
                ).id("named-\(duty.rawValue)")
            }
            for new in named {
                if let old = new.replaces {
                    Paragraph(
                        S.Clerks.replaced(old.displayName, by: new.account.displayName, on: LocalTime.format(new.namedAt), reason: new.reason ?? "")(
                            lang)
                    ).class("note replaced")
                }
            }
        }.class("card").id("named-staff")
    }
}

/// The committee's forms: before the notice, who is named for each duty (ticked from the
/// accounts that may be); after it, a replacement with its reason.
struct ClerksForm: Component {
    let vote: StoredVote
    let named: [NamedStaff]
    let eligible: [VoteDuty: [StaffAccount]]
    let csrf: String
    let lang: Lang
    /// What the form held when sent back; nil: as the vote has them.
    var held: FormData?

    var body: Component {
        let serving = named.filter { $0.endedAt == nil }
        func ticked(_ account: StaffAccount, _ duty: VoteDuty) -> Bool {
            held.map { $0.all(duty.rawValue).contains(account.id) } ?? serving.contains { $0.account.id == account.id && $0.duty == duty }
        }
        return Div {
            if vote.isDraft {
                Form(keeping: SiteURL.manageVote(vote.id, .clerks), csrf: csrf) {
                    Paragraph(S.Clerks.intro(lang)).class("note")
                    for duty in VoteDuty.allCases {
                        FieldSet {
                            Legend(S.Clerks.duty(duty)(lang))
                            if (eligible[duty] ?? []).isEmpty { Paragraph(S.Clerks.noneEligible(lang)).class("meta") }
                            for account in eligible[duty] ?? [] {
                                Label(account.displayName) {
                                    Input(type: .checkbox, name: duty.rawValue, value: account.id)
                                        .checked(ticked(account, duty))
                                        .id("\(duty.rawValue)-\(account.username)")
                                }.class("chip")
                            }
                        }
                    }
                    SubmitButton(S.Clerks.save(lang)).class("secondary").id("save-clerks")
                }
            } else if !serving.isEmpty {
                Form(keeping: SiteURL.manageVote(vote.id, .clerks), csrf: csrf) {
                    H2(S.Clerks.replaceTitle(lang))
                    Paragraph(S.Clerks.replaceIntro(lang)).class("note")
                    Label(S.Clerks.whoLeaves(lang)) {
                        Select {
                            for person in serving {
                                Option(
                                    "\(S.Clerks.duty(person.duty)(lang))\(lang.dot)\(person.account.displayName)", value: person.account.id,
                                    selected: held?["replaced"] == person.account.id)
                            }
                        }.attr("name", "replaced").id("replaced")
                    }
                    Label(S.Clerks.whoComes(lang)) {
                        Select {
                            for account in Set((eligible[.clerk] ?? []) + (eligible[.scrutineer] ?? [])).sorted(by: { $0.username < $1.username })
                            where !named.contains(where: { $0.account.id == account.id }) {
                                // Which duties each may take: a clerk's place only goes to one who may enter ballots.
                                let duties = VoteDuty.allCases.filter { (eligible[$0] ?? []).contains(account) }.map { S.Clerks.duty($0)(lang) }
                                Option(
                                    account.displayName + lang.parenthesised(duties.joined(separator: lang.list)), value: account.id,
                                    selected: held?["replacement"] == account.id)
                            }
                        }.attr("name", "replacement").id("replacement")
                    }
                    Label(S.Clerks.reason(lang)) {
                        TextArea(text: held?["reason"] ?? "", name: "reason", numberOfRows: 2, isRequired: true).id("reason")
                    }
                    SubmitButton(S.Clerks.replace(lang)).class("secondary").id("replace")
                }
            }
        }.id("clerks")
    }
}
