public import Logging
public import Storage

/// Where email goes: an SMTP server, or `.eml` files in a folder when none is configured.
public enum EmailDestination: Sendable {
    case smtp(SMTPServer)
    case folder(String)
}

/// Email notifications through an SMTP server, or written as `.eml` files when none is configured.
public struct EmailTransport: MessageTransport {
    enum Carrier: Sendable {
        case smtp(SMTPClient)
        case folder(MailFolder)
    }

    let carrier: Carrier
    let composition: EmailComposition

    public func deliver(_ messages: [OutboxMessage], report: (Int, DeliveryOutcome) async -> Void) async {
        let mails = messages.map(composition.mail(for:))
        switch carrier {
        case .smtp(let client):
            let outgoing = mails.map { OutgoingMail(sender: composition.sender.address, recipients: $0.to.map(\.address), data: $0.rendered()) }
            await client.send(outgoing) { index, result in
                switch result {
                case .success: await report(index, .delivered)
                case .failure(let error): await report(index, .failed(error.description, permanent: error.isPermanent))
                }
            }
        case .folder(let folder):
            for (index, mail) in mails.enumerated() {
                do {
                    try folder.write(mail)
                    await report(index, .delivered)
                } catch {
                    await report(index, .failed("could not write to \(folder.path): \(error)", permanent: false))
                }
            }
        }
    }
}

extension EmailTransport {
    public init(to destination: EmailDestination, from sender: MailAddress, logger: Logger) throws {
        switch destination {
        case .smtp(let server):
            let name = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
            carrier = .smtp(try SMTPClient(server: server, clientName: name, logger: logger))
        case .folder(let path):
            carrier = .folder(try MailFolder(path: path))
        }
        composition = EmailComposition(sender: sender)
    }
}
