/// One numbered change to the schema. Once released a migration is never edited: add another.
public struct Migration: Sendable {
    public let number: Int
    public let name: String
    /// The statements to run, in order; written once for both dialects except where a feature
    /// exists in only one (PostgreSQL exclusion constraints, for example).
    public let statements: @Sendable (Dialect) -> [String]

    public init(_ number: Int, _ name: String, statements: @escaping @Sendable (Dialect) -> [String]) {
        self.number = number
        self.name = name
        self.statements = statements
    }

    public init(_ number: Int, _ name: String, _ portable: [String]) {
        self.init(number, name) { _ in portable }
    }
}

extension Migration {
    /// Every migration, in the order they apply.
    public static let all: [Migration] = [
        .m0001OrganizationsAndUsers,
        .m0002StudentsSubjectsEngagements,
        .m0003Availability,
        .m0004Sessions,
        .m0005AccessTokensAndInvitations,
        .m0006Outbox,
        .m0007SessionRequests,
        .m0008PasswordResets,
        .m0009CancellationRequests,
        .m0010Jobs,
        .m0011CalendarInvites,
        .m0012CalendarFeeds,
        .m0013ActionLinks,
        .m0014NotificationChannel,
        .m0015MessageTemplates,
        .m0016DirectoryStamp,
        .m0017AvailabilityStampsDirectory,
        .m0018IdempotentResults,
        .m0019RequestLimits,
        .m0020ServerKeys,
        .m0021CalendarFeedHashes,
        .m0022OfficeContact,
        .m0023SessionMoney,
        .m0024SessionNotes,
        .m0025Invoices,
    ]
}
