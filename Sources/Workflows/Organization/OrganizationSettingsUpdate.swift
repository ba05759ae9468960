import Foundation
public import Scheduling
import Storage

/// The office changes its organization's name, zone and rules. Fields left out stay as they are.
public struct OrganizationSettingsUpdate: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Changes: Sendable {
        public var name: String?
        public var timeZone: String?
        public var requestNoticeHours: Int?
        public var responseWindowHours: Int?
        public var responseCutoff: ResponseCutoff?
        public var cancellationMode: CancellationMode?
        public var cancellationNoticeHours: Int?
        public var cancellationBufferHours: Int?
        public var cancellationWarningBufferHours: Int?
        public var cancellationWarningText: String?
        public var declinedRescheduleCancelsOriginal: Bool?
        public var requestRouting: RequestRouting?
        public var slotStepMinutes: Int?
        public var openRequestsPerEngagement: Int?
        public var timeFormat: TimeFormat?
        public var lateCancellationBilled: Bool?
        public var lateCancellationPaid: Bool?
        public var invoicePrefix: String?
        /// The office's email and phone; empty text removes one.
        public var contactEmail: String?
        public var contactPhone: String?
        public var contactAddress: String?

        public init() {}
    }

    public func apply(_ changes: Changes, by caller: Caller) async throws -> Organization {
        try caller.requireAdmin(to: "change the organization's settings")
        let now = dependencies.currentInstant()
        return try await dependencies.store.write { db in
            guard var organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
            let before = organization
            try Self.apply(changes, to: &organization)
            try await db.updateOrganization(organization)
            let changed = SettingsChangeSummary.lines(from: before, to: organization)
            if !changed.isEmpty {
                try await OfficeAudit(dependencies: dependencies).record(
                    .settingsChanged, subjectType: "organization", subjectID: organization.id,
                    summary: "changed the settings: \(changed.joined(separator: "; "))", by: caller, at: now, in: db)
            }
            return organization
        }
    }

    /// Validates everything before changing anything, reporting every bad field at once.
    static func apply(_ changes: Changes, to organization: inout Organization) throws(DomainError) {
        var issues = IssueList()
        if let name = changes.name {
            do throws(DomainError) { try Organization.validateName(name) } catch { issues.add("name", error.message) }
            organization.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let identifier = changes.timeZone {
            if let zone = TimeZoneNames.zone(identifier) {
                organization.timeZone = zone
            } else {
                issues.add("timeZone", "\"\(identifier)\" is not an IANA time zone name such as Europe/London or America/New_York.")
            }
        }
        var settings = organization.settings
        if let value = changes.requestNoticeHours { settings.requestNoticeHours = value }
        if let value = changes.responseWindowHours { settings.responseWindowHours = value }
        if let value = changes.responseCutoff { settings.responseCutoff = value }
        if let value = changes.cancellationMode { settings.cancellationMode = value }
        if let value = changes.cancellationNoticeHours { settings.cancellationNoticeHours = value }
        if let value = changes.cancellationBufferHours { settings.cancellationBufferHours = value }
        if let value = changes.cancellationWarningBufferHours { settings.cancellationWarningBufferHours = value }
        if let value = changes.cancellationWarningText { settings.cancellationWarningText = value }
        if let value = changes.declinedRescheduleCancelsOriginal { settings.declinedRescheduleCancelsOriginal = value }
        if let value = changes.requestRouting { settings.requestRouting = value }
        if let value = changes.slotStepMinutes { settings.slotStepMinutes = value }
        if let value = changes.openRequestsPerEngagement { settings.openRequestsPerEngagement = value }
        if let value = changes.timeFormat { settings.timeFormat = value }
        if let value = changes.lateCancellationBilled { settings.lateCancellationBilled = value }
        if let value = changes.lateCancellationPaid { settings.lateCancellationPaid = value }
        if let value = changes.invoicePrefix { settings.invoicePrefix = value }
        do throws(DomainError) { try settings.validate() } catch { for issue in error.issues { issues.add(issue.field, issue.message) } }
        var contact = organization.contact
        if changes.contactEmail != nil || changes.contactPhone != nil || changes.contactAddress != nil {
            do throws(DomainError) {
                contact = try OfficeContact.checked(
                    email: changes.contactEmail ?? organization.contact.email, phone: changes.contactPhone ?? organization.contact.phone,
                    address: changes.contactAddress ?? organization.contact.address)
            } catch { for issue in error.issues { issues.add(issue.field, issue.message) } }
        }
        try issues.throwIfAny()
        organization.settings = settings
        organization.contact = contact
    }
}
