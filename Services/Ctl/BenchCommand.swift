import ArgumentParser

/// `pumpurs bench …`: benchmarks that print figures.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks on the local broker and database.", subcommands: [BenchInfraCommand.self, BenchPipelineCommand.self, BenchPortalCommand.self])
}
