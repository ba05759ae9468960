import Foundation
import Scheduling
import Workflows

/// The demo's books, made the way the office makes them: the first three families (by email) are
/// billed for their sessions before last week. The first has paid half, the second all; the third
/// invoice is still a draft.
enum DemoInvoices {
    static func insert(for organization: Organization, _ dependencies: Dependencies) async throws {
        let (office, parents) = try await dependencies.store.read { db in
            (try await db.users(organizationID: organization.id, role: .admin), try await db.users(organizationID: organization.id, role: .parent))
        }
        guard let clerk = office.first else { return }
        let caller = Caller(user: clerk)
        let today = organization.localDate(of: dependencies.now())
        let beforeLastWeek = today.adding(days: -(today.weekday.isoNumber - 1) - 8)
        let families = parents.sorted { $0.email.localizedStandardCompare($1.email) == .orderedAscending }.prefix(3)
        let invoicing = Invoicing(dependencies)
        for (index, family) in families.enumerated() {
            let draft = try await invoicing.create(for: family.id, .upTo(beforeLastWeek), by: caller)
            guard index < 2 else { continue }
            let invoice = try await invoicing.issue(draft.id, by: caller)
            _ = try await Payments(dependencies).record(
                .init(amount: index == 0 ? invoice.total / 2 : invoice.total, method: .bankTransfer, reference: "\(invoice.number) \(family.name)"),
                on: invoice.id, by: caller)
        }
    }
}
