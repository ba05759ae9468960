import Foundation
import Scheduling
import Workflows

extension APIHandler {
    func getOrganization(_ input: Operations.GetOrganization.Input) async throws -> Operations.GetOrganization.Output {
        .ok(.init(body: .json(.init(try RequestScope.organization()))))
    }

    func updateOrganizationSettings(
        _ input: Operations.UpdateOrganizationSettings.Input
    ) async throws -> Operations.UpdateOrganizationSettings.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        var changes = OrganizationSettingsUpdate.Changes()
        changes.name = body.name
        changes.timeZone = body.timeZone
        changes.requestNoticeHours = body.requestNoticeHours
        changes.responseWindowHours = body.responseWindowHours
        changes.responseCutoff = body.responseCutoff.map { ResponseCutoff(rawValue: $0.rawValue)! }
        changes.cancellationMode = body.cancellationMode.map { CancellationMode(rawValue: $0.rawValue)! }
        changes.cancellationNoticeHours = body.cancellationNoticeHours
        changes.cancellationBufferHours = body.cancellationBufferHours
        changes.cancellationWarningBufferHours = body.cancellationWarningBufferHours
        changes.cancellationWarningText = body.cancellationWarningText
        changes.declinedRescheduleCancelsOriginal = body.declinedRescheduleCancelsOriginal
        changes.requestRouting = body.requestRouting.map { RequestRouting(rawValue: $0.rawValue)! }
        changes.slotStepMinutes = body.slotStepMinutes
        changes.openRequestsPerEngagement = body.openRequestsPerEngagement
        changes.timeFormat = body.timeFormat.map { TimeFormat(rawValue: $0.rawValue)! }
        changes.lateCancellationBilled = body.lateCancellationBilled
        changes.lateCancellationPaid = body.lateCancellationPaid
        changes.invoicePrefix = body.invoicePrefix
        changes.contactEmail = body.contactEmail
        changes.contactPhone = body.contactPhone
        changes.contactAddress = body.contactAddress
        let organization = try await OrganizationSettingsUpdate(dependencies).apply(changes, by: try RequestScope.caller())
        return .ok(.init(body: .json(.init(organization))))
    }
}
