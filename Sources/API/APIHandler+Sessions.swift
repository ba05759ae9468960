import Foundation
import Notifications
import Scheduling
import Workflows

extension APIHandler {
    func listSessions(_ input: Operations.ListSessions.Input) async throws -> Operations.ListSessions.Output {
        let q = input.query
        var query = try Self.sessionQuery(
            from: q.from, to: q.to, tutorID: q.tutorId, studentID: q.studentId, clientID: q.clientId, subjectID: q.subjectId,
            statuses: q.status?.map(\.rawValue), report: q.report?.rawValue, cancellationRequested: q.cancellationRequested,
            invoiced: q.invoiced, paid: q.paid)
        query.limit = q.limit ?? 100
        if let text = q.cursor {
            guard let cursor = SessionCursor(text: text) else {
                let message = "The cursor cannot be read: pass back a nextCursor exactly as it was given."
                throw DomainError(.malformed, message, issues: [FieldIssue(field: "cursor", message: message)])
            }
            query.after = cursor
        }
        let caller = try RequestScope.caller()
        let listing = try await SessionDirectory(dependencies).list(query, for: caller)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: listing.sessions.map {
                            .init(
                                $0, in: listing.organization, for: caller,
                                billing: caller.role == .tutor ? nil : listing.billing[$0.id] ?? SessionBilling([], visibleTo: caller))
                        }, nextCursor: listing.nextCursor?.text))))
    }

    func exportSessions(_ input: Operations.ExportSessions.Input) async throws -> Operations.ExportSessions.Output {
        let q = input.query
        let query = try Self.sessionQuery(
            from: q.from, to: q.to, tutorID: q.tutorId, studentID: q.studentId, clientID: q.clientId, subjectID: q.subjectId,
            statuses: q.status?.map(\.rawValue), report: q.report?.rawValue, cancellationRequested: q.cancellationRequested,
            invoiced: q.invoiced, paid: q.paid)
        let file = try await SessionExport(dependencies).csv(query, for: try RequestScope.caller())
        return .ok(.init(body: .csv(.init(file.text))))
    }

    /// The filters `listSessions` and `exportSessions` share.
    static func sessionQuery(
        from: String, to: String, tutorID: String?, studentID: String?, clientID: String?, subjectID: String?, statuses: [String]?,
        report: String?, cancellationRequested: Bool?, invoiced: Bool?, paid: Bool?
    ) throws -> SessionDirectory.Query {
        SessionDirectory.Query(
            from: try QueryDate.parse(from, field: "from"), to: try QueryDate.parse(to, field: "to"), tutorID: tutorID, studentID: studentID,
            statuses: statuses?.map { SessionStatus(rawValue: $0)! }, cancellationRequested: cancellationRequested ?? false, clientID: clientID,
            subjectID: subjectID, report: report.flatMap(SessionReportFilter.init(rawValue:)), invoiced: invoiced, paid: paid)
    }

    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        var details: SessionDetails?
        if body.location != nil || body.sessionType != nil || body.className != nil || body.room != nil {
            details = SessionDetails(
                location: body.location ?? "", sessionType: body.sessionType ?? "", className: body.className ?? "", room: body.room ?? "")
        }
        let session = try await SessionBooking(dependencies).book(
            .init(engagementID: body.engagementId, start: body.start, durationMinutes: body.durationMinutes, details: details), by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "createSession", body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .created(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func logSession(_ input: Operations.LogSession.Input) async throws -> Operations.LogSession.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        guard let startTime = TimeFormat.parse(body.startTime) else {
            throw DomainError.invalid("startTime", "Write the start time as 16:30 or 4:30 PM.")
        }
        let entry = SessionLog.Entry(
            engagementID: body.engagementId, date: try QueryDate.parse(body.date, field: "date"), startTime: startTime,
            durationMinutes: body.durationMinutes, location: body.location, sessionType: body.sessionType, cancelled: body.cancelled ?? false,
            cancellationReason: body.cancellationReason ?? "")
        let session = try await SessionLog(dependencies).log(
            entry, by: caller, once: try IdempotentCall.key(input.headers.idempotencyKey, "logSession", body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .created(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func completeSession(_ input: Operations.CompleteSession.Input) async throws -> Operations.CompleteSession.Output {
        let caller = try RequestScope.caller()
        let session = try await SessionRecords(dependencies).complete(
            input.path.sessionId, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "completeSession", input.path.sessionId, body: ""))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func markLateCancellation(_ input: Operations.MarkLateCancellation.Input) async throws -> Operations.MarkLateCancellation.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let reason = body.reason ?? ""
        let caller = try RequestScope.caller()
        let session = try await SessionRecords(dependencies).markLateCancellation(
            input.path.sessionId, reason: reason, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "markLateCancellation", input.path.sessionId, body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func saveSessionReport(_ input: Operations.SaveSessionReport.Input) async throws -> Operations.SaveSessionReport.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let session = try await SessionReports(dependencies).save(
            input.path.sessionId,
            SessionNotesDraft(rating: body.rating, report: body.report, internalNote: body.internalNote, privateNotes: body.privateNotes),
            send: body.send ?? false, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "saveSessionReport", input.path.sessionId, body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func sendSessionEmail(_ input: Operations.SendSessionEmail.Input) async throws -> Operations.SendSessionEmail.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let session = try await SessionEmails(dependencies).send(
            input.path.sessionId, MessageKind(rawValue: body.template.rawValue)!, message: body.message ?? "", by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "sendSessionEmail", input.path.sessionId, body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func getSession(_ input: Operations.GetSession.Input) async throws -> Operations.GetSession.Output {
        let caller = try RequestScope.caller()
        let detail = try await SessionDirectory(dependencies).session(input.path.sessionId, for: caller)
        return .ok(.init(body: .json(.init(detail.session, in: detail.organization, for: caller, detail: detail))))
    }

    func cancelSession(_ input: Operations.CancelSession.Input) async throws -> Operations.CancelSession.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let session = try await SessionCancellation(dependencies).cancel(
            input.path.sessionId, reason: body.reason, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "cancelSession", input.path.sessionId, body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func requestSessionCancellation(_ input: Operations.RequestSessionCancellation.Input) async throws
        -> Operations.RequestSessionCancellation.Output
    {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let session = try await SessionCancellationRequests(dependencies).request(
            input.path.sessionId, comment: body.comment ?? "", readWarning: body.readWarning ?? false, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "requestSessionCancellation", input.path.sessionId, body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(detail.session, in: detail.organization, for: caller, detail: detail))))
    }

    func deleteSessionCancellationRequest(_ input: Operations.DeleteSessionCancellationRequest.Input) async throws
        -> Operations.DeleteSessionCancellationRequest.Output
    {
        let caller = try RequestScope.caller()
        let requests = SessionCancellationRequests(dependencies)
        let session =
            caller.role == .parent
            ? try await requests.withdraw(input.path.sessionId, by: caller) : try await requests.clear(input.path.sessionId, by: caller)
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(detail.session, in: detail.organization, for: caller, detail: detail))))
    }

    func listAuditEvents(_ input: Operations.ListAuditEvents.Input) async throws -> Operations.ListAuditEvents.Output {
        var cursor = input.query.before.map(AuditCursor.init(before:))
        if let text = input.query.cursor {
            guard let given = AuditCursor(text: text) else {
                let message = "The cursor cannot be read: pass back a nextCursor exactly as it was given."
                throw DomainError(.malformed, message, issues: [FieldIssue(field: "cursor", message: message)])
            }
            cursor = given
        }
        let limit = input.query.limit ?? 100
        let events = try await AuditLog(dependencies).events(
            subjectID: input.query.subjectId, before: cursor, limit: limit, for: try RequestScope.caller())
        return .ok(
            .init(
                body: .json(
                    .init(items: events.map(Components.Schemas.AuditEvent.init), nextCursor: events.count == limit ? events.last?.cursor.text : nil)))
        )
    }
}

extension APIHandler {
    func updateSession(_ input: Operations.UpdateSession.Input) async throws -> Operations.UpdateSession.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let startTime = try body.startTime.map { text throws(DomainError) -> LocalTime in
            guard let time = TimeFormat.parse(text) else { throw DomainError.invalid("startTime", "Write the start time as 16:30 or 4:30 PM.") }
            return time
        }
        let changes = SessionEditing.Changes(
            date: try QueryDate.parseOptional(body.date, field: "date"), startTime: startTime, durationMinutes: body.durationMinutes,
            location: body.location, sessionType: body.sessionType)
        let session = try await SessionEditing(dependencies).update(
            input.path.sessionId, changes, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "updateSession", input.path.sessionId, body: body))
        let detail = try await SessionDirectory(dependencies).session(session.id, for: caller)
        return .ok(.init(body: .json(.init(session, in: detail.organization, for: caller, detail: detail))))
    }

    func deleteSession(_ input: Operations.DeleteSession.Input) async throws -> Operations.DeleteSession.Output {
        try await SessionEditing(dependencies).delete(input.path.sessionId, by: try RequestScope.caller())
        return .noContent(.init())
    }
}
