public import Scheduling

/// Every message SessionDesk sends, by the `kind` its outbox rows carry: news of each lifecycle
/// event (under the event's own name), the morning reminder, session reports, session emails, invoices,
/// invitations and password resets. Each
/// has a template the organization may rewrite (see `MessageTemplate`).
public enum MessageKind: Hashable, Sendable, CaseIterable, RawRepresentable {
    case event(LifecycleEvent)
    case reminder
    case sessionReport
    /// Session emails the office sends the family from a session (seed 003, 12).
    case cancellationProcessed
    case sessionStaysBooked
    /// An issued invoice, emailed to the client.
    case invoice
    case invitation
    case passwordReset

    public static let allCases: [MessageKind] =
        LifecycleEvent.allCases.map(MessageKind.event) + [
            .reminder, .sessionReport, .cancellationProcessed, .sessionStaysBooked, .invoice, .invitation, .passwordReset,
        ]

    /// The emails the office may send the family from a session's page.
    public static let sessionEmails: [MessageKind] = [.cancellationProcessed, .sessionStaysBooked]

    public init?(rawValue: String) {
        switch rawValue {
        case "reminder": self = .reminder
        case "session_report": self = .sessionReport
        case "cancellation_processed": self = .cancellationProcessed
        case "session_stays_booked": self = .sessionStaysBooked
        case "invoice": self = .invoice
        case "invitation": self = .invitation
        case "password_reset": self = .passwordReset
        default:
            guard let event = LifecycleEvent(rawValue: rawValue) else { return nil }
            self = .event(event)
        }
    }

    public var rawValue: String {
        switch self {
        case .event(let event): event.rawValue
        case .reminder: "reminder"
        case .sessionReport: "session_report"
        case .cancellationProcessed: "cancellation_processed"
        case .sessionStaysBooked: "session_stays_booked"
        case .invoice: "invoice"
        case .invitation: "invitation"
        case .passwordReset: "password_reset"
        }
    }

    /// What the office sees in the list of templates.
    public var title: String {
        switch self {
        case .event(.requested): "A session is requested"
        case .event(.rescheduleRequested): "A family asks to move a session"
        case .event(.accepted): "A request is accepted"
        case .event(.declined): "A request is declined"
        case .event(.proposed): "Another time is proposed"
        case .event(.replied): "The family replies to a proposal"
        case .event(.proposalAccepted): "The family accepts the proposed time"
        case .event(.proposalDeclined): "The family declines the proposed time"
        case .event(.withdrawn): "A request is withdrawn"
        case .event(.expired): "A request expires unanswered"
        case .event(.sessionCreated): "The office books a session"
        case .event(.sessionMoved): "The office moves a session"
        case .event(.sessionCancelled): "A session is cancelled"
        case .event(.originalCancelled): "A session goes with a failed reschedule"
        case .event(.cancellationRequested): "A family asks the office to cancel"
        case .event(.cancellationRequestWithdrawn): "A family takes back a cancellation request"
        case .event(.cancellationRequestCleared): "The office clears a cancellation request"
        case .reminder: "Morning reminder of the day's session"
        case .sessionReport: "A session report is sent to the family"
        case .cancellationProcessed: "Session email: your cancellation request has been processed"
        case .sessionStaysBooked: "Session email: the cancellation status is removed, the session stays booked"
        case .invoice: "An invoice is emailed to the client"
        case .invitation: "Invitation to SessionDesk"
        case .passwordReset: "Password reset"
        }
    }

    /// News of a request that still waits for an answer: it carries the deadline and answer links.
    public var asksForAnswer: Bool {
        guard case .event(let event) = self else { return false }
        return [.requested, .rescheduleRequested, .proposed, .replied].contains(event)
    }

    /// Invitations and password resets carry a login link, and invoices a table: they go by email only.
    public var canBeTexted: Bool { self != .invitation && self != .passwordReset && self != .invoice }

    /// The names a template of this kind may use, what each holds, and the sample a preview shows.
    public var fields: [MessageField] {
        switch self {
        case .reminder:
            [.recipient, .organization, .what, .when, .place, .link]
        case .sessionReport:
            [.recipient, .organization, .actor, .what, .when, .report, .link]
        case .cancellationProcessed, .sessionStaysBooked:
            [.recipient, .organization, .actor, .what, .when, .message, .link]
        case .invitation:
            [.recipient, .organization, .inviter, .welcome, .expires, .link]
        case .passwordReset:
            [.recipient, .organization, .expires, .link]
        case .invoice:
            [.recipient, .organization, .number, .issued, .lines, .total, .paid, .due, .dueOn, .note, .address, .link]
        default:
            [.recipient, .organization, .actor, .what, .when, .place, .message]
                + (asksForAnswer ? [.respondBy, .hasActions, .actions, .label, .url] : []) + [.link]
        }
    }
}

/// A name a message template can print.
public struct MessageField: Hashable, Sendable {
    public let name: String
    public let meaning: String
    /// What a preview prints for it.
    public let sample: Sample

    public enum Sample: Hashable, Sendable {
        case text(String)
        case flag
        case actions
        /// Only inside `{{#actions}}`.
        case insideActions
    }

    public static let recipient = MessageField(name: "recipient", meaning: "the name of the person the message is for", sample: .text("Grace Hopper"))
    public static let organization = MessageField(name: "organization", meaning: "your organization's name", sample: .text("Northside Tutoring"))
    public static let actor = MessageField(
        name: "actor", meaning: "who did it (a tutor, a parent, the office, or SessionDesk); \"You\" in the copy of the person who did it",
        sample: .text("Ms Shah"))
    public static let what = MessageField(name: "what", meaning: "the subject and student", sample: .text("Maths with Ada Lovelace"))
    public static let when = MessageField(
        name: "when", meaning: "the session's time in your time zone (for a request, the time it asks for or proposes)",
        sample: .text("Thu 26 Mar 10:00 GMT"))
    public static let message = MessageField(
        name: "message", meaning: "what the person wrote (a note or a reason), when they wrote something",
        sample: .text("Could we meet at the library?"))
    public static let respondBy = MessageField(
        name: "respondBy", meaning: "when an answer is due, while the request is open", sample: .text("Wed 25 Mar 23:59 GMT"))
    public static let hasActions = MessageField(
        name: "hasActions", meaning: "true when the message carries answer links for this person", sample: .flag)
    public static let actions = MessageField(
        name: "actions", meaning: "answer links that work without logging in, each with {{label}} and {{url}}", sample: .actions)
    public static let label = MessageField(name: "label", meaning: "inside {{#actions}}: what the link does", sample: .insideActions)
    public static let url = MessageField(name: "url", meaning: "inside {{#actions}}: the link", sample: .insideActions)
    public static let link = MessageField(
        name: "link", meaning: "the page about it in SessionDesk", sample: .text("https://desk.example/requests/r1"))
    public static let place = MessageField(
        name: "place", meaning: "where and how the session happens, once it is booked", sample: .text("Room 1, In person"))
    public static let inviter = MessageField(name: "inviter", meaning: "who sent the invitation", sample: .text("Ms Okafor"))
    public static let welcome = MessageField(
        name: "welcome", meaning: "what the account lets the person do",
        sample: .text("see your children's sessions and request, reschedule or cancel them"))
    public static let report = MessageField(
        name: "report", meaning: "the session report as its writer wrote it",
        sample: .text("Ada worked through simultaneous equations and is ready for the next topic."))
    public static let number = MessageField(name: "number", meaning: "the invoice's number", sample: .text("INV-0042"))
    public static let issued = MessageField(name: "issued", meaning: "the day the invoice was issued", sample: .text("Mon 1 Mar 2027"))
    public static let lines = MessageField(
        name: "lines", meaning: "the invoice's lines, one per session and student, with date, student, subject, length, rate and amount",
        sample: .text("Thu 25 Feb 2027 16:00 · Ada Lovelace · Maths · 60 min at £45.00/h · £45.00"))
    public static let total = MessageField(name: "total", meaning: "the invoice's total", sample: .text("£90.00"))
    public static let paid = MessageField(name: "paid", meaning: "what was paid on it so far", sample: .text("£45.00"))
    public static let due = MessageField(name: "due", meaning: "what is still due", sample: .text("£45.00"))
    public static let dueOn = MessageField(name: "dueOn", meaning: "the day payment is due", sample: .text("Mon 15 Mar 2027"))
    public static let note = MessageField(
        name: "note", meaning: "the office's note on the invoice, when there is one", sample: .text("Thank you for a great term."))
    public static let address = MessageField(
        name: "address", meaning: "your organization's postal address, when there is one", sample: .text("12 Northside Road, London N1 4AB"))
    public static let expires = MessageField(name: "expires", meaning: "when the link stops working", sample: .text("Mon 30 Mar 10:00 BST"))
}
