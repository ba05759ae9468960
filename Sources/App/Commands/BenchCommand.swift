import ArgumentParser
import Configuration
import Foundation

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the speed of a part of SessionDesk; the last line is key=value figures.",
        subcommands: [SlotsBenchCommand.self, RequestsBenchCommand.self])
}

struct SlotsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots",
        abstract: "Free slots of one tutor over 28 days, among 50 tutors with 20 sessions each: pure, and through the store.")

    @Option(
        help: "Database URL; default a new SQLite file in a temporary folder. Use a scratch PostgreSQL database: the benchmark adds an organization.")
    var database: String?

    @Option(help: "Timed repetitions of each measurement.")
    var iterations = 2_000

    func run() async throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-bench-\(UUID().uuidString)")
        let url = database ?? "sqlite:\(temporary.path).sqlite"
        defer {
            if database == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + ".sqlite" + suffix) }
            }
        }
        let configuration = try AppConfiguration(
            reader: AppConfiguration.reader(commandLine: ["database.url": .string(url), "password.cost": .int(4)]))
        let logger = {
            var logger = Runtime.logger(configuration)
            logger.logLevel = .warning
            return logger
        }()
        let iterations = iterations
        let figures = try await Runtime.withStore(configuration, logger: logger) { store in
            try await SlotBenchmark(dependencies: Runtime.dependencies(configuration, store: store, logger: logger)).run(iterations: iterations)
        }
        for line in figures.report { print(line) }
    }
}

struct RequestsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Families requesting and the office accepting sessions over HTTP, and a same-slot race.")

    @Option(
        help: "Database URL; default a new SQLite file in a temporary folder. Use a scratch PostgreSQL database: the benchmark adds an organization.")
    var database: String?

    @Option(help: "Concurrent clients, each a family with its own tutor.")
    var clients = 32

    @Option(help: "How long the clients run, in seconds.")
    var seconds = 10.0

    @Option(help: "Families requesting one slot at once.")
    var race = 200

    func run() async throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-bench-\(UUID().uuidString)")
        let url = database ?? "sqlite:\(temporary.path).sqlite"
        defer {
            if database == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + ".sqlite" + suffix) }
            }
        }
        let configuration = try AppConfiguration(
            reader: AppConfiguration.reader(commandLine: ["database.url": .string(url), "log.level": .string("warning")]))
        let logger = Runtime.logger(configuration)
        let (clients, seconds, race) = (clients, seconds, race)
        let figures = try await Runtime.withStore(configuration, logger: logger) { store in
            try await RequestBenchmark(
                dependencies: Runtime.dependencies(configuration, store: store, logger: logger), configuration: configuration, clients: clients,
                seconds: seconds, raceSize: race
            ).run()
        }
        for line in figures.report { print(line) }
    }
}
