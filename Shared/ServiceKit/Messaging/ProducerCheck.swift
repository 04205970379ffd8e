import Contracts

/// Whether a delivery was published by the producer of its event type: the broker validates the
/// AMQP `user_id` against the publishing connection's login, so `user_id` says which broker user
/// published it, and the event catalogue says which service may produce each type.
///
/// Strict (the default, and what production runs): only `users.user(for: producer)` is accepted.
/// A development or test setup where every service shares one broker login names that login as
/// `sharedUser`; it is then trusted for every event type (there is nothing else to tell the
/// services apart by).
public struct ProducerCheck: Sendable, Hashable {
    /// How services are named on the broker.
    public var users: BrokerUsers
    /// The one login all services share (development and tests only); nil: strict.
    public var sharedUser: String?

    /// Creates a check.
    public init(users: BrokerUsers = .platform, sharedUser: String? = nil) {
        self.users = users
        self.sharedUser = sharedUser
    }

    /// Only each event type's producer: what production runs.
    public static let strict = ProducerCheck()

    /// Every service logs in as `user`: that user is trusted for every event type.
    public static func sharedLogin(_ user: String) -> ProducerCheck { ProducerCheck(sharedUser: user) }

    /// The decision for one delivery.
    public enum Verdict: Sendable, Hashable {
        /// Published by the producer (or by the configured shared login).
        case accepted
        /// Not published by the producer; the reason names the users, never the message content.
        case refused(String)
    }

    /// Whether an event of `type` that arrived with `userID` (the AMQP `user_id`) came from its producer.
    public func verdict(type: EventType, userID: String?) -> Verdict {
        guard let userID, !userID.isEmpty else {
            return .refused("\(type) carries no user_id: its publisher is unknown")
        }
        if let sharedUser, userID == sharedUser { return .accepted }
        guard let entry = EventCatalogue.entry(for: type) else {
            return .refused("\(type) is not in the event catalogue: no service may produce it")
        }
        let expected = users.user(for: entry.producer)
        guard userID == expected else {
            return .refused("\(type) was published by broker user \(userID); its producer \(entry.producer) publishes as \(expected)")
        }
        return .accepted
    }
}

extension ProducerCheck {
    /// The check `PUMPURS_AMQP_SHARED_USER` asks for: empty → strict; else the shared login, which
    /// must be the service's own login (`login`): trusting a shared user while the service logs in
    /// as itself would let that other login speak for every producer.
    init(sharedUserSetting: String, login: String) throws(ConfigurationError) {
        guard !sharedUserSetting.isEmpty else {
            self = .strict
            return
        }
        guard sharedUserSetting == login else {
            throw ConfigurationError(key: "PUMPURS_AMQP_SHARED_USER",
                                     message: "must be the user of PUMPURS_AMQP_URL (it says all services share that one login), or unset")
        }
        self = .sharedLogin(sharedUserSetting)
    }
}
