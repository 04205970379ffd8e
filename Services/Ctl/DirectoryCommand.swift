import ArgumentParser
import Auth
import Contracts
import Foundation
import Intake
import Postgres
import ServiceKit

/// `pumpurs directory bootstrap-admin`: makes the first IKVD administrator (every other
/// directory change is made through the API by someone who already holds a role).
struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory", abstract: "Directory tasks that need the operator.",
        subcommands: [BootstrapAdmin.self])

    struct BootstrapAdmin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bootstrap-admin",
            abstract: "Create (or confirm) an IKVD administrator with a national role; prints their person id.")

        @Option(help: "The administrator's name.") var name = "IKVD administrators"
        @Option(help: "The administrator's email.") var email: String

        func run() async throws {
            print(try await CtlEnvironment().bootstrapAdministrator(name: name, email: email).uuidString.lowercased())
        }
    }
}

extension CtlEnvironment {
    /// The administrator with `email` in intake's directory (created when missing), through
    /// intake's own database role; the events reach the other services through intake's relay.
    func bootstrapAdministrator(name: String, email: String) async throws -> UUID {
        let pool = PostgresPool(configuration: try serviceDatabaseURL("intake"), logger: logger)
        do {
            let id = try await pool.withTransaction { connection in
                try AdministratorBootstrap.ensure(name: name, email: email,
                                                  outbox: OutboxWriter(producer: "intake", correlationId: UUID.timeOrdered()),
                                                  on: connection)
            }
            await pool.shutdown()
            return id
        } catch {
            await pool.shutdown()
            throw error
        }
    }
}
