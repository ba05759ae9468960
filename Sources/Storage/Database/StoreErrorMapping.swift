import Logging
import NIOCore
import SQLKit

/// A driver's connection that reports its failures as `StoreError`s where the query fails, so a
/// workflow can catch a refusal of the database (`StoreError.exclusionViolation`) at the statement
/// that caused it. Failures that are not refusals pass unchanged.
struct StoreErrorMapping: SQLDatabase {
    let base: any SQLDatabase

    init(_ base: any SQLDatabase) { self.base = base }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow).flatMapErrorThrowing { throw StoreError.translate($0) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        do {
            try await base.execute(sql: query, onRow)
        } catch {
            throw StoreError.translate(error)
        }
    }
}
