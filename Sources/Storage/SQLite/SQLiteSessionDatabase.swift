import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit's view of a borrowed `SQLiteHandle`: queries serialise with sqlite-kit's dialect and
/// encoder, then run at once on the caller's thread.
struct SQLiteSessionDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    private func run(_ query: any SQLExpression, _ onRow: @Sendable (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        for row in try handle.run(sql, try binds.map { try Self.primitive($0) ?? encoder.encode($0) }) { onRow(row) }
    }

    /// The bound types nearly every query uses, without a trip through `Encoder` for each value
    /// (sqlite-kit's encoder stores them the same way).
    private static func primitive(_ value: any Encodable & Sendable) -> SQLiteData? {
        switch value {
        case let text as String: .text(text)
        case let integer as Int: .integer(integer)
        case let integer as Int64: .integer(Int(integer))
        case let flag as Bool: .integer(flag ? 1 : 0)
        case let number as Double: .float(number)
        case let optional as String?: optional.map { .text($0) } ?? .null
        case let optional as Int64?: optional.map { .integer(Int($0)) } ?? .null
        case let optional as Int?: optional.map { .integer($0) } ?? .null
        default: nil
        }
    }
}
