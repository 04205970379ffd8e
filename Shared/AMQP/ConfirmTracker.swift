/// The outcome of one publish in confirm mode.
public enum AMQPPublishOutcome: Sendable, Hashable {
    /// The broker took responsibility (basic.ack) and the message was routed.
    case confirmed
    /// The broker refused it (basic.nack), e.g. a queue in `reject-publish` overflow.
    case nacked
    /// Unroutable with `mandatory`: the broker returned it (then acked the return).
    case returned(replyCode: Int, replyText: String)
    /// No confirm arrived: channel or connection closed, timeout, or never sent.
    case notPublished(reason: String)

    /// True only for `.confirmed`: the one outcome after which an outbox row may be marked sent.
    public var isConfirmed: Bool { self == .confirmed }
}

/// Pure bookkeeping of a confirm-mode batch: delivery tags → batch positions, `multiple` acks,
/// nacks, and returns matched by message id. No IO, so every frame order is unit-tested.
struct ConfirmTracker {
    private(set) var outcomes: [AMQPPublishOutcome?]
    private var positionByTag: [UInt64: Int] = [:]
    private var positionByMessageID: [String: Int] = [:]
    private var returns: [Int: (code: Int, text: String)] = [:]

    /// Creates a tracker for `count` messages.
    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    /// Number of messages sent and not yet acked or nacked.
    var inFlight: Int { positionByTag.count }

    /// True when every message has an outcome.
    var isComplete: Bool { !outcomes.contains(where: { $0 == nil }) }

    /// Records that the message at `position` went out with delivery tag `tag`.
    mutating func sent(position: Int, tag: UInt64, messageID: String?) {
        positionByTag[tag] = position
        if let messageID { positionByMessageID[messageID] = position }
    }

    /// A `basic.return` for the message with `messageID`; its ack follows.
    mutating func returned(messageID: String?, replyCode: Int, replyText: String) {
        guard let messageID, let position = positionByMessageID[messageID] else { return }
        returns[position] = (replyCode, replyText)
    }

    /// A `basic.ack` (optionally `multiple`: every tag up to and including `tag`).
    mutating func acked(tag: UInt64, multiple: Bool) {
        let returns = self.returns
        settle(tag: tag, multiple: multiple) { position in
            if let r = returns[position] { return .returned(replyCode: r.code, replyText: r.text) }
            return .confirmed
        }
    }

    /// A `basic.nack` (optionally `multiple`).
    mutating func nacked(tag: UInt64, multiple: Bool) {
        settle(tag: tag, multiple: multiple) { _ in .nacked }
    }

    /// Everything without an outcome becomes `.notPublished(reason)` (channel closed, timeout…).
    mutating func abandonRemaining(reason: String) {
        for i in outcomes.indices where outcomes[i] == nil { outcomes[i] = .notPublished(reason: reason) }
        positionByTag.removeAll()
    }

    private mutating func settle(tag: UInt64, multiple: Bool, _ outcome: (Int) -> AMQPPublishOutcome) {
        let tags = multiple ? positionByTag.keys.filter { $0 <= tag } : (positionByTag[tag] != nil ? [tag] : [])
        for t in tags {
            guard let position = positionByTag.removeValue(forKey: t) else { continue }
            outcomes[position] = outcome(position)
        }
    }
}
