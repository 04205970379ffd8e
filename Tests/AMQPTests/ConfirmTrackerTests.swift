@testable import AMQP
import Testing

@Suite("ConfirmTracker")
struct ConfirmTrackerTests {
    /// A tracker for `count` messages sent with tags `firstTag…` and message ids `m0…`.
    static func sentAll(_ count: Int, firstTag: UInt64 = 1) -> ConfirmTracker {
        var tracker = ConfirmTracker(count: count)
        for position in 0..<count {
            tracker.sent(position: position, tag: firstTag + UInt64(position), messageID: "m\(position)")
        }
        return tracker
    }

    @Test("a new tracker has nothing in flight and no outcomes")
    func fresh() {
        let tracker = ConfirmTracker(count: 3)
        #expect(tracker.inFlight == 0)
        #expect(tracker.outcomes == [nil, nil, nil])
        #expect(!tracker.isComplete)
        #expect(ConfirmTracker(count: 0).isComplete)
    }

    @Test("single acks settle one message each; inFlight counts down")
    func singleAcks() {
        var tracker = Self.sentAll(3)
        #expect(tracker.inFlight == 3)
        tracker.acked(tag: 1, multiple: false)
        #expect(tracker.outcomes == [.confirmed, nil, nil])
        #expect(tracker.inFlight == 2)
        tracker.acked(tag: 2, multiple: false)
        tracker.acked(tag: 3, multiple: false)
        #expect(tracker.outcomes == [.confirmed, .confirmed, .confirmed])
        #expect(tracker.inFlight == 0)
        #expect(tracker.isComplete)
    }

    @Test("a multiple ack settles every tag up to and including it, and no later one")
    func multipleAck() {
        var tracker = Self.sentAll(4, firstTag: 11)
        tracker.acked(tag: 13, multiple: true)
        #expect(tracker.outcomes == [.confirmed, .confirmed, .confirmed, nil])
        #expect(tracker.inFlight == 1)
        #expect(!tracker.isComplete)
    }

    @Test("a multiple ack skips tags already settled (a nack stays a nack)")
    func multipleAfterNack() {
        var tracker = Self.sentAll(3)
        tracker.nacked(tag: 2, multiple: false)
        tracker.acked(tag: 3, multiple: true)
        #expect(tracker.outcomes == [.confirmed, .nacked, .confirmed])
    }

    @Test("nacks, single and multiple")
    func nacks() {
        var tracker = Self.sentAll(4)
        tracker.nacked(tag: 1, multiple: false)
        #expect(tracker.outcomes == [.nacked, nil, nil, nil])
        tracker.nacked(tag: 3, multiple: true)
        #expect(tracker.outcomes == [.nacked, .nacked, .nacked, nil])
        tracker.acked(tag: 4, multiple: false)
        #expect(tracker.outcomes == [.nacked, .nacked, .nacked, .confirmed])
        #expect(tracker.isComplete)
    }

    @Test("a return followed by its ack is .returned with the reply")
    func returnThenAck() {
        var tracker = Self.sentAll(2)
        tracker.returned(messageID: "m1", replyCode: 312, replyText: "NO_ROUTE")
        #expect(tracker.outcomes == [nil, nil], "a return alone settles nothing: its ack follows")
        tracker.acked(tag: 2, multiple: false)
        tracker.acked(tag: 1, multiple: false)
        #expect(tracker.outcomes == [.confirmed, .returned(replyCode: 312, replyText: "NO_ROUTE")])
    }

    @Test("a return is honoured inside a multiple ack")
    func returnInMultipleAck() {
        var tracker = Self.sentAll(3)
        tracker.returned(messageID: "m0", replyCode: 312, replyText: "NO_ROUTE")
        tracker.acked(tag: 3, multiple: true)
        #expect(tracker.outcomes == [.returned(replyCode: 312, replyText: "NO_ROUTE"), .confirmed, .confirmed])
    }

    @Test("a return for an unknown or missing message id is ignored", arguments: [String?.some("m99"), nil])
    func unknownReturn(messageID: String?) {
        var tracker = Self.sentAll(2)
        tracker.returned(messageID: messageID, replyCode: 312, replyText: "NO_ROUTE")
        tracker.acked(tag: 2, multiple: true)
        #expect(tracker.outcomes == [.confirmed, .confirmed])
    }

    @Test("a message sent without an id cannot be matched by a return")
    func sentWithoutID() {
        var tracker = ConfirmTracker(count: 1)
        tracker.sent(position: 0, tag: 1, messageID: nil)
        tracker.returned(messageID: nil, replyCode: 312, replyText: "NO_ROUTE")
        tracker.acked(tag: 1, multiple: false)
        #expect(tracker.outcomes == [.confirmed])
    }

    @Test("a returned message that is then nacked is .nacked")
    func returnThenNack() {
        var tracker = Self.sentAll(1)
        tracker.returned(messageID: "m0", replyCode: 312, replyText: "NO_ROUTE")
        tracker.nacked(tag: 1, multiple: false)
        #expect(tracker.outcomes == [.nacked])
    }

    @Test("abandonRemaining marks only the unsettled (sent or not) as not published")
    func abandon() {
        var tracker = ConfirmTracker(count: 4)
        tracker.sent(position: 0, tag: 1, messageID: "m0")
        tracker.sent(position: 1, tag: 2, messageID: "m1")
        tracker.sent(position: 2, tag: 3, messageID: "m2") // position 3 never went out
        tracker.acked(tag: 1, multiple: false)
        tracker.nacked(tag: 3, multiple: false)
        tracker.abandonRemaining(reason: "channel closed")
        #expect(tracker.outcomes == [.confirmed, .notPublished(reason: "channel closed"), .nacked, .notPublished(reason: "channel closed")])
        #expect(tracker.inFlight == 0)
        #expect(tracker.isComplete)
        // A late ack after the channel closed changes nothing.
        tracker.acked(tag: 2, multiple: false)
        #expect(tracker.outcomes[1] == .notPublished(reason: "channel closed"))
    }

    @Test("out-of-order acks land on the right positions")
    func outOfOrder() {
        var tracker = ConfirmTracker(count: 3)
        // Positions sent in a different order from their tags.
        tracker.sent(position: 2, tag: 7, messageID: "c")
        tracker.sent(position: 0, tag: 8, messageID: "a")
        tracker.sent(position: 1, tag: 9, messageID: "b")
        tracker.acked(tag: 9, multiple: false)
        #expect(tracker.outcomes == [nil, .confirmed, nil])
        tracker.nacked(tag: 7, multiple: false)
        #expect(tracker.outcomes == [nil, .confirmed, .nacked])
        tracker.acked(tag: 8, multiple: false)
        #expect(tracker.outcomes == [.confirmed, .confirmed, .nacked])
    }

    @Test("a duplicate ack, an ack for an unknown tag and a stale multiple ack are harmless")
    func harmless() {
        var tracker = Self.sentAll(3, firstTag: 5)
        tracker.acked(tag: 5, multiple: false)
        tracker.acked(tag: 5, multiple: false)
        tracker.nacked(tag: 5, multiple: false) // already confirmed: stays confirmed
        tracker.acked(tag: 99, multiple: false)
        tracker.acked(tag: 4, multiple: true)   // below every outstanding tag
        #expect(tracker.outcomes == [.confirmed, nil, nil])
        #expect(tracker.inFlight == 2)
    }
}

@Suite("AMQPPublishOutcome")
struct AMQPPublishOutcomeTests {
    @Test("only .confirmed counts as confirmed", arguments: [
        (AMQPPublishOutcome.confirmed, true),
        (.nacked, false),
        (.returned(replyCode: 312, replyText: "NO_ROUTE"), false),
        (.notPublished(reason: "timeout"), false),
    ])
    func isConfirmed(outcome: AMQPPublishOutcome, expected: Bool) {
        #expect(outcome.isConfirmed == expected)
    }
}
