public import ArgumentParser
import Configuration

/// `sessiondesk`: the server and its maintenance commands.
public struct SessionDeskCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sessiondesk",
        abstract: "Scheduling for tutoring businesses and schools.",
        subcommands: [ServeCommand.self, WorkerCommand.self, MigrateCommand.self, DemoCommand.self, BenchCommand.self],
        defaultSubcommand: ServeCommand.self)

    public init() {}
}

/// The options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: "Database URL: postgres://user:pass@host:5432/name or sqlite:PATH (default sqlite:sessiondesk.sqlite; env SESSIONDESK_DATABASE_URL).")
    var url: String?

    var commandLineValues: [String: ConfigContent] { url.map { ["database.url": .string($0)] } ?? [:] }
}

extension SessionDeskCommand {
    /// The executable's entry point. Called from an async function so that ArgumentParser's async
    /// `main()` is chosen (top-level code picks the synchronous one, which cannot run async commands).
    public static func start() async {
        await main()
    }
}
