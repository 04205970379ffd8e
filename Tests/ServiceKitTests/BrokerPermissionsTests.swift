import AMQP
import Contracts
import Foundation
import ServiceKit
import Testing
import TestSupport

/// The broker permissions generated from the event catalogue, evaluated as the broker would
/// (anchored regular expressions on exchange, queue and routing-key names).
@Suite("BrokerPermissions")
struct BrokerPermissionsTests {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }

    static let parties = PlatformServices.all.map(\.name) + PlatformServices.externalConsumers

    @Test("each party publishes exactly the types it produces and binds exactly the types it consumes")
    func topicPermissionsFollowTheCatalogue() {
        for grant in BrokerPermissions.grants() {
            for entry in EventCatalogue.entries {
                let type = entry.type.rawValue
                #expect(Self.matches(grant.topicWrite, type) == (entry.producer == grant.party), "\(grant.party) publish \(type)")
                #expect(Self.matches(grant.topicRead, type) == entry.consumers.contains(grant.party), "\(grant.party) bind \(type)")
            }
        }
    }

    @Test("payouts may not publish plan.approved; dots are literal")
    func payoutsExample() {
        let payouts = BrokerPermissions.grant(for: "payouts")
        #expect(payouts.user == "pumpurs_payouts")
        #expect(Self.matches(payouts.topicWrite, "payout.released"))
        #expect(!Self.matches(payouts.topicWrite, "plan.approved"))
        #expect(!Self.matches(payouts.topicWrite, "payoutXreleased"))
        #expect(!Self.matches(payouts.topicWrite, "payout.released.extra"))
    }

    @Test("a service touches only its own queues and the shared exchanges")
    func ownQueuesOnly() {
        for grant in BrokerPermissions.grants() where grant.party != "finance" {
            let own = [AMQPTopology.eventQueue(for: grant.party), AMQPTopology.deadLetterQueue(for: grant.party)]
            for name in own + [AMQPTopology.eventsExchange, AMQPTopology.deadLetterExchange] {
                #expect(Self.matches(grant.configure, name), "\(grant.party) configure \(name)")
            }
            #expect(Self.matches(grant.write, AMQPTopology.eventsExchange), "\(grant.party) publishes")
            #expect(!Self.matches(grant.write, AMQPTopology.deadLetterExchange), "\(grant.party) writes dead letters")
            #expect(!Self.matches(grant.write, "amq.default"), "\(grant.party) publishes to queues directly")
            #expect(Self.matches(grant.read, AMQPTopology.eventQueue(for: grant.party)))
            for other in Self.parties where other != grant.party {
                for name in [AMQPTopology.eventQueue(for: other), AMQPTopology.deadLetterQueue(for: other)] {
                    #expect(!Self.matches(grant.configure, name) && !Self.matches(grant.write, name) && !Self.matches(grant.read, name),
                            "\(grant.party) may touch \(name)")
                }
            }
        }
    }

    @Test("finance reads its own queue and can publish nothing")
    func financeReadOnly() {
        let finance = BrokerPermissions.grant(for: "finance")
        #expect(finance.user == "pumpurs_finance")
        #expect(Self.matches(finance.read, "finance.events"))
        for exchange in [AMQPTopology.eventsExchange, AMQPTopology.deadLetterExchange, "amq.default", "amq.topic", ""] {
            #expect(!Self.matches(finance.write, exchange), "finance writes \(exchange)")
        }
        for name in ["finance.events", "finance.dead", AMQPTopology.eventsExchange] {
            #expect(!Self.matches(finance.configure, name), "finance configures \(name)")
        }
        for entry in EventCatalogue.entries { #expect(!Self.matches(finance.topicWrite, entry.type.rawValue)) }
        #expect(Self.matches(finance.topicRead, "payout.released"))
        #expect(!Self.matches(finance.topicRead, "plan.submitted"))
    }

    @Test("rabbitmqctl lines: set_permissions and set_topic_permissions for every party, quoted")
    func rabbitmqctlLines() {
        let lines = BrokerPermissions.rabbitmqctlLines(vhost: "pumpurs")
        #expect(lines.count == 2 * Self.parties.count)
        #expect(lines.contains("rabbitmqctl set_permissions -p 'pumpurs' 'pumpurs_finance' '^$' '^(finance\\.events)$' "
            + "'^(pumpurs\\.events|finance\\.events)$'"))
        #expect(lines.contains("rabbitmqctl set_topic_permissions -p 'pumpurs' 'pumpurs_finance' 'pumpurs.events' '^$' "
            + "'^(payout\\.released|payout\\.reversed|payout\\.voided|payout\\.youth_project_released)$'"))
        let payouts = BrokerPermissions.grant(for: "payouts")
        #expect(lines.contains("rabbitmqctl set_topic_permissions -p 'pumpurs' 'pumpurs_payouts' 'pumpurs.events' "
            + "'\(payouts.topicWrite)' '\(payouts.topicRead)'"))
    }

    /// The deployment files carry the generated definitions (with their own placeholder passwords):
    /// regenerated with those passwords, they must be the same document.
    @Test("compose and k8s broker definitions are what the catalogue generates", arguments: [
        "deploy/compose/rabbitmq-definitions.json", "deploy/k8s/broker-definitions.json",
    ])
    func deploymentDefinitionsDoNotDrift(path: String) throws {
        let file = IntegrationEnvironment.repositoryRoot + "/" + path
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let stored = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let users = try #require(stored["users"] as? [[String: Any]])
        var passwords: [String: String] = [:]
        var admin: (String, String)?
        for user in users {
            let name = try #require(user["name"] as? String), password = try #require(user["password"] as? String)
            if (user["tags"] as? [String])?.contains("administrator") == true { admin = (name, password) } else { passwords[name] = password }
        }
        let vhost = try #require((stored["vhosts"] as? [[String: Any]])?.first?["name"] as? String)
        let generated = try BrokerPermissions.definitions(vhost: vhost, password: { passwords[BrokerUsers.platform.user(for: $0)] ?? "missing" },
                                                          admin: admin.map { (user: $0.0, password: $0.1) })
        let expected = try JSONSerialization.jsonObject(with: Data(generated.utf8)) as? NSDictionary
        #expect(expected == (stored as NSDictionary), "\(path) differs from `pumpurs broker definitions --with-admin`: run deploy/regenerate-broker-definitions")
        #expect(!passwords.values.contains("missing"))
    }
}
