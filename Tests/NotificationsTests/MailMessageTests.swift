import Foundation
import Testing

@testable import Notifications

@Suite struct MailMessageTests {
    let message = MailMessage(
        from: MailAddress(name: "Northside Tutoring", address: "office@northside.example"),
        to: [MailAddress(name: "Zoë Ng", address: "zoe@family.example")],
        subject: "Session confirmed: Maths — Zoë, Tue 14 Jan 16:00",
        text: "Hello Zoë,\n\n.A line starting with a dot\nPrice = 40 £ \nDetails: https://desk.example/requests/r1",
        html: "<p>Hello Zoë</p>",
        messageID: "01JABC@northside.example",
        date: Date(timeIntervalSince1970: 1_795_435_200))

    @Test func headersAreEncodedAndStable() {
        let rendered = message.rendered()
        #expect(rendered == message.rendered(), "a retry must render the same bytes")
        #expect(rendered.contains("Date: Mon, 23 Nov 2026 12:00:00 +0000\r\n"))
        #expect(rendered.contains("From: \"Northside Tutoring\" <office@northside.example>\r\n"))
        #expect(rendered.contains("To: =?UTF-8?B?\(Data("Zoë Ng".utf8).base64EncodedString())?= <zoe@family.example>\r\n"))
        #expect(rendered.contains("Message-ID: <01JABC@northside.example>\r\n"))
        #expect(rendered.contains("Subject: =?UTF-8?B?"))
        #expect(rendered.contains("Content-Type: multipart/alternative; boundary="))
        for line in rendered.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
            #expect(!line.contains("\n") && !line.contains("\r"), "bare line break in \(line)")
        }
    }

    @Test func quotedPrintableKeepsEveryByte() {
        let text = "Price = 40 £ \n" + String(repeating: "é", count: 60) + "\nend"
        let encoded = QuotedPrintable.encode(text)
        #expect(encoded.contains("Price =3D 40 =C2=A3=20\r\n"), "= and £ and the trailing space are encoded")
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(Self.decodeQuotedPrintable(encoded) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func longSubjectsFoldIntoSeveralWords() {
        let subject = String(repeating: "Ünïcödé ", count: 20)
        let header = EncodedWord.header("Subject", subject)
        let words = header.dropFirst("Subject: ".count).components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        let decoded = words.map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst("=?UTF-8?B?".count).dropLast(2)))!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
    }

    @Test func attachmentsMakeAMixedMessage() {
        let invite = MailMessage(
            from: MailAddress(address: "a@x.example"), to: [MailAddress(address: "b@y.example")], subject: "Invite", text: "See attached",
            html: nil,
            attachments: [
                .init(contentType: "text/calendar; charset=utf-8; method=REQUEST", filename: "invite.ics", content: Data("BEGIN:VCALENDAR".utf8))
            ],
            messageID: "m1@x.example", date: Date(timeIntervalSince1970: 0))
        let rendered = invite.rendered()
        #expect(rendered.contains("Content-Type: multipart/mixed; boundary="))
        #expect(rendered.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\n"))
        #expect(rendered.contains(Data("BEGIN:VCALENDAR".utf8).base64EncodedString()))
    }

    @Test func addressesParseAndUnsafeOnesAreRefused() {
        #expect(
            MailAddress(parsing: "Northside Tutoring <office@northside.example>")
                == MailAddress(name: "Northside Tutoring", address: "office@northside.example"))
        #expect(MailAddress(parsing: "office@northside.example") == MailAddress(address: "office@northside.example"))
        #expect(MailAddress(parsing: "Bad <a@b.example>\r\nRCPT TO:<c@d.example>") == nil)
        #expect(!SMTPClient.isEnvelopeSafe("a@b.example>\r\nDATA"))
        #expect(SMTPClient.isEnvelopeSafe("parent+1@family.example"))
    }

    @Test func smtpURLsAreRead() throws {
        let server = try SMTPServer(url: "smtps://user%40x:p%3Ass@mail.example?ca=/tmp/ca.pem")
        #expect(server.security == .implicitTLS && server.port == 465 && server.host == "mail.example")
        #expect(server.username == "user@x" && server.password == "p:ss" && server.extraCAFile == "/tmp/ca.pem")
        #expect(server.description == "smtps://user@x@mail.example:465", "the password stays out of logs")
        #expect(try SMTPServer(url: "smtp://127.0.0.1:2525").security == .startTLSWhenOffered)
        #expect(throws: SMTPError.self) { try SMTPServer(url: "http://mail.example") }
        #expect(throws: SMTPError.self) { try SMTPServer(url: "smtp://mail.example?verify=no") }
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let byte = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
