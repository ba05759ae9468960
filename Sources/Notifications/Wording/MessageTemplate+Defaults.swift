extension MessageTemplate {
    /// What every organization starts with, and returns to on reset.
    public static func standard(_ kind: MessageKind) -> MessageTemplate {
        switch kind {
        case .reminder:
            MessageTemplate(
                subject: "Today: {{what}}, {{when}}",
                body: """
                    Hello {{recipient}},

                    A reminder of today's session: {{what}}, {{when}}{{#place}} ({{place}}){{/place}}.

                    Details: {{link}}

                    — {{organization}}
                    """,
                text: "{{organization}}: today {{what}}, {{when}}{{#place}} ({{place}}){{/place}}. {{link}}")
        case .invoice:
            MessageTemplate(
                subject: "Invoice {{number}} from {{organization}}",
                body: """
                    Hello {{recipient}},

                    Here is invoice {{number}} from {{organization}}, issued {{issued}}.

                    {{lines}}

                    Total: {{total}}
                    Paid: {{paid}}
                    Due by {{dueOn}}: {{due}}
                    {{#note}}

                    {{note}}
                    {{/note}}

                    See it and print it here: {{link}}

                    — {{organization}}{{#address}}
                    {{address}}{{/address}}
                    """,
                text: nil)
        case .invitation:
            MessageTemplate(
                subject: "{{organization}} invites you to SessionDesk",
                body: """
                    Hello {{recipient}},

                    {{inviter}} at {{organization}} has invited you to SessionDesk, where you can {{welcome}}.

                    Choose your password here (the link works once, until {{expires}}):
                    {{link}}

                    If you did not expect this email, you can ignore it.
                    """,
                text: nil)
        case .sessionReport:
            MessageTemplate(
                subject: "Session report: {{what}}, {{when}}",
                body: """
                    Hello {{recipient}},

                    {{actor}} wrote a report on the session {{what}} on {{when}}:

                    {{report}}

                    Details: {{link}}

                    — {{organization}}
                    """,
                text: "{{organization}}: {{actor}} wrote a report on {{what}}, {{when}}. Read it here: {{link}}")
        case .cancellationProcessed:
            MessageTemplate(
                subject: "Your cancellation request has been processed: {{what}}, {{when}}",
                body: """
                    Hello {{recipient}},

                    Your cancellation request has been processed: {{what}} on {{when}}.
                    {{#message}}

                    {{message}}
                    {{/message}}

                    Details: {{link}}

                    — {{organization}}
                    """,
                text: "{{organization}}: your cancellation request for {{what}}, {{when}} has been processed. {{link}}")
        case .sessionStaysBooked:
            MessageTemplate(
                subject: "Your session stays booked: {{what}}, {{when}}",
                body: """
                    Hello {{recipient}},

                    We have received your notification to remove the cancellation status: {{what}} on {{when}} stays booked.
                    {{#message}}

                    {{message}}
                    {{/message}}

                    Details: {{link}}

                    — {{organization}}
                    """,
                text: "{{organization}}: {{what}}, {{when}} stays booked; the cancellation status is removed. {{link}}")
        case .passwordReset:
            MessageTemplate(
                subject: "Choose a new SessionDesk password",
                body: """
                    Hello {{recipient}},

                    Someone (we hope you) asked to reset your password for {{organization}} on SessionDesk.

                    Choose a new one here (the link works once, until {{expires}}):
                    {{link}}

                    If it was not you, ignore this email: your password stays as it is.
                    """,
                text: nil)
        default:
            lifecycle(
                subject: subject(kind), headline: headline(kind), quotesMessage: kind != .event(.expired) && kind != .event(.originalCancelled),
                asksForAnswer: kind.asksForAnswer)
        }
    }

    /// A request's or session's news: the headline, what the person wrote, the deadline, answer
    /// links, and where to read more.
    private static func lifecycle(subject: String, headline: String, quotesMessage: Bool, asksForAnswer: Bool) -> MessageTemplate {
        let quote = quotesMessage ? "{{#message}}\n{{actor}} wrote:\n{{message}}\n\n{{/message}}\n" : ""
        let answer =
            asksForAnswer
            ? """
            {{#respondBy}}
            An answer is due by {{respondBy}}; without one the request is declined automatically.

            {{/respondBy}}
            {{#hasActions}}
            Answer without logging in (each link works once):
            {{#actions}}
            {{label}}: {{url}}
            {{/actions}}

            {{/hasActions}}

            """ : ""
        return MessageTemplate(
            subject: subject,
            body: """
                Hello {{recipient}},

                \(headline)

                \(quote)\(answer)Details: {{link}}

                — {{organization}}
                """,
            text: "{{organization}}: \(headline) {{link}}")
    }

    private static func subject(_ kind: MessageKind) -> String {
        switch kind {
        case .event(.requested): "Session requested: {{what}}, {{when}}"
        case .event(.rescheduleRequested): "Reschedule requested: {{what}}, {{when}}"
        case .event(.accepted), .event(.proposalAccepted): "Session confirmed: {{what}}, {{when}}"
        case .event(.declined): "Session request declined: {{what}}, {{when}}"
        case .event(.proposed): "Another time proposed: {{what}}, {{when}}"
        case .event(.replied): "Reply to the proposed time: {{what}}"
        case .event(.proposalDeclined), .event(.withdrawn): "Session request withdrawn: {{what}}, {{when}}"
        case .event(.expired): "Session request expired: {{what}}, {{when}}"
        case .event(.sessionCreated): "Session booked: {{what}}, {{when}}"
        case .event(.sessionMoved): "Session moved: {{what}}, now {{when}}"
        case .event(.sessionCancelled), .event(.originalCancelled): "Session cancelled: {{what}}, {{when}}"
        case .event(.cancellationRequested): "Cancellation requested: {{what}}, {{when}}"
        case .event(.cancellationRequestWithdrawn): "Cancellation request withdrawn: {{what}}, {{when}}"
        case .event(.cancellationRequestCleared): "Your session goes ahead: {{what}}, {{when}}"
        case .reminder, .sessionReport, .cancellationProcessed, .sessionStaysBooked, .invoice, .invitation, .passwordReset: ""
        }
    }

    private static func headline(_ kind: MessageKind) -> String {
        switch kind {
        case .event(.requested): "{{actor}} requested a session: {{what}} on {{when}}."
        case .event(.rescheduleRequested): "{{actor}} asked to move a session: {{what}}, to {{when}}."
        case .event(.accepted): "{{actor}} confirmed the session: {{what}} on {{when}}{{#place}} ({{place}}){{/place}}."
        case .event(.proposalAccepted): "{{actor}} accepted the proposed time: {{what}} on {{when}}{{#place}} ({{place}}){{/place}} is confirmed."
        case .event(.declined): "{{actor}} declined the session request for {{what}} on {{when}}."
        case .event(.proposed): "{{actor}} proposed another time for {{what}}: {{when}}."
        case .event(.replied): "{{actor}} replied to the proposed time for {{what}}; the request is now for {{when}}."
        case .event(.proposalDeclined): "{{actor}} declined the proposed time for {{what}}; the request for {{when}} is withdrawn."
        case .event(.withdrawn): "{{actor}} withdrew the session request for {{what}} on {{when}}."
        case .event(.expired): "Nobody answered the session request for {{what}} on {{when}} in time, so it was declined automatically."
        case .event(.sessionCreated): "{{actor}} booked a session: {{what}} on {{when}}{{#place}} ({{place}}){{/place}}."
        case .event(.sessionMoved): "{{actor}} moved the session {{what}}: it is now on {{when}}{{#place}} ({{place}}){{/place}}."
        case .event(.sessionCancelled): "{{actor}} cancelled the session {{what}} on {{when}}."
        case .event(.originalCancelled): "The session {{what}} on {{when}} will not take place: {{message}}"
        case .event(.cancellationRequested): "{{actor}} asked the office to cancel the session {{what}} on {{when}}."
        case .event(.cancellationRequestWithdrawn): "{{actor}} took back the request to cancel {{what}} on {{when}}; it goes ahead."
        case .event(.cancellationRequestCleared): "{{actor}} cleared your request to cancel {{what}} on {{when}}: the session goes ahead."
        case .reminder, .sessionReport, .cancellationProcessed, .sessionStaysBooked, .invoice, .invitation, .passwordReset: ""
        }
    }
}
