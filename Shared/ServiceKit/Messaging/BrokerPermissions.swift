import AMQP
import Contracts
import Foundation

/// How a party (a platform service, or an outside consumer such as finance) is named on the
/// broker: one login per party, `<prefix><party>` (`pumpurs_payouts`). Defined once here; the
/// broker's permissions, the deployment files and the consumers' producer check all use it.
public struct BrokerUsers: Sendable, Hashable {
    /// Prepended to the party's name.
    public var prefix: String

    /// Creates a naming (tests use their own prefix so their users never touch the platform's).
    public init(prefix: String) { self.prefix = prefix }

    /// The platform's naming: `pumpurs_<party>`.
    public static let platform = BrokerUsers(prefix: "pumpurs_")

    /// The broker user of `party` (a `PlatformServices` name or an external consumer).
    public func user(for party: String) -> String { prefix + party }
}

/// What one broker user may do in the platform's vhost, as RabbitMQ regular expressions:
/// `configure`/`write`/`read` on exchanges and queues (`set_permissions`), and `topicWrite`/`topicRead`
/// on the routing keys of the topic exchange `pumpurs.events` (`set_topic_permissions`: checked on
/// publish and on binding a queue).
public struct BrokerGrant: Sendable, Hashable {
    /// The party (service name or external consumer).
    public var party: String
    /// Its broker user.
    public var user: String
    /// Exchanges and queues it may declare.
    public var configure: String
    /// Exchanges it may publish to and queues it may bind.
    public var write: String
    /// Queues it may consume and exchanges it may bind from.
    public var read: String
    /// Routing keys it may publish on `pumpurs.events`: the event types it produces.
    public var topicWrite: String
    /// Routing keys it may bind on `pumpurs.events`: the event types it consumes.
    public var topicRead: String
}

/// The broker permissions the event catalogue implies: each party publishes only the event types
/// the catalogue names it the producer of, binds only what it consumes, and touches only its own
/// queues and the shared exchanges. Generated here, so they never drift from the catalogue.
///
/// The topology itself (queues, bindings) is declared by `pumpurs migrate` with the operator's
/// user; a service only redeclares its own. Nobody but the operator may write to the dead-letter
/// exchange (dead-lettering is the broker's own doing and needs no permission).
public enum BrokerPermissions {
    /// A regular expression that matches nothing RabbitMQ names (`''` is its synonym).
    public static let nothing = "^$"

    /// Every party: the platform's services, then the outside consumers.
    public static var parties: [String] { PlatformServices.all.map(\.name) + PlatformServices.externalConsumers }

    /// The grants of every party.
    public static func grants(users: BrokerUsers = .platform) -> [BrokerGrant] {
        parties.map { grant(for: $0, users: users) }
    }

    /// The grant of one party.
    public static func grant(for party: String, users: BrokerUsers = .platform) -> BrokerGrant {
        let produced = EventCatalogue.entries.filter { $0.producer == party }.map(\.type.rawValue).sorted()
        let consumed = CatalogueTopology.routingKeys(consumedBy: party)
        let events = AMQPTopology.eventsExchange, deadLetters = AMQPTopology.deadLetterExchange
        let queue = AMQPTopology.eventQueue(for: party), dead = AMQPTopology.deadLetterQueue(for: party)
        let isService = PlatformServices.all.contains { $0.name == party }
        if !isService {
            // An outside consumer (finance): reads its own queue, may bind it to what it consumes,
            // declares and publishes nothing (its queue is declared by `pumpurs migrate`).
            return BrokerGrant(party: party, user: users.user(for: party), configure: nothing,
                               write: anyOf([queue]), read: anyOf([events, queue]),
                               topicWrite: nothing, topicRead: anyOf(consumed))
        }
        return BrokerGrant(
            party: party, user: users.user(for: party),
            // The exchanges (redeclared at every connect) and its own two queues.
            configure: anyOf([events, deadLetters, queue, dead]),
            // Publish to the events exchange (only if it produces anything); bind its own queues.
            write: anyOf((produced.isEmpty ? [] : [events]) + [queue, dead]),
            // Bind from both exchanges; consume its own work queue.
            read: anyOf([events, deadLetters, queue]),
            topicWrite: anyOf(produced), topicRead: anyOf(consumed))
    }

    /// `^(a|b)$` with each name's regex metacharacters escaped; `nothing` for no names.
    public static func anyOf(_ names: [String]) -> String {
        guard !names.isEmpty else { return nothing }
        return "^(" + names.map(escaped).joined(separator: "|") + ")$"
    }

    /// `name` as a literal inside a regular expression.
    static func escaped(_ name: String) -> String {
        var out = ""
        for character in name {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The `rabbitmqctl` commands that set every party's permissions in `vhost` (the users must
    /// exist; `add_user` lines are left to the operator because they carry passwords).
    public static func rabbitmqctlLines(vhost: String, users: BrokerUsers = .platform) -> [String] {
        grants(users: users).flatMap { g in
            [
                "rabbitmqctl set_permissions -p \(shellQuoted(vhost)) \(shellQuoted(g.user)) "
                    + "\(shellQuoted(g.configure)) \(shellQuoted(g.write)) \(shellQuoted(g.read))",
                "rabbitmqctl set_topic_permissions -p \(shellQuoted(vhost)) \(shellQuoted(g.user)) "
                    + "\(shellQuoted(AMQPTopology.eventsExchange)) \(shellQuoted(g.topicWrite)) \(shellQuoted(g.topicRead))",
            ]
        }
    }

    /// A RabbitMQ definitions document (`rabbitmqctl import_definitions`, `load_definitions`, or the
    /// management API's `POST /api/definitions`) with the vhost, every party's user, permissions and
    /// topic permissions, and the operator's user when `admin` is given (tagged `administrator` and
    /// `impersonator`: `pumpurs dead-letters replay` republishes a dead letter with its original
    /// `user_id`, which the broker accepts only from an impersonator). Keys are sorted: the same
    /// input always gives the same bytes.
    public static func definitions(vhost: String, users: BrokerUsers = .platform, password: (String) -> String,
                                   admin: (user: String, password: String)? = nil) throws -> String {
        let grants = grants(users: users)
        var userRows: [[String: Any]] = []
        var permissionRows: [[String: Any]] = []
        if let admin {
            userRows.append(["name": admin.user, "password": admin.password, "tags": ["administrator", "impersonator"]])
            permissionRows.append(["user": admin.user, "vhost": vhost, "configure": ".*", "write": ".*", "read": ".*"])
        }
        for g in grants {
            userRows.append(["name": g.user, "password": password(g.party), "tags": [String]()])
            permissionRows.append(["user": g.user, "vhost": vhost, "configure": g.configure, "write": g.write, "read": g.read])
        }
        let topicRows: [[String: Any]] = grants.map {
            ["user": $0.user, "vhost": vhost, "exchange": AMQPTopology.eventsExchange, "write": $0.topicWrite, "read": $0.topicRead]
        }
        let document: [String: Any] = ["vhosts": [["name": vhost]], "users": userRows, "permissions": permissionRows,
                                       "topic_permissions": topicRows]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `text` in single quotes for a POSIX shell.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
