import Foundation
import Notifications
import Scheduling
import Testing

@testable import Workflows

@Suite struct MessageTemplateTests {
    static var declined: [String: Any] {
        [
            "recipient": "Grace Hopper", "organization": "Northside", "actor": "Ms Shah", "what": "Maths with Ada",
            "when": "Thu 26 Mar 10:00 GMT", "link": "https://desk.test/requests/r1",
            "message": "I am away that week.",
        ]
    }

    @Test func theStandardWordingOfADeclineQuotesTheReason() throws {
        let words = try MessageRendering(.standard(.event(.declined))).render(Self.declined, sms: false)
        #expect(words.subject == "Session request declined: Maths with Ada, Thu 26 Mar 10:00 GMT")
        #expect(
            words.body == """
                Hello Grace Hopper,

                Ms Shah declined the session request for Maths with Ada on Thu 26 Mar 10:00 GMT.

                Ms Shah wrote:
                I am away that week.

                Details: https://desk.test/requests/r1

                — Northside
                """)
        let text = try MessageRendering(.standard(.event(.declined))).render(Self.declined, sms: true)
        #expect(
            text.body == "Northside: Ms Shah declined the session request for Maths with Ada on Thu 26 Mar 10:00 GMT. https://desk.test/requests/r1")
    }

    @Test func aSubjectIsRenderedOnceForEveryoneUnlessItNamesSomethingPersonal() throws {
        let standard = try MessageRendering(.standard(.event(.declined)))
        #expect(standard.sharedSubject(Self.declined) == "Session request declined: Maths with Ada, Thu 26 Mar 10:00 GMT")
        for subject in ["For {{recipient}}", "{{#hasActions}}Answer: {{/hasActions}}{{what}}", "{{#actions}}{{label}}{{/actions}}", "{{.}}"] {
            let personal = try MessageRendering(MessageTemplate(subject: subject, body: "", text: nil))
            #expect(personal.sharedSubject(Self.declined) == nil, "\(subject)")
        }
        let named = try MessageRendering(MessageTemplate(subject: "For {{recipient}}: {{what}}", body: "", text: nil))
        #expect(named.render(Self.declined, sms: false).subject == "For Grace Hopper: Maths with Ada")
    }

    @Test func aDeadlineAndAnswerLinksShowOnlyWhenThereAreSome() throws {
        var values: [String: Any] = [
            "recipient": "Ms Shah", "organization": "Northside", "actor": "Grace Hopper", "what": "Maths with Ada", "when": "Thu 26 Mar 10:00 GMT",
            "link": "https://desk.test/requests/r1", "respondBy": "Wed 25 Mar 23:59 GMT",
        ]
        values.merge(MessageValues.actions([("Accept", "https://desk.test/a/1"), ("Decline", "https://desk.test/a/2")]), uniquingKeysWith: { $1 })
        let body = try MessageRendering(.standard(.event(.requested))).render(values, sms: false).body
        #expect(
            body == """
                Hello Ms Shah,

                Grace Hopper requested a session: Maths with Ada on Thu 26 Mar 10:00 GMT.

                An answer is due by Wed 25 Mar 23:59 GMT; without one the request is declined automatically.

                Answer without logging in (each link works once):
                Accept: https://desk.test/a/1
                Decline: https://desk.test/a/2

                Details: https://desk.test/requests/r1

                — Northside
                """)
    }

    @Test func whatPeopleTypeIsPrintedAsTypedAndNeverReadAsTemplate() throws {
        var values = Self.declined
        values["message"] = "{{link}} <b>& \"quotes\"</b>\nline two"
        values["what"] = "Maths {{#x}}"
        let words = try MessageRendering(.standard(.event(.declined))).render(values, sms: false)
        #expect(words.body.contains("{{link}} <b>& \"quotes\"</b>\nline two"))
        #expect(words.subject == "Session request declined: Maths {{#x}}, Thu 26 Mar 10:00 GMT")
    }

    @Test func aSubjectIsOneLineWhateverTheValues() throws {
        var values = Self.declined
        values["what"] = "Maths\r\nBcc: someone@else.example"
        #expect(
            try MessageRendering(.standard(.event(.declined))).render(values, sms: false).subject
                == "Session request declined: Maths Bcc: someone@else.example, Thu 26 Mar 10:00 GMT")
    }

    @Test(arguments: MessageKind.allCases)
    func everyStandardWordingPassesTheRulesAnOfficeMeets(_ kind: MessageKind) throws {
        try MessageTemplateRules.check(.standard(kind), for: kind)
        let sample = MessageRendering.standard(kind).render(MessageValues.sample(for: kind), sms: false)
        #expect(!sample.subject.isEmpty && !sample.body.contains("{{"), "\(kind)")
        #expect((MessageTemplate.standard(kind).text != nil) == kind.canBeTexted)
    }

    @Test func subjectsAndBodiesAreTrimmedWithoutLosingTheirInsides() {
        #expect(MessageRendering.oneLine("Plain subject, kept") == "Plain subject, kept")
        #expect(MessageRendering.oneLine(" Two  spaces\tand\r\na break ") == "Two spaces and a break")
        #expect(MessageRendering.trimmed("\n\n  Hello,\n\n  world  \n") == "Hello,\n\n  world")
        #expect(MessageRendering.trimmed(" \n ") == "" && MessageRendering.trimmed("é") == "é")
    }

    static func refusal(_ template: MessageTemplate, _ kind: MessageKind = .event(.declined)) -> DomainError? {
        do throws(DomainError) {
            try MessageTemplateRules.check(template, for: kind)
            return nil
        } catch { return error }
    }

    @Test func anOfficesMistakesAreNamed() {
        let good = MessageTemplate.standard(.event(.declined))
        var unknown = good
        unknown.body = "Hello {{recipent}}"
        #expect(
            Self.refusal(unknown)?.message.hasPrefix("{{recipent}} is not a field of this message. Fields: recipient, organization, actor") == true)
        var open = good
        open.body = "Hello\n{{#message}}\n{{message}}"
        #expect(Self.refusal(open)?.message == "The body has a mistake on line 3: a section is opened ({{#…}} or {{^…}}) but never closed ({{/…}}).")
        var partial = good
        partial.text = "{{> secrets}}"
        #expect(Self.refusal(partial)?.message == "{{> secrets}} is not allowed here: templates print fields and show or hide sections only.")
        var twoLines = good
        twoLines.subject = "One\nTwo"
        #expect(Self.refusal(twoLines)?.message == "A subject must be one line of text without a line break.")
        var longSubject = good
        longSubject.subject = "Declined \u{1F44D}\u{1F3FB}" + String(repeating: "*", count: 290)
        #expect(Self.refusal(longSubject)?.message == "The subject can be at most 300 characters.")
        var noText = good
        noText.text = nil
        #expect(Self.refusal(noText)?.message == "The text message cannot be empty.")
        var textedReset = MessageTemplate.standard(.passwordReset)
        textedReset.text = "{{link}}"
        #expect(Self.refusal(textedReset, .passwordReset)?.issues.map(\.field) == ["text"])
        var reminderField = MessageTemplate.standard(.reminder)
        reminderField.body = "{{actor}}"
        #expect(Self.refusal(reminderField, .reminder)?.message.hasPrefix("{{actor}} is not a field of this message.") == true)
        var triple = MessageTemplate.standard(.event(.requested))
        triple.body = "{{{message}}} {{! a comment }} {{#actions}}{{label}} {{url}}{{/actions}}"
        #expect(Self.refusal(triple, .event(.requested)) == nil, "triple braces, comments and the fields inside actions are fine")
        var answered = good
        answered.body = "{{#actions}}{{url}}{{/actions}}"
        #expect(Self.refusal(answered)?.message.hasPrefix("{{#actions}} is not a field of this message.") == true, "a decline asks nothing")
    }
}
