public import Foundation
import SQLKit

extension DB {
    /// The installation's secret called `name`: `candidate` when none was stored yet (instances
    /// starting together agree on whichever was stored first).
    public func serverKey(named name: String, candidate: String, now: Date) async throws -> String {
        try await sql.raw(
            """
            INSERT INTO server_keys (name, value, created_at) VALUES (\(bind: name), \(bind: candidate), \(bind: now.epochSeconds))
            ON CONFLICT (name) DO NOTHING
            """
        ).run()
        guard
            let value = try await sql.raw("SELECT value FROM server_keys WHERE name = \(bind: name)").first(decodingColumn: "value", as: String.self)
        else { throw CorruptRow("server key \(name) neither new nor stored") }
        return value
    }
}
