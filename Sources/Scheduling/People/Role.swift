/// What a person may do inside their organization (PRODUCT.md "People and permissions").
public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
    /// The office: everything inside the organization.
    case admin
    /// Their own availability, requests, sessions and reports.
    case tutor
    /// Their own students; requests only when the office enabled it.
    case parent
}
