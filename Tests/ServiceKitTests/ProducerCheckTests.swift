import Contracts
import ServiceKit
import Testing

/// The consumers' pure decision: was this delivery published (AMQP `user_id`, validated by the
/// broker) by the broker user of its event type's producer?
@Suite("ProducerCheck")
struct ProducerCheckTests {
    static let released = PayoutReleased.eventType
    static let approved = PlanApproved.eventType

    @Test("strict: payout.released from payouts' user is accepted, from intake's user refused")
    func strictProducerOnly() {
        let check = ProducerCheck.strict
        #expect(check.verdict(type: Self.released, userID: "pumpurs_payouts") == .accepted)
        guard case .refused(let reason) = check.verdict(type: Self.released, userID: "pumpurs_intake") else {
            Issue.record("intake's user was accepted as the producer of payout.released")
            return
        }
        #expect(reason.contains("pumpurs_intake") && reason.contains("pumpurs_payouts"), "\(reason)")
    }

    @Test("strict: no user_id, an empty one, the shared login or an unknown type are refused")
    func strictRefusals() {
        let check = ProducerCheck.strict
        for user in [nil, "", "pumpurs", "pumpurs_finance", "PUMPURS_PAYOUTS", "pumpurs_payouts "] {
            #expect(check.verdict(type: Self.released, userID: user) != .accepted, "\(String(describing: user))")
        }
        #expect(check.verdict(type: EventType("test.ping"), userID: "pumpurs_payouts") != .accepted)
    }

    @Test("every catalogue type is accepted from its producer's user and from no other party's")
    func wholeCatalogue() {
        let parties = PlatformServices.all.map(\.name) + PlatformServices.externalConsumers
        for entry in EventCatalogue.entries {
            for party in parties {
                let verdict = ProducerCheck.strict.verdict(type: entry.type, userID: BrokerUsers.platform.user(for: party))
                #expect((verdict == .accepted) == (party == entry.producer), "\(entry.type) from \(party): \(verdict)")
            }
        }
    }

    @Test("a shared login (development, tests) is trusted for every type; other users still per producer")
    func sharedLogin() {
        let check = ProducerCheck.sharedLogin("pumpurs")
        #expect(check.verdict(type: Self.released, userID: "pumpurs") == .accepted)
        #expect(check.verdict(type: EventType("test.ping"), userID: "pumpurs") == .accepted)
        #expect(check.verdict(type: Self.released, userID: "pumpurs_payouts") == .accepted)
        #expect(check.verdict(type: Self.released, userID: "pumpurs_intake") != .accepted)
        #expect(check.verdict(type: Self.released, userID: nil) != .accepted)
    }

    @Test("another naming (a test's own users) maps producers to its users")
    func otherNaming() {
        let check = ProducerCheck(users: BrokerUsers(prefix: "t_x_1_"))
        #expect(check.verdict(type: Self.approved, userID: "t_x_1_approval") == .accepted)
        #expect(check.verdict(type: Self.approved, userID: "pumpurs_approval") != .accepted)
    }

    @Test("configuration: strict by default; PUMPURS_AMQP_SHARED_USER only as the service's own login")
    func configuration() throws {
        let defaults = try ServiceConfiguration(service: "payouts", defaultPort: 8084, environment: [:])
        #expect(defaults.producerCheck == .strict)
        let shared = try ServiceConfiguration(service: "payouts", defaultPort: 8084, environment: [
            "PUMPURS_AMQP_URL": "amqp://pumpurs:pw@127.0.0.1:5672/pumpurs_test", "PUMPURS_AMQP_SHARED_USER": "pumpurs",
        ])
        #expect(shared.producerCheck == .sharedLogin("pumpurs"))
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "payouts", defaultPort: 8084, environment: [
                "PUMPURS_AMQP_URL": "amqp://pumpurs_payouts:pw@127.0.0.1:5672/pumpurs", "PUMPURS_AMQP_SHARED_USER": "pumpurs",
            ])
        }
        #expect(error?.key == "PUMPURS_AMQP_SHARED_USER")
    }
}
