import QuorumCore
import QuorumStore

/// The ballot of one voting person (`/votes/:vote/ballot?person=`), with the choices made so
/// far and what is wrong with them when the form came back.
struct BallotPage {
    var vote: StoredVote
    var voter: VoterView
    var chosen = BallotChoices([:])
    var problems: [BallotProblem] = []
    var csrf: String
}

/// The choices once more, and the signature, before the cast.
struct ConfirmPage {
    var vote: StoredVote
    var voter: VoterView
    var choices: BallotChoices
    var csrf: String
    var error: String?
}

/// The receipt of a ballot cast (`/receipts/:code`).
struct ReceiptPage {
    var receipt: Receipt
    var vote: StoredVote
}
