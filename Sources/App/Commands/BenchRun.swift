import Configuration
import Foundation
import Workflows

/// What every benchmark command does around its measurement: a database (the one given, or a new
/// SQLite file in a temporary folder, removed afterwards), a temporary mail folder for what the
/// worker delivers, quiet logs, and the figures printed last.
enum BenchRun {
    static func run(
        database: String?, settings: [String: ConfigContent] = [:],
        _ body: @Sendable @escaping (AppConfiguration, Dependencies) async throws -> [String]
    ) async throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-bench-\(UUID().uuidString)")
        let url = database ?? "sqlite:\(temporary.path).sqlite"
        let mail = temporary.path + "-mail"
        defer {
            if database == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + ".sqlite" + suffix) }
            }
            try? FileManager.default.removeItem(atPath: mail)
        }
        let configuration = try AppConfiguration(
            reader: AppConfiguration.reader(
                commandLine: settings.merging(["database.url": .string(url), "log.level": .string("warning"), "mail.folder": .string(mail)]) { $1 }))
        let logger = Runtime.logger(configuration)
        let report = try await Runtime.withStore(configuration, logger: logger) { store in
            try await body(configuration, Runtime.dependencies(configuration, store: store, logger: logger))
        }
        for line in report { print(line) }
    }
}
