import ArgumentParser
import Foundation
import Postgres

/// `pumpurs mail dead|retry`: emails the notifications service gave up on (attempt limit or a
/// permanent refusal), with the server's last reply, and sending them again after a fix.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "List or retry dead emails of the notifications service.", subcommands: [Dead.self, Retry.self])

    struct Dead: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show dead emails (recipient, kind, attempts, last reply).")
        @Option(help: "At most this many.") var limit = 100

        func run() async throws {
            let env = CtlEnvironment()
            let pool = PostgresPool(configuration: try env.serviceDatabaseURL("notifications"), logger: env.logger)
            let rows = try await pool.withConnection { connection in
                try connection.query("""
                    SELECT id, recipient_email, kind, attempts, coalesce(last_error, '') AS last_error FROM mails
                    WHERE status = 'dead' ORDER BY created_at LIMIT $1
                    """, [limit]).map { row in
                        [try row.decode("id", as: UUID.self).uuidString.lowercased(), try row.decode("recipient_email", as: String.self),
                         try row.decode("kind", as: String.self), "\(try row.decode("attempts", as: Int.self))",
                         try row.decode("last_error", as: String.self)].joined(separator: "\t")
                    }
            }
            await pool.shutdown()
            print("\(rows.count) dead email(s)")
            rows.forEach { print($0) }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue dead emails again (after fixing the cause).")
        @Option(name: .customLong("id"), help: "Only these mail ids (repeatable). Default: all dead.") var ids: [String] = []

        func run() async throws {
            let env = CtlEnvironment()
            let pool = PostgresPool(configuration: try env.serviceDatabaseURL("notifications"), logger: env.logger)
            let uuids = ids.compactMap(UUID.init(uuidString:))
            let count = try await pool.withTransaction { connection in
                if uuids.isEmpty {
                    return try connection.execute("UPDATE mails SET status = 'queued', attempts = 0, next_attempt_at = now() WHERE status = 'dead'")
                }
                var total = 0
                for id in uuids {
                    total += try connection.execute(
                        "UPDATE mails SET status = 'queued', attempts = 0, next_attempt_at = now() WHERE status = 'dead' AND id = $1", [id])
                }
                return total
            }
            await pool.shutdown()
            print("queued \(count) email(s) again")
        }
    }
}
