import Foundation
public import Hummingbird
import Mustache
import Notifications
public import Workflows

/// The web app's pages: server-rendered HTML that works without JavaScript.
public enum WebRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, dependencies: Dependencies) async throws {
        guard let templates = WebResources.templates, let stylesheet = WebResources.stylesheet else {
            fatalError("the Web target's resources are missing")
        }
        HTMLEscaping.register()
        let pages = WebPages(
            library: try await MustacheLibrary(directory: templates.path), dependencies: dependencies,
            session: WebSession(secure: dependencies.publicBaseURL.hasPrefix("https://"), signingKey: FormSigningKey(dependencies)))
        let web = router.group().add(middleware: SecurityHeaders<Context>()).add(middleware: WebErrors<Context>(library: pages.library))
        web.get("/") { request, context in try await pages.dashboard(request, context) }
        web.get("/login") { request, context in try await pages.loginForm(request, context) }
        web.post("/login") { request, context in try await pages.logIn(request, context) }
        web.post("/logout") { request, context in try await pages.logOut(request, context) }
        web.get(RouterPath(WebPath.request("new"))) { request, context in try await pages.newRequest(request, context) }
        web.post(RouterPath(WebPath.requests)) { request, context in try await pages.createRequest(request, context) }
        web.get(RouterPath(WebPath.request(":id"))) { request, context in try await pages.requestDetail(request, context) }
        web.post(RouterPath(WebPath.request(":id") + "/:move")) { request, context in try await pages.moveRequest(request, context) }
        web.get(RouterPath(WebPath.session("new"))) { request, context in try await pages.newSession(request, context) }
        web.get(RouterPath(WebPath.sessions)) { request, context in try await pages.sessionList(request, context) }
        web.get(RouterPath(WebPath.session("export"))) { request, context in try await pages.exportSessions(request, context) }
        web.post(RouterPath(WebPath.sessions)) { request, context in try await pages.logSession(request, context) }
        web.get(RouterPath(WebPath.session(":id"))) { request, context in try await pages.sessionDetail(request, context) }
        web.post(RouterPath(WebPath.session(":id") + "/cancel")) { request, context in try await pages.cancelSession(request, context) }
        web.post(RouterPath(WebPath.session(":id") + "/complete")) { request, context in try await pages.completeSession(request, context) }
        web.post(RouterPath(WebPath.session(":id") + "/report")) { request, context in try await pages.saveSessionReport(request, context) }
        web.post(RouterPath(WebPath.session(":id") + "/email")) { request, context in try await pages.sendSessionEmail(request, context) }
        web.post(RouterPath(WebPath.session(":id") + "/edit")) { request, context in try await pages.updateSession(request, context) }
        web.post(RouterPath(WebPath.session(":id") + "/delete")) { request, context in try await pages.deleteSession(request, context) }
        web.post(RouterPath(WebPath.session(":id") + "/late-cancellation")) { request, context in
            try await pages.markLateCancellation(request, context)
        }
        web.post(RouterPath(WebPath.session(":id") + "/cancellation-request")) { request, context in
            try await pages.cancellationRequest(request, context)
        }
        web.post(RouterPath(WebPath.session(":id") + "/cancellation-request/:step")) { request, context in
            try await pages.cancellationRequest(request, context)
        }
        web.get(RouterPath(WebPath.invoices)) { request, context in try await pages.invoiceList(request, context) }
        web.get(RouterPath(WebPath.billing)) { request, context in try await pages.invoiceList(request, context) }
        web.post(RouterPath(WebPath.invoices)) { request, context in try await pages.createInvoice(request, context) }
        web.get(RouterPath(WebPath.invoice(":id"))) { request, context in try await pages.invoiceDetail(request, context) }
        web.post(RouterPath(WebPath.invoice(":id"))) { request, context in try await pages.updateInvoice(request, context) }
        web.post(RouterPath(WebPath.invoice(":id") + "/issue")) { request, context in try await pages.issueInvoice(request, context) }
        web.post(RouterPath(WebPath.invoice(":id") + "/delete")) { request, context in try await pages.deleteInvoice(request, context) }
        web.post(RouterPath(WebPath.invoice(":id") + "/void")) { request, context in try await pages.voidInvoice(request, context) }
        web.post(RouterPath(WebPath.invoice(":id") + "/send")) { request, context in try await pages.sendInvoice(request, context) }
        web.post(RouterPath(WebPath.invoice(":id") + "/payments")) { request, context in try await pages.recordPayment(request, context) }
        web.get("/earnings") { request, context in try await pages.earnings(request, context) }
        web.get("/earnings/export") { request, context in try await pages.exportEarnings(request, context) }
        web.get("/availability") { request, context in try await pages.availability(request, context) }
        web.post("/availability/:part") { request, context in try await pages.changeAvailability(request, context) }
        web.get("/office/requests") { request, context in try await pages.officeRequests(request, context) }
        web.get("/people") { request, context in try await pages.people(request, context) }
        web.post("/people/:kind") { request, context in try await pages.addToPeople(request, context) }
        web.get("/people/:kind/:id") { request, context in try await pages.editInPeople(request, context) }
        web.post("/people/:kind/:id") { request, context in try await pages.saveInPeople(request, context) }
        web.post("/people/:kind/:id/:step") { request, context in try await pages.changeInPeople(request, context) }
        web.get("/messages") { request, context in try await pages.messages(request, context) }
        web.post("/messages/settings") { request, context in try await pages.saveNotificationSettings(request, context) }
        web.post("/messages/:id/retry") { request, context in try await pages.retryMessage(request, context) }
        web.get("/settings/messages") { request, context in try await pages.messageTemplates(request, context) }
        web.get("/settings/messages/:kind") { request, context in try await pages.messageTemplate(request, context) }
        web.post("/settings/messages/:kind") { request, context in try await pages.changeMessageTemplate(request, context) }
        web.get("/audit") { request, context in try await pages.audit(request, context) }
        web.get(RouterPath(WebPath.calendar)) { request, context in try await pages.calendar(request, context) }
        web.get(RouterPath(WebPath.calendarFeed + "/:token")) { request, context in try await pages.calendarFeed(request, context) }
        web.post(RouterPath(WebPath.calendarFeed)) { request, context in try await pages.makeCalendarFeed(request, context) }
        web.get("/settings") { request, context in try await pages.settings(request, context) }
        web.post("/settings") { request, context in try await pages.saveSettings(request, context) }
        web.get(RouterPath(WebPath.passwordReset)) { request, context in try await pages.passwordResetForm(request, context) }
        web.post(RouterPath(WebPath.passwordReset)) { request, context in try await pages.requestPasswordReset(request, context) }
        web.get(RouterPath(WebPath.passwordReset(":token"))) { request, context in try await pages.passwordResetLink(request, context) }
        web.post(RouterPath(WebPath.passwordReset(":token"))) { request, context in try await pages.completePasswordReset(request, context) }
        web.get(RouterPath(WebPath.actionLink(":token"))) { request, context in try await pages.actionLink(request, context) }
        web.post(RouterPath(WebPath.actionLink(":token"))) { request, context in try await pages.useActionLink(request, context) }
        web.get(RouterPath(WebPath.invitation(":token"))) { request, context in try await pages.invitation(request, context) }
        web.post(RouterPath(WebPath.invitation(":token"))) { request, context in try await pages.acceptInvitation(request, context) }
        web.get("/assets/app.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(bytes: stylesheet)))
        }
    }
}
