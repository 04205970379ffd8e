import ArgumentParser

/// `pumpurs`: the operator CLI.
@main
struct Pumpurs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pumpurs",
        abstract: "PuMPuRS operator tool: migrations, dead letters, mail, tokens, demo data, benchmarks.",
        subcommands: [MigrateCommand.self, BrokerCommand.self, DeadLettersCommand.self, MailCommand.self, TokenCommand.self, BenchCommand.self, DemoCommand.self, DrillCommand.self, DirectoryCommand.self]
    )
}
