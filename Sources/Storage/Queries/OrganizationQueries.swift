public import Foundation
import SQLKit
public import Scheduling

extension DB {
    public func insertOrganization(_ organization: Organization, now: Date) async throws {
        let s = organization.settings
        try await sql.raw(
            """
            INSERT INTO organizations (
                id, name, time_zone, currency, request_notice_hours, response_window_hours, response_cutoff,
                cancellation_mode, cancellation_notice_hours, cancellation_buffer_hours,
                cancellation_warning_buffer_hours, cancellation_warning_text, declined_reschedule_cancels_original,
                request_routing, slot_step_minutes, open_requests_per_engagement, time_format, late_cancellation_billed,
                late_cancellation_paid, invoice_prefix, contact_email, contact_phone, contact_address, created_at)
            VALUES (
                \(bind: organization.id), \(bind: organization.name), \(bind: organization.timeZone.identifier),
                \(bind: organization.currency), \(bind: s.requestNoticeHours), \(bind: s.responseWindowHours),
                \(bind: s.responseCutoff.rawValue), \(bind: s.cancellationMode.rawValue), \(bind: s.cancellationNoticeHours),
                \(bind: s.cancellationBufferHours), \(bind: s.cancellationWarningBufferHours), \(bind: s.cancellationWarningText),
                \(bind: s.declinedRescheduleCancelsOriginal), \(bind: s.requestRouting.rawValue), \(bind: s.slotStepMinutes),
                \(bind: s.openRequestsPerEngagement), \(bind: s.timeFormat.rawValue), \(bind: s.lateCancellationBilled),
                \(bind: s.lateCancellationPaid), \(bind: s.invoicePrefix), \(bind: organization.contact.email),
                \(bind: organization.contact.phone), \(bind: organization.contact.address), \(bind: now.epochSeconds))
            """
        ).run()
    }

    public func organization(id: String) async throws -> Organization? {
        try await stampedOrganization(id: id)?.organization
    }

    /// The organization and its directory stamp, which changes whenever its people, students,
    /// families, subjects, engagements or message wording do (migration 16's triggers set it).
    public func stampedOrganization(id: String) async throws -> (organization: Organization, directoryStamp: Int64)? {
        guard let row = try await sql.raw("SELECT * FROM organizations WHERE id = \(bind: id)").first() else { return nil }
        return (try OrganizationRow(row: row).model(), try row.decode(column: "directory_stamp", as: Int64.self))
    }

    /// Writes the name, zone and every setting.
    public func updateOrganization(_ organization: Organization) async throws {
        let s = organization.settings
        try await sql.raw(
            """
            UPDATE organizations SET
                name = \(bind: organization.name), time_zone = \(bind: organization.timeZone.identifier),
                request_notice_hours = \(bind: s.requestNoticeHours), response_window_hours = \(bind: s.responseWindowHours),
                response_cutoff = \(bind: s.responseCutoff.rawValue), cancellation_mode = \(bind: s.cancellationMode.rawValue),
                cancellation_notice_hours = \(bind: s.cancellationNoticeHours),
                cancellation_buffer_hours = \(bind: s.cancellationBufferHours),
                cancellation_warning_buffer_hours = \(bind: s.cancellationWarningBufferHours),
                cancellation_warning_text = \(bind: s.cancellationWarningText),
                declined_reschedule_cancels_original = \(bind: s.declinedRescheduleCancelsOriginal),
                request_routing = \(bind: s.requestRouting.rawValue), slot_step_minutes = \(bind: s.slotStepMinutes),
                open_requests_per_engagement = \(bind: s.openRequestsPerEngagement), time_format = \(bind: s.timeFormat.rawValue),
                late_cancellation_billed = \(bind: s.lateCancellationBilled), late_cancellation_paid = \(bind: s.lateCancellationPaid),
                invoice_prefix = \(bind: s.invoicePrefix), contact_email = \(bind: organization.contact.email),
                contact_phone = \(bind: organization.contact.phone), contact_address = \(bind: organization.contact.address)
            WHERE id = \(bind: organization.id)
            """
        ).run()
    }

    /// Whether any organization exists: `serve --demo` seeds only an empty database.
    public func hasOrganizations() async throws -> Bool {
        try await sql.raw("SELECT id FROM organizations LIMIT 1").first() != nil
    }
}

/// Read column by column, as every move loads its organization (see `UserRow`).
struct OrganizationRow {
    let id: String
    let name: String
    let timeZone: String
    let currency: String
    let requestNoticeHours: Int
    let responseWindowHours: Int
    let responseCutoff: String
    let cancellationMode: String
    let cancellationNoticeHours: Int
    let cancellationBufferHours: Int
    let cancellationWarningBufferHours: Int
    let cancellationWarningText: String
    let declinedRescheduleCancelsOriginal: Bool
    let requestRouting: String
    let slotStepMinutes: Int
    let openRequestsPerEngagement: Int
    let timeFormat: String
    let lateCancellationBilled: Bool
    let lateCancellationPaid: Bool
    let invoicePrefix: String
    let contactEmail: String?
    let contactPhone: String?
    let contactAddress: String?

    /// The columns as `o.name AS organization_name`, for queries that join organizations as `o`.
    static let joinedColumns = [
        "id", "name", "time_zone", "currency", "request_notice_hours", "response_window_hours", "response_cutoff", "cancellation_mode",
        "cancellation_notice_hours", "cancellation_buffer_hours", "cancellation_warning_buffer_hours", "cancellation_warning_text",
        "declined_reschedule_cancels_original", "request_routing", "slot_step_minutes", "open_requests_per_engagement", "time_format",
        "late_cancellation_billed", "late_cancellation_paid", "invoice_prefix", "contact_email", "contact_phone", "contact_address",
    ].map { "o.\($0) AS organization_\($0)" }.joined(separator: ", ")

    /// `prefix` is `organization_` for rows of a query that selected `joinedColumns`.
    init(row: any SQLRow, prefix: String = "") throws {
        func column<T: Decodable>(_ name: String, _ type: T.Type) throws -> T { try row.decode(column: prefix + name, as: type) }
        id = try column("id", String.self)
        name = try column("name", String.self)
        timeZone = try column("time_zone", String.self)
        currency = try column("currency", String.self)
        requestNoticeHours = try column("request_notice_hours", Int.self)
        responseWindowHours = try column("response_window_hours", Int.self)
        responseCutoff = try column("response_cutoff", String.self)
        cancellationMode = try column("cancellation_mode", String.self)
        cancellationNoticeHours = try column("cancellation_notice_hours", Int.self)
        cancellationBufferHours = try column("cancellation_buffer_hours", Int.self)
        cancellationWarningBufferHours = try column("cancellation_warning_buffer_hours", Int.self)
        cancellationWarningText = try column("cancellation_warning_text", String.self)
        declinedRescheduleCancelsOriginal = try column("declined_reschedule_cancels_original", Bool.self)
        requestRouting = try column("request_routing", String.self)
        slotStepMinutes = try column("slot_step_minutes", Int.self)
        openRequestsPerEngagement = try column("open_requests_per_engagement", Int.self)
        timeFormat = try column("time_format", String.self)
        lateCancellationBilled = try column("late_cancellation_billed", Bool.self)
        lateCancellationPaid = try column("late_cancellation_paid", Bool.self)
        invoicePrefix = try column("invoice_prefix", String.self)
        contactEmail = try row.decodeNil(column: prefix + "contact_email") ? nil : column("contact_email", String.self)
        contactPhone = try row.decodeNil(column: prefix + "contact_phone") ? nil : column("contact_phone", String.self)
        contactAddress = try row.decodeNil(column: prefix + "contact_address") ? nil : column("contact_address", String.self)
    }

    func model() throws -> Organization {
        guard let zone = TimeZone(identifier: timeZone) else { throw CorruptRow("organization \(id): time zone \(timeZone)") }
        var settings = OrganizationSettings()
        settings.requestNoticeHours = requestNoticeHours
        settings.responseWindowHours = responseWindowHours
        settings.responseCutoff = try decodeEnum(responseCutoff)
        settings.cancellationMode = try decodeEnum(cancellationMode)
        settings.cancellationNoticeHours = cancellationNoticeHours
        settings.cancellationBufferHours = cancellationBufferHours
        settings.cancellationWarningBufferHours = cancellationWarningBufferHours
        settings.cancellationWarningText = cancellationWarningText
        settings.declinedRescheduleCancelsOriginal = declinedRescheduleCancelsOriginal
        settings.requestRouting = try decodeEnum(requestRouting)
        settings.slotStepMinutes = slotStepMinutes
        settings.openRequestsPerEngagement = openRequestsPerEngagement
        settings.timeFormat = try decodeEnum(timeFormat)
        settings.lateCancellationBilled = lateCancellationBilled
        settings.lateCancellationPaid = lateCancellationPaid
        settings.invoicePrefix = invoicePrefix
        return Organization(
            id: id, name: name, timeZone: zone, currency: currency, settings: settings,
            contact: OfficeContact(email: contactEmail, phone: contactPhone, address: contactAddress))
    }
}
