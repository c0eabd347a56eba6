import QuorumCore
import QuorumStore

/// The front door (`/`), for whoever is not signed in as an owner: it shows nothing but the chrome.
struct HomePage {}

/// Binding, first step (`/bind`): the estate, the name and the ID number, or a credential.
struct BindPage {
    var estates: [Division]
    /// The pre-session value the form repeats (the double-submit CSRF defence).
    var pre: String
    var error: String?
    var name = ""
    /// The estate chosen, when the form comes back (the language switch, a refusal).
    var estate: Int64?
    /// Whether any identity provider is trusted, so that a credential may be offered.
    var credentials: Bool
}

/// Binding, second step: the code sent to the phone on the register.
struct BindCodePage {
    var attempt: String
    var phoneMasked: String
    var pre: String
    var error: String?
    /// Demo mode only: the message the phone was sent, shown on the page.
    var demoMessage: String?
    /// After five wrong tries: when a new code may be asked for (now, or later in the hour).
    var newCodeAt: Timestamp?
}
