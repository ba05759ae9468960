import Foundation
import HTTPTypes
import Hummingbird
import Notifications
import Scheduling
import Workflows

/// A session's page and its cancel form; the office's booking form.
extension WebPages {
    func newSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        let input = LogSessionPage.Input(
            engagementID: query["engagement"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, date: query["date"].flatMap { LocalDate(iso: $0) })
        return try await logSessionPage(input, caller: caller, token: token, status: .ok)
    }

    /// `POST /sessions`: one of the free times offered, or a time typed in either convention, on the date chosen.
    func logSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard let form = try await sessionForm(LogForm.self, from: &request, context, session: token) else {
            return expiredForm(back: "\(WebPath.sessions)/new")
        }
        let date = LocalDate(iso: form.date)
        var input = LogSessionPage.Input(
            engagementID: form.engagement, date: date, chosenStart: form.start, time: form.time ?? "", duration: form.duration,
            location: form.location, sessionType: form.sessionType, cancelled: form.cancelled == "yes", reason: form.reason ?? "")
        do {
            guard let date else { throw DomainError.invalid("date", "Choose a date.") }
            guard let minutes = Int(form.duration.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.invalid("durationMinutes", "Write the session's length in minutes, such as 60.")
            }
            let session = try await SessionLog(dependencies).log(
                .init(
                    engagementID: form.engagement, date: date, startTime: try form.startTime(), durationMinutes: minutes,
                    location: form.location ?? "", sessionType: form.sessionType ?? "", cancelled: form.cancelled == "yes",
                    cancellationReason: form.reason ?? ""),
                by: caller)
            return .redirect(to: "\(WebPath.session(session.id))?done=\(session.status == .scheduled ? "book" : "log")", type: .found)
        } catch let refusal as DomainError where refusal.kind != .forbidden {
            input.error = refusal.message
            return try await logSessionPage(input, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    /// `GET /sessions`: the session list with its filters, a page at a time.
    func sessionList<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let filters = SessionListPage.Filters(Self.queryValues(request))
        let page = try await SessionListPage.load(filters, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "sessions"))
    }

    /// `GET /sessions/export`: what the list's filters select, every page, as a CSV download.
    func exportSessions<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, _) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let filters = SessionListPage.Filters(Self.queryValues(request))
        let now = dependencies.now()
        let today = try await Directory(dependencies).organization(for: caller).localDate(of: now)
        let file = try await SessionExport(dependencies).csv(
            .init(
                from: filters.from ?? today.adding(days: -28), to: filters.to ?? today.adding(days: 14), tutorID: filters.tutorID,
                studentID: filters.studentID, statuses: filters.status.map { [$0] }, cancellationRequested: filters.cancellationRequested,
                clientID: filters.clientID, subjectID: filters.subjectID, report: filters.report,
                invoiced: caller.role == .tutor ? nil : filters.invoiced, paid: caller.role == .tutor ? nil : filters.paid),
            for: caller)
        return Self.download(file)
    }

    private static func queryValues(_ request: Request) -> [String: String] {
        Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    func sessionDetail<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let done = request.uri.queryParameters["done"].map(String.init)
        return try await sessionPage(context.parameters.get("id") ?? "", done: done, error: nil, caller: caller, token: token, status: .ok)
    }

    func cancelSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await sessionStep(request, context, form: CancelForm.self) { form, id, caller in
            _ = try await SessionCancellation(dependencies).cancel(id, reason: form.reason, by: caller)
            return "cancel"
        }
    }

    /// `POST /sessions/{id}/complete`: the office or the tutor records that it took place.
    func completeSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await sessionStep(request, context, form: CSRFForm.self) { _, id, caller in
            _ = try await SessionRecords(dependencies).complete(id, by: caller)
            return "complete"
        }
    }

    /// `POST /sessions/{id}/late-cancellation`: it did not take place, and is charged as the settings say.
    func markLateCancellation<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await sessionStep(request, context, form: LateForm.self) { form, id, caller in
            _ = try await SessionRecords(dependencies).markLateCancellation(id, reason: form.reason ?? "", by: caller)
            return "late"
        }
    }

    /// `POST /sessions/{id}/report`: "Save", or "Save and send report" to the family.
    func saveSessionReport<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await sessionStep(request, context, form: ReportForm.self) { form, id, caller in
            let rating = try form.rating.flatMap { text -> Int? in
                guard !text.isEmpty else { return nil }
                guard let value = Int(text) else { throw DomainError.invalid("rating", "A rating is from 1 to 5.") }
                return value
            }
            let send = form.action == "send"
            _ = try await SessionReports(dependencies).save(
                id,
                SessionNotesDraft(
                    rating: rating, report: form.report ?? "", internalNote: form.internalNote ?? "", privateNotes: form.privateNotes ?? ""),
                send: send, by: caller)
            return send ? "report-sent" : "report"
        }
    }

    /// `POST /sessions/{id}/email`: one of the session emails to the family.
    func sendSessionEmail<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await sessionStep(request, context, form: EmailForm.self) { form, id, caller in
            guard let kind = MessageKind(rawValue: form.template) else { throw DomainError.invalid("template", "Choose one of the emails.") }
            _ = try await SessionEmails(dependencies).send(id, kind, message: form.message ?? "", by: caller)
            return "email"
        }
    }

    /// `POST /sessions/{id}/edit`: the office corrects the time, length, location or type.
    func updateSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await sessionStep(request, context, form: EditSessionForm.self) { form, id, caller in
            guard let date = LocalDate(iso: form.date) else { throw DomainError.invalid("date", "Choose a date.") }
            guard let time = TimeFormat.parse(form.time) else { throw DomainError.invalid("startTime", "Write the start time as 16:30 or 4:30 PM.") }
            guard let minutes = Int(form.duration.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.invalid("durationMinutes", "Write the session's length in minutes, such as 60.")
            }
            _ = try await SessionEditing(dependencies).update(
                id,
                .init(date: date, startTime: time, durationMinutes: minutes, location: form.location ?? "", sessionType: form.sessionType ?? ""),
                by: caller)
            return "edit"
        }
    }

    /// `POST /sessions/{id}/delete`: a session logged by mistake goes; the office lands on the list.
    func deleteSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard try await sessionForm(CSRFForm.self, from: &request, context, session: token) != nil else {
            return expiredForm(back: WebPath.session(id))
        }
        do {
            try await SessionEditing(dependencies).delete(id, by: caller)
            return .redirect(to: WebPath.sessions, type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound {
            return try await sessionPage(id, error: refusal.message, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    /// A form posted from a session's page; a refusal is shown on the page itself.
    private func sessionStep<Form: SignedForm, Context: RequestContext>(
        _ request: Request, _ context: Context, form: Form.Type, _ step: (Form, String, Caller) async throws -> String
    ) async throws -> Response {
        try await formStep(
            request, context, form: form, at: WebPath.session,
            page: { id, error, caller, token, status in try await sessionPage(id, error: error, caller: caller, token: token, status: status) },
            step)
    }

    /// `POST /sessions/{id}/cancellation-request[/withdraw|/clear]` (`request` cancellation mode).
    func cancellationRequest<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard let form = try await sessionForm(AskForm.self, from: &request, context, session: token) else {
            return expiredForm(back: WebPath.session(id))
        }
        let asks = SessionCancellationRequests(dependencies)
        do {
            let step = context.parameters.get("step")
            switch step {
            case nil: _ = try await asks.request(id, comment: form.comment ?? "", readWarning: form.readWarning == "yes", by: caller)
            case "withdraw": _ = try await asks.withdraw(id, by: caller)
            case "clear": _ = try await asks.clear(id, by: caller)
            default: throw DomainError.notFound("Page")
            }
            return .redirect(to: "\(WebPath.session(id))?done=\(step.map { "\($0)-ask" } ?? "ask")", type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound {
            return try await sessionPage(id, error: refusal.message, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    private func logSessionPage(_ input: LogSessionPage.Input, caller: Caller, token: String, status: HTTPResponse.Status) async throws
        -> Response
    {
        let page = try await LogSessionPage.load(input, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "session-new"), status: status)
    }

    private func sessionPage(
        _ id: String, done: String? = nil, error: String?, caller: Caller, token: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await SessionPage.load(
            id, done: done, error: error, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "session"), status: status)
    }
}

struct AskForm: SignedForm {
    let csrf: String
    let comment: String?
    let readWarning: String?
}

struct ReportForm: SignedForm {
    let csrf: String
    let rating: String?
    let report: String?
    let internalNote: String?
    let privateNotes: String?
    /// "save" or "send".
    let action: String?
}

struct EditSessionForm: SignedForm {
    let csrf: String
    let date: String
    let time: String
    let duration: String
    let location: String?
    let sessionType: String?
}

struct EmailForm: SignedForm {
    let csrf: String
    let template: String
    let message: String?
}

struct LateForm: SignedForm {
    let csrf: String
    let reason: String?
}

struct CancelForm: SignedForm {
    let csrf: String
    let reason: String
}

struct LogForm: SignedForm {
    let csrf: String
    let engagement: String
    let date: String
    /// One of the free times offered (`16:30`), or empty for `time`.
    let start: String?
    /// A time of one's own on `date`, in either convention.
    let time: String?
    let duration: String
    let location: String?
    let sessionType: String?
    /// "yes" when the session was cancelled.
    let cancelled: String?
    let reason: String?

    func startTime() throws(DomainError) -> LocalTime {
        let chosen = [start, time].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        guard let chosen else { throw DomainError.invalid("startTime", "Choose one of the free times, or type a time such as 16:30 or 4:30 PM.") }
        guard let time = TimeFormat.parse(chosen) else { throw DomainError.invalid("startTime", "Write the start time as 16:30 or 4:30 PM.") }
        return time
    }
}
