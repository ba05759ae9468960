import ArgumentParser
import Configuration
import Foundation
import Notifications
import Storage

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the speed of a part of SessionDesk; the last line is key=value figures.",
        subcommands: [
            SlotsBenchCommand.self, ReadsBenchCommand.self, RequestsBenchCommand.self, PagesBenchCommand.self, SessionsBenchCommand.self,
            DeliveryBenchCommand.self,
        ])
}

struct SlotsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots",
        abstract: "Free slots of one tutor over 28 days, among 50 tutors with 20 sessions each: pure, and through the store.")

    @Option(help: Help.database)
    var database: String?

    @Option(help: "Timed repetitions of each measurement.")
    var iterations = 2_000

    func run() async throws {
        let iterations = iterations
        try await BenchRun.run(database: database, settings: ["password.cost": .int(4)]) { _, dependencies in
            try await SlotBenchmark(dependencies: dependencies).run(iterations: iterations).report
        }
    }
}

struct ReadsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reads",
        abstract: "One tutor's free slots for 28 days against GET /me over HTTP, in the same run: the ratio of their rates.")

    @Option(help: Help.database)
    var database: String?

    @Option(help: "Concurrent keep-alive connections.")
    var clients = 32

    @Option(help: "Seconds of each of the four phases.")
    var seconds = 5.0

    func run() async throws {
        let (clients, seconds) = (clients, seconds)
        try await BenchRun.run(database: database) { configuration, dependencies in
            try await ReadBenchmark(dependencies: dependencies, configuration: configuration, clients: clients, seconds: seconds).run().report
        }
    }
}

struct RequestsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Families requesting and the office accepting sessions over HTTP, and a same-slot race.")

    @Option(help: Help.database)
    var database: String?

    @Option(help: "Concurrent clients, each a family with its own tutor.")
    var clients = 32

    @Option(help: "How long the clients run, in seconds.")
    var seconds = 10.0

    @Option(help: "Families requesting one slot at once.")
    var race = 200

    @Flag(
        help:
            "Instead of a request and an acceptance, each round reads the family's account (GET /me) twice: what HTTP, JSON and signing in alone cost."
    )
    var httpOnly = false

    @Flag(
        help:
            "Instead of HTTP, each client calls the request and accept workflows in this process: what the moves and the single writer cost alone."
    )
    var direct = false

    func validate() throws {
        guard !(httpOnly && direct) else { throw ValidationError("Choose --http-only or --direct, not both.") }
    }

    func run() async throws {
        let mode: RequestBenchmark.Mode = httpOnly ? .httpOnly : direct ? .direct : .pairs
        let (clients, seconds, race) = (clients, seconds, race)
        try await BenchRun.run(database: database) { configuration, dependencies in
            try await RequestBenchmark(
                dependencies: dependencies, configuration: configuration, clients: clients, seconds: seconds, raceSize: race, mode: mode
            )
            .run().report
        }
    }
}

struct PagesBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Server time of the tutor dashboard and the office's needs-action page with a year of data, over HTTP.")

    @Option(help: Help.database)
    var database: String?

    @Option(help: "Sessions over the year around today.")
    var sessions = 5_000

    @Option(help: "Open (pending) requests in the coming weeks.")
    var requests = 500

    @Option(help: "Timed requests of each page.")
    var iterations = 300

    func run() async throws {
        let (sessions, requests, iterations) = (sessions, requests, iterations)
        try await BenchRun.run(database: database) { configuration, dependencies in
            try await PageBenchmark(
                dependencies: dependencies, configuration: configuration, sessions: sessions, openRequests: requests, iterations: iterations
            ).run().report
        }
    }
}

struct SessionsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "The office's session list (one page) and CSV export over HTTP, at 1,000 and at --sessions sessions in the same run.")

    @Option(help: Help.database)
    var database: String?

    @Option(help: "Sessions of the large organization.")
    var sessions = 100_000

    @Option(help: "Timed requests of the page at each size (the export: a twentieth, at least 5).")
    var iterations = 200

    func run() async throws {
        let (sessions, iterations) = (sessions, iterations)
        try await BenchRun.run(database: database) { configuration, dependencies in
            try await SessionListBenchmark(dependencies: dependencies, configuration: configuration, sessions: sessions, iterations: iterations).run()
                .report
        }
    }
}

struct DeliveryBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery",
        abstract: "A burst of notifications through the outbox and the job queue to the SMTP server (SESSIONDESK_SMTP_URL) or mail folder.")

    @Option(help: Help.database)
    var database: String?

    @Option(help: "Messages in the burst.")
    var messages = 2_000

    @Option(help: "Seconds over which the burst is written (batches of 10).")
    var spread = 0.0

    @Flag(help: "Only write the burst (for `sessiondesk worker` processes to deliver); needs --database.")
    var enqueueOnly = false

    func validate() throws {
        if enqueueOnly && database == nil { throw ValidationError("--enqueue-only needs --database: the workers must find the burst.") }
    }

    func run() async throws {
        let (messages, spread, enqueueOnly) = (messages, Duration.seconds(spread), enqueueOnly)
        try await BenchRun.run(database: database) { configuration, dependencies in
            let benchmark = DeliveryBenchmark(dependencies: dependencies, configuration: configuration, messages: messages, spread: spread)
            if enqueueOnly {
                let organization = try await benchmark.enqueue()
                return ["bench=delivery-enqueue messages=\(messages) organization=\(organization)"]
            }
            let logger = dependencies.logger
            let transport = try EmailTransport(to: configuration.delivery.destination, from: configuration.delivery.sender, logger: logger)
            let destination: String
            switch configuration.delivery.destination {
            case .smtp(let server): destination = server.description
            case .folder(let path): destination = "the folder \(path)"
            }
            return try await benchmark.run(transport: transport, destination: destination, logger: logger).lines
        }
    }
}

private enum Help {
    static let database: ArgumentHelp =
        "Database URL; default a new SQLite file in a temporary folder. Use a scratch PostgreSQL database: the benchmark adds an organization."
}
