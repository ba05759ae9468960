import Foundation
import Scheduling
import Workflows

/// The office's audit log: who did what to which record, newest first, a page at a time.
struct AuditPage {
    let chrome: PageChrome
    let timeZone: String
    let events: [Row]
    /// The link to the next (older) page, when there is one.
    let older: String?

    struct Row {
        let when: String
        let actor: String
        let role: String
        let summary: String
        let link: String?
    }

    static let pageSize = 50

    static func load(before: AuditCursor?, for caller: Caller, csrf: String, dependencies: Dependencies) async throws -> AuditPage {
        let events = try await AuditLog(dependencies).events(before: before, limit: pageSize, for: caller)
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        return AuditPage(
            chrome: .signedIn(title: "Audit log", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: dependencies.now()),
            events: events.map { event in
                Row(
                    when: organization.describe(event.createdAt), actor: event.actorName,
                    role: Role(rawValue: event.actorRole)?.wording ?? "System", summary: summary(of: event), link: link(to: event))
            },
            older: events.count == pageSize ? events.last.map { "/audit?before=\($0.cursor.text)" } : nil)
    }

    /// What was done, after the actor's name. Events logged before summaries left the name out
    /// begin with it; it is not printed twice.
    private static func summary(of event: AuditEvent) -> String {
        event.summary.hasPrefix(event.actorName + " ") ? String(event.summary.dropFirst(event.actorName.count + 1)) : event.summary
    }

    /// The page about what the event was done to.
    private static func link(to event: AuditEvent) -> String? {
        switch event.subjectType {
        case "session_request": WebPath.request(event.subjectID)
        case "session": WebPath.session(event.subjectID)
        case "organization": "/settings"
        case "message_template": "/settings/messages/\(event.subjectID)"
        case "user", "student", "subject", "engagement": "/people"
        case "availability": "/availability?tutor=\(event.subjectID)"
        case "notification": "/messages"
        case "invoice": WebPath.invoice(event.subjectID)
        default: nil
        }
    }
}
