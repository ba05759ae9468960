import Scheduling
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
    /// Whose link it is: it answers as them, whoever opens it.
    let holder: String?
    /// Someone else is logged in in this browser: the page says the link is not theirs.
    let someoneElse: String?
    /// The other side's latest words, and who wrote them.
    let note: String?
    let noteBy: String?
    let error: String?
    let done: String?
    /// Where to follow up: the request's page, behind login.
    let followUp: String?

    /// `viewer` is whoever is logged in in this browser, if anyone.
    static func offer(_ opened: ActionLinks.Opened, token: String, viewer: Caller?, error: String?) -> ActionLinkPage {
        let action = opened.link.action
        return ActionLinkPage(
            chrome: .signedOut(title: action.label, csrf: ""), token: token, heading: "\(action.label): \(opened.summary)?",
            summary: opened.summary, time: opened.time, usable: true, asksPlace: action == .accept,
            asksReason: action == .decline || action == .declineProposal, reasonRequired: action == .decline, button: action.label,
            location: opened.location, sessionType: opened.sessionType, holder: opened.holder.name,
            someoneElse: viewer.flatMap { $0.userID == opened.holder.userID ? nil : $0.name }, note: opened.note, noteBy: opened.noteBy,
            error: error, done: nil, followUp: nil)
    }

    static func ended(heading: String, error: String?, done: String?, followUp: String?) -> ActionLinkPage {
        ActionLinkPage(
            chrome: .signedOut(title: heading, csrf: ""), token: "", heading: heading, summary: nil, time: nil, usable: false, asksPlace: false,
            asksReason: false, reasonRequired: false, button: "", location: "", sessionType: "", holder: nil, someoneElse: nil, note: nil,
            noteBy: nil, error: error, done: done, followUp: followUp)
    }
}
