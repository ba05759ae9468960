import Foundation
import Scheduling
import Workflows

extension APIHandler {
    func listInvoices(_ input: Operations.ListInvoices.Input) async throws -> Operations.ListInvoices.Output {
        let caller = try RequestScope.caller()
        let q = input.query
        let filter = InvoiceFilter(
            clientID: q.clientId, statuses: q.status.map { [InvoiceStatus(rawValue: $0.rawValue)!] }, unpaid: q.unpaid ?? false)
        let listing = try await InvoiceBook(dependencies).invoices(filter, for: caller)
        return .ok(
            .init(
                body: .json(
                    .init(invoices: listing.invoices.map { .init($0, clientName: listing.clientNames[$0.clientID] ?? "", payments: []) }))))
    }

    func createInvoice(_ input: Operations.CreateInvoice.Input) async throws -> Operations.CreateInvoice.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let selection: Invoicing.Selection
        switch (body.upTo, body.sessionIds) {
        case (.some, .some):
            throw DomainError.invalid("sessionIds", "Give either upTo or sessionIds, not both.")
        case (_, .some(let ids)):
            selection = .sessions(ids)
        case (let upTo, nil):
            selection = .upTo(try QueryDate.parseOptional(upTo, field: "upTo"))
        }
        let invoice = try await Invoicing(dependencies).create(
            for: body.clientId, selection, note: body.note ?? "", by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "createInvoice", body: body))
        return .created(.init(body: .json(.init(try await InvoiceBook(dependencies).record(invoice.id, for: caller)))))
    }

    func getInvoice(_ input: Operations.GetInvoice.Input) async throws -> Operations.GetInvoice.Output {
        .ok(.init(body: .json(.init(try await InvoiceBook(dependencies).record(input.path.invoiceId, for: try RequestScope.caller())))))
    }

    func updateInvoice(_ input: Operations.UpdateInvoice.Input) async throws -> Operations.UpdateInvoice.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let changes = Invoicing.Changes(
            note: body.note, dueOn: try QueryDate.parseOptional(body.dueOn, field: "dueOn"), sessionIDs: body.sessionIds)
        let invoice = try await Invoicing(dependencies).update(
            input.path.invoiceId, changes, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "updateInvoice", input.path.invoiceId, body: body))
        return .ok(.init(body: .json(.init(try await InvoiceBook(dependencies).record(invoice.id, for: caller)))))
    }

    func deleteInvoice(_ input: Operations.DeleteInvoice.Input) async throws -> Operations.DeleteInvoice.Output {
        try await Invoicing(dependencies).delete(input.path.invoiceId, by: try RequestScope.caller())
        return .noContent(.init())
    }

    func issueInvoice(_ input: Operations.IssueInvoice.Input) async throws -> Operations.IssueInvoice.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let invoice = try await Invoicing(dependencies).issue(
            input.path.invoiceId, dueOn: try QueryDate.parseOptional(body.dueOn, field: "dueOn"), by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "issueInvoice", input.path.invoiceId, body: body))
        return .ok(.init(body: .json(.init(try await InvoiceBook(dependencies).record(invoice.id, for: caller)))))
    }

    func voidInvoice(_ input: Operations.VoidInvoice.Input) async throws -> Operations.VoidInvoice.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let invoice = try await Invoicing(dependencies).void(
            input.path.invoiceId, reason: body.reason ?? "", by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "voidInvoice", input.path.invoiceId, body: body))
        return .ok(.init(body: .json(.init(try await InvoiceBook(dependencies).record(invoice.id, for: caller)))))
    }

    func sendInvoice(_ input: Operations.SendInvoice.Input) async throws -> Operations.SendInvoice.Output {
        let caller = try RequestScope.caller()
        let invoice = try await InvoiceSending(dependencies).send(
            input.path.invoiceId, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "sendInvoice", input.path.invoiceId, body: ""))
        return .ok(.init(body: .json(.init(try await InvoiceBook(dependencies).record(invoice.id, for: caller)))))
    }

    func recordPayment(_ input: Operations.RecordPayment.Input) async throws -> Operations.RecordPayment.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let received = Payments.Received(
            amount: body.amount, paidOn: try QueryDate.parseOptional(body.paidOn, field: "paidOn"),
            method: PaymentMethod(rawValue: body.method.rawValue)!, reference: body.reference ?? "")
        let invoice = try await Payments(dependencies).record(
            received, on: input.path.invoiceId, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "recordPayment", input.path.invoiceId, body: body))
        return .created(.init(body: .json(.init(try await InvoiceBook(dependencies).record(invoice.id, for: caller)))))
    }

    func listBalances(_ input: Operations.ListBalances.Input) async throws -> Operations.ListBalances.Output {
        let caller = try RequestScope.caller()
        let sheet = try await InvoiceBook(dependencies).balanceSheet(for: caller)
        return .ok(
            .init(
                body: .json(
                    .init(
                        currency: sheet.currency,
                        clients: sheet.clients.map {
                            .init(
                                clientId: $0.balance.clientID, clientName: $0.name, invoiced: $0.balance.invoiced, paid: $0.balance.paid,
                                due: $0.balance.due, openInvoices: $0.balance.openInvoices)
                        }, invoiced: sheet.invoiced, paid: sheet.paid, due: sheet.due))))
    }
}

extension APIHandler {
    func getTutorEarnings(_ input: Operations.GetTutorEarnings.Input) async throws -> Operations.GetTutorEarnings.Output {
        let q = input.query
        let report = try await TutorPayroll(dependencies).report(
            from: try QueryDate.parse(q.from, field: "from"), to: try QueryDate.parse(q.to, field: "to"), tutorID: q.tutorId,
            for: try RequestScope.caller())
        return .ok(
            .init(
                body: .json(
                    .init(
                        currency: report.organization.currency, from: report.from.iso, to: report.to.iso,
                        tutors: report.tutors.map { earnings, name in
                            .init(
                                tutorId: earnings.tutorID, tutorName: name, sessions: earnings.lines.count, minutes: earnings.minutes,
                                total: earnings.total,
                                lines: earnings.lines.map {
                                    .init(
                                        sessionId: $0.sessionID, start: $0.start, durationMinutes: $0.minutes,
                                        studentNames: $0.studentIDs.compactMap { report.studentNames[$0] },
                                        subjectName: report.subjectNames[$0.subjectID] ?? "", status: .init(rawValue: $0.status.rawValue)!,
                                        earnings: $0.earnings)
                                })
                        }, total: report.total))))
    }

    func exportTutorEarnings(_ input: Operations.ExportTutorEarnings.Input) async throws -> Operations.ExportTutorEarnings.Output {
        let q = input.query
        let file = try await TutorPayroll(dependencies).csv(
            from: try QueryDate.parse(q.from, field: "from"), to: try QueryDate.parse(q.to, field: "to"), tutorID: q.tutorId,
            for: try RequestScope.caller())
        return .ok(.init(body: .csv(.init(file.text))))
    }
}
