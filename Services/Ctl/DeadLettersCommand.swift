import AMQP
import ArgumentParser

/// `pumpurs dead-letters list|replay`.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters", abstract: "List or replay a service's dead-lettered messages.",
        subcommands: [List.self, Replay.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show dead letters without removing them.")
        @Option(help: "Service name (e.g. approval).") var service: String
        @Option(help: "At most this many.") var limit = 100

        func run() async throws {
            let letters = try await AMQPAdmin(url: try CtlEnvironment().amqpURL()).listDeadLetters(service: service, limit: limit)
            print("\(letters.count) dead letter(s) in \(service).dead")
            for l in letters {
                print([l.messageID ?? "-", l.type ?? "-", l.reason ?? "-", l.originalRoutingKeys.joined(separator: ","),
                       "\(l.bodySize) B"].joined(separator: "\t"))
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move dead letters back to the service's queue (after a fix).")
        @Option(help: "Service name.") var service: String
        @Option(name: .customLong("id"), help: "Only these message ids (repeatable). Default: all.") var ids: [String] = []

        func run() async throws {
            let count = try await AMQPAdmin(url: try CtlEnvironment().amqpURL())
                .replayDeadLetters(service: service, messageIDs: ids.isEmpty ? nil : Set(ids))
            print("replayed \(count) message(s) to \(service).events")
        }
    }
}
