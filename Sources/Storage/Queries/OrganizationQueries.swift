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
                request_routing, slot_step_minutes, open_requests_per_engagement, created_at)
            VALUES (
                \(bind: organization.id), \(bind: organization.name), \(bind: organization.timeZone.identifier),
                \(bind: organization.currency), \(bind: s.requestNoticeHours), \(bind: s.responseWindowHours),
                \(bind: s.responseCutoff.rawValue), \(bind: s.cancellationMode.rawValue), \(bind: s.cancellationNoticeHours),
                \(bind: s.cancellationBufferHours), \(bind: s.cancellationWarningBufferHours), \(bind: s.cancellationWarningText),
                \(bind: s.declinedRescheduleCancelsOriginal), \(bind: s.requestRouting.rawValue), \(bind: s.slotStepMinutes),
                \(bind: s.openRequestsPerEngagement), \(bind: now.epochSeconds))
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
                open_requests_per_engagement = \(bind: s.openRequestsPerEngagement)
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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        timeZone = try row.decode(column: "time_zone", as: String.self)
        currency = try row.decode(column: "currency", as: String.self)
        requestNoticeHours = try row.decode(column: "request_notice_hours", as: Int.self)
        responseWindowHours = try row.decode(column: "response_window_hours", as: Int.self)
        responseCutoff = try row.decode(column: "response_cutoff", as: String.self)
        cancellationMode = try row.decode(column: "cancellation_mode", as: String.self)
        cancellationNoticeHours = try row.decode(column: "cancellation_notice_hours", as: Int.self)
        cancellationBufferHours = try row.decode(column: "cancellation_buffer_hours", as: Int.self)
        cancellationWarningBufferHours = try row.decode(column: "cancellation_warning_buffer_hours", as: Int.self)
        cancellationWarningText = try row.decode(column: "cancellation_warning_text", as: String.self)
        declinedRescheduleCancelsOriginal = try row.decode(column: "declined_reschedule_cancels_original", as: Bool.self)
        requestRouting = try row.decode(column: "request_routing", as: String.self)
        slotStepMinutes = try row.decode(column: "slot_step_minutes", as: Int.self)
        openRequestsPerEngagement = try row.decode(column: "open_requests_per_engagement", as: Int.self)
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
        return Organization(id: id, name: name, timeZone: zone, currency: currency, settings: settings)
    }
}
