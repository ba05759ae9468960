import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// The office's invoices and a family's billing page; an invoice's page and the forms on it.
extension WebPages {
    /// `GET /invoices` (the office) and `GET /billing` (a family): each sends the other to their own.
    func invoiceList<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let own = caller.isAdmin ? WebPath.invoices : WebPath.billing
        guard request.uri.path == own else { return .redirect(to: own, type: .found) }
        let query = request.uri.queryParameters
        let page = try await InvoiceListPage.load(
            clientID: query["client"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
            status: query["status"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, for: caller,
            csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "invoices"))
    }

    /// `POST /invoices`: a draft for the client of every session not yet invoiced up to the day chosen.
    func createInvoice<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard let form = try await sessionForm(NewInvoiceForm.self, from: &request, context, session: token) else {
            return expiredForm(back: WebPath.invoices)
        }
        do {
            guard let client = form.client, !client.isEmpty else { throw DomainError.invalid("clientId", "Choose the client to invoice.") }
            let upTo = try Self.formDate(form.upTo, field: "upTo", refusal: "Choose the last day to invoice.")
            let invoice = try await Invoicing(dependencies).create(for: client, .upTo(upTo), note: form.note ?? "", by: caller)
            return .redirect(to: "\(WebPath.invoice(invoice.id))?done=created", type: .found)
        } catch let refusal as DomainError where refusal.kind != .forbidden {
            let page = try await InvoiceListPage.load(
                clientID: nil, status: nil,
                typed: .init(clientID: form.client, upTo: form.upTo, note: form.note ?? "", error: refusal.message), for: caller,
                csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
            return html(render(page, "invoices"), status: Self.status(of: refusal))
        }
    }

    func invoiceDetail<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        return try await invoicePage(
            context.parameters.get("id") ?? "", done: query["done"].map(String.init), error: nil, paper: query["paper"].map(String.init),
            caller: caller, token: token, status: .ok)
    }

    /// `POST /invoices/{id}`: a draft's sessions, due date and note.
    func updateInvoice<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await invoiceStep(request, context, form: DraftForm.self) { form, id, caller in
            let dueOn = try Self.formDate(form.dueOn, field: "dueOn", refusal: "Choose the day payment is due.")
            guard let sessions = form.sessions, !sessions.isEmpty else {
                throw DomainError.invalid("sessionIds", "Tick at least one session, or delete the draft.")
            }
            _ = try await Invoicing(dependencies).update(id, .init(note: form.note ?? "", dueOn: dueOn, sessionIDs: sessions), by: caller)
            return "saved"
        }
    }

    func issueInvoice<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await invoiceStep(request, context, form: CSRFForm.self) { _, id, caller in
            _ = try await Invoicing(dependencies).issue(id, by: caller)
            return "issued"
        }
    }

    /// `POST /invoices/{id}/delete`: a draft goes; the office lands on the list again.
    func deleteInvoice<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard try await sessionForm(CSRFForm.self, from: &request, context, session: token) != nil else {
            return expiredForm(back: WebPath.invoice(id))
        }
        do {
            try await Invoicing(dependencies).delete(id, by: caller)
            return .redirect(to: WebPath.invoices, type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound {
            return try await invoicePage(id, error: refusal.message, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    func voidInvoice<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await invoiceStep(request, context, form: LateForm.self) { form, id, caller in
            _ = try await Invoicing(dependencies).void(id, reason: form.reason ?? "", by: caller)
            return "voided"
        }
    }

    func sendInvoice<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await invoiceStep(request, context, form: CSRFForm.self) { _, id, caller in
            _ = try await InvoiceSending(dependencies).send(id, by: caller)
            return "sent"
        }
    }

    func recordPayment<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await invoiceStep(request, context, form: PaymentForm.self) { form, id, caller in
            guard let amount = MoneyWording.minorUnits(form.amount) else {
                throw DomainError.invalid("amount", "Write the amount received, such as 45 or 45.50.")
            }
            guard let method = PaymentMethod(rawValue: form.method) else { throw DomainError.invalid("method", "Choose how it was paid.") }
            let paidOn = try Self.formDate(form.paidOn, field: "paidOn", refusal: "Choose the day the money arrived.")
            _ = try await Payments(dependencies).record(
                .init(amount: amount, paidOn: paidOn, method: method, reference: form.reference ?? ""), on: id, by: caller)
            return "paid"
        }
    }

    /// A form posted from an invoice's page; a refusal is shown on the page itself.
    private func invoiceStep<Form: SignedForm, Context: RequestContext>(
        _ request: Request, _ context: Context, form: Form.Type, _ step: (Form, String, Caller) async throws -> String
    ) async throws -> Response {
        try await formStep(
            request, context, form: form, at: WebPath.invoice,
            page: { id, error, caller, token, status in try await invoicePage(id, error: error, caller: caller, token: token, status: status) },
            step)
    }

    private func invoicePage(
        _ id: String, done: String? = nil, error: String?, paper: String? = nil, caller: Caller, token: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await InvoicePage.load(
            id, done: done, error: error, paper: paper, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "invoice"), status: status)
    }
}

struct NewInvoiceForm: SignedForm {
    let csrf: String
    let client: String?
    let upTo: String?
    let note: String?
}

struct DraftForm: SignedForm {
    let csrf: String
    let sessions: [String]?
    let dueOn: String?
    let note: String?
}

struct PaymentForm: SignedForm {
    let csrf: String
    let amount: String
    let paidOn: String?
    let method: String
    let reference: String?
}
