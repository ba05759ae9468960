import Foundation
public import Scheduling
import Storage

/// The office changes an engagement's terms or ends it. Sessions already booked keep the terms
/// they were booked with; families request through an ended engagement no more.
public struct EngagementChanges: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// New terms and, optionally, another guardian of the student to pay (nil keeps the payer).
    public func update(_ id: String, terms: EngagementTerms, clientID: String?, by caller: Caller, once key: IdempotencyKey? = nil) async throws
        -> Engagement
    {
        try caller.requireAdmin(to: "change engagements")
        try terms.validate()
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            let organizationID = caller.organizationID
            guard let before = try await db.engagement(id: id, organizationID: organizationID) else { throw DomainError.notFound("Engagement") }
            guard let organization = try await db.organization(id: organizationID),
                let student = try await db.student(id: before.studentID, organizationID: organizationID)
            else { throw DomainError.notFound("Engagement") }
            var engagement = before
            engagement.terms = terms
            if let clientID, clientID != before.clientID {
                guard let client = try await db.user(id: clientID, organizationID: organizationID), client.role == .parent else {
                    throw DomainError.notFound("Client")
                }
                guard student.guardianIDs.contains(clientID) else {
                    throw DomainError.invalid("clientId", "\(client.name) is not a guardian of \(student.name); the client must be one.")
                }
                engagement = Engagement(
                    id: before.id, organizationID: organizationID, tutorID: before.tutorID, studentID: before.studentID,
                    subjectID: before.subjectID, clientID: clientID, terms: terms, isActive: before.isActive)
            }
            let changes = try await Self.changes(from: before, to: engagement, currency: organization.currency, in: db)
            guard !changes.isEmpty else { return engagement }
            try await db.updateEngagement(engagement)
            try await OfficeAudit(dependencies: dependencies).record(
                .engagementChanged, subjectType: "engagement", subjectID: id,
                summary: "changed \(try await Self.title(of: engagement, in: db)): \(changes.joined(separator: ", "))", by: caller, at: now, in: db)
            return engagement
        }
    }

    /// The engagement, ended, and how many of its sessions stay booked (the office decides about those).
    public struct Ended: Sendable, Codable {
        public let engagement: Engagement
        public let sessionsStillBooked: Int
    }

    /// Ends the engagement. Requests still waiting for an answer must be answered first: ending it
    /// under them would leave families waiting on something nobody can accept.
    public func end(_ id: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Ended {
        try caller.requireAdmin(to: "end engagements")
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            guard var engagement = try await db.engagement(id: id, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Engagement")
            }
            let title = try await Self.title(of: engagement, in: db)
            guard engagement.isActive else { throw DomainError.conflict("\(title) has already ended.") }
            let waiting = try await db.openRequestCount(engagement: engagement)
            guard waiting == 0 else {
                throw DomainError.conflict(
                    "\(waiting == 1 ? "A request" : "\(waiting) requests") through \(title) \(waiting == 1 ? "waits" : "wait") for an answer: "
                        + "answer or decline \(waiting == 1 ? "it" : "them") first.")
            }
            engagement.isActive = false
            try await db.updateEngagement(engagement)
            let booked = try await db.scheduledSessionCount(engagement: engagement, since: now)
            try await OfficeAudit(dependencies: dependencies).record(
                .engagementEnded, subjectType: "engagement", subjectID: id,
                summary: "ended \(title)\(booked == 0 ? "" : "; \(booked) booked session\(booked == 1 ? "" : "s") kept")", by: caller, at: now,
                in: db)
            return Ended(engagement: engagement, sessionsStillBooked: booked)
        }
    }

    /// "Ann Lee teaching Sam Lee Maths".
    private static func title(of engagement: Engagement, in db: DB) async throws -> String {
        let organizationID = engagement.organizationID
        let tutor = try await db.user(id: engagement.tutorID, organizationID: organizationID)?.name ?? "the tutor"
        let student = try await db.student(id: engagement.studentID, organizationID: organizationID)?.name ?? "the student"
        let subject = try await db.subject(id: engagement.subjectID, organizationID: organizationID)?.name ?? "their subject"
        return "\(tutor) teaching \(student) \(subject)"
    }

    /// "the family's rate 45.00 → 50.00 GBP", … for the audit log.
    private static func changes(from before: Engagement, to after: Engagement, currency: String, in db: DB) async throws -> [String] {
        let (old, new) = (before.terms, after.terms)
        var changes: [String] = []
        if new.clientRatePerHour != old.clientRatePerHour {
            changes.append(
                "the family pays \(MoneyText.plain(new.clientRatePerHour)) \(currency) an hour (was \(MoneyText.plain(old.clientRatePerHour)))")
        }
        if new.tutorPayRatePerHour != old.tutorPayRatePerHour {
            changes.append(
                "the tutor earns \(MoneyText.plain(new.tutorPayRatePerHour)) \(currency) an hour (was \(MoneyText.plain(old.tutorPayRatePerHour)))")
        }
        if new.defaultDurationMinutes != old.defaultDurationMinutes {
            changes.append("usual length \(new.defaultDurationMinutes) minutes (was \(old.defaultDurationMinutes))")
        }
        if new.requestLimitMinutes != old.requestLimitMinutes {
            changes.append("longest request \(new.requestLimitMinutes) minutes (was \(old.requestLimitMinutes))")
        }
        if new.location != old.location { changes.append("location \(new.location.isEmpty ? "none" : new.location)") }
        if new.sessionType != old.sessionType { changes.append("session type \(new.sessionType)") }
        if after.clientID != before.clientID {
            let payer = try await db.user(id: after.clientID, organizationID: after.organizationID)?.name ?? "another guardian"
            changes.append("\(payer) pays")
        }
        return changes
    }
}
