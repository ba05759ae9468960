import Workflows

/// An answer-by-email link opened: what it will do (and its form), what it did, or why it cannot.
struct ActionLinkPage {
    let chrome: PageChrome
    let token: String
    let heading: String
    let summary: String?
    let time: String?
    /// The form to confirm with, while the link can be used.
    let usable: Bool
    let asksPlace: Bool
    let asksReason: Bool
    let reasonRequired: Bool
    let button: String
    let location: String
    let sessionType: String
    let error: String?
    let done: String?
    /// Where to follow up: the request's page, behind login.
    let followUp: String?

    static func offer(_ opened: ActionLinks.Opened, token: String, error: String?) -> ActionLinkPage {
        let action = opened.link.action
        return ActionLinkPage(
            chrome: .signedOut(title: action.label, csrf: ""), token: token, heading: "\(action.label): \(opened.summary)?",
            summary: opened.summary, time: opened.time, usable: true, asksPlace: action == .accept,
            asksReason: action == .decline || action == .declineProposal, reasonRequired: action == .decline, button: action.label,
            location: opened.location, sessionType: opened.sessionType, error: error, done: nil, followUp: nil)
    }

    static func ended(heading: String, error: String?, done: String?, followUp: String?) -> ActionLinkPage {
        ActionLinkPage(
            chrome: .signedOut(title: heading, csrf: ""), token: "", heading: heading, summary: nil, time: nil, usable: false, asksPlace: false,
            asksReason: false, reasonRequired: false, button: "", location: "", sessionType: "", error: error, done: done, followUp: followUp)
    }
}
