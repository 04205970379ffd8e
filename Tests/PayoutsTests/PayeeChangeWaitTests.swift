import Foundation
import Payouts
import Testing

/// Review #17: pay held for a changed staff account waits; IBANs shown outside finance are masked.
@Suite("Payee change wait and masked IBANs")
struct PayeeChangeWaitTests {
    static let changed = Date(timeIntervalSince1970: 1_800_000_000)
    static let day = Duration.seconds(86_400)

    @Test("an account not changed since the person first registered it releases at once")
    func noChange() {
        #expect(PayeeChangeWait.mayRelease(changedAt: nil, now: Self.changed, wait: Self.day))
        #expect(PayeeChangeWait.releaseFrom(changedAt: nil, wait: Self.day) == nil)
    }

    @Test("a changed account waits the whole period: a second short is too early, the moment itself is not", arguments: [
        (0.0, false), (3_600.0, false), (86_399.0, false), (86_399.999, false), (86_400.0, true), (90_000.0, true),
    ])
    func waits(after: Double, may: Bool) {
        #expect(PayeeChangeWait.mayRelease(changedAt: Self.changed, now: Self.changed.addingTimeInterval(after), wait: Self.day) == may)
    }

    @Test("the wait is configurable; zero (a local demo) releases at once; a clock behind the change holds")
    func configurable() {
        #expect(PayeeChangeWait.mayRelease(changedAt: Self.changed, now: Self.changed, wait: .zero))
        #expect(!PayeeChangeWait.mayRelease(changedAt: Self.changed, now: Self.changed.addingTimeInterval(59), wait: .seconds(60)))
        #expect(PayeeChangeWait.mayRelease(changedAt: Self.changed, now: Self.changed.addingTimeInterval(60), wait: .seconds(60)))
        #expect(!PayeeChangeWait.mayRelease(changedAt: Self.changed, now: Self.changed.addingTimeInterval(-10), wait: .zero))
        #expect(PayeeChangeWait.releaseFrom(changedAt: Self.changed, wait: .milliseconds(1_500)) == Self.changed.addingTimeInterval(1.5))
    }

    @Test("the release policy holds a payout whose payee is still waiting, after every plan reason")
    func policy() {
        let approved = ReleasePolicy.PlanFacts(fullyApproved: true, suspended: false, deleted: false, consent: .onFile)
        #expect(ReleasePolicy.decide(approved, payeeKnown: true, payeeWaitOver: false) == .hold(.payeeChangeWaiting))
        #expect(ReleasePolicy.decide(approved, payeeKnown: true, payeeWaitOver: true) == .release)
        #expect(ReleasePolicy.decide(approved, payeeKnown: true) == .release, "a claimant's account never waits")
        #expect(ReleasePolicy.decide(approved, payeeKnown: false, payeeWaitOver: false) == .hold(.payeeDetailsMissing))
        var unapproved = approved
        unapproved.fullyApproved = false
        #expect(ReleasePolicy.decide(unapproved, payeeKnown: true, payeeWaitOver: false) == .hold(.planNotApproved))
        var deleted = approved
        deleted.deleted = true
        #expect(ReleasePolicy.decide(deleted, payeeKnown: true, payeeWaitOver: false) == .void(.planDeleted))
    }

    @Test("IBANs are masked to the country and the last four", arguments: [
        ("LV80BANK0000435195001", "LV** **** **** **** *5001"),
        ("LV80 BANK 0000 4351 9500 1", "LV** **** **** **** *5001"),
        ("LV97HABA0012345678910", "LV** **** **** **** *8910"),
        ("DE89370400440532013000", "DE** **** **** **** **3000"),
        ("NO9386011117947", "NO** **** ***7947"),
        ("BE68539007547034", "BE** **** **** 7034"),
        ("LV80", "LV**"),
    ])
    func masked(iban: String, expected: String) {
        #expect(IBAN.masked(iban) == expected)
        let digits = iban.filter { !$0.isWhitespace }
        if digits.count > 8 { #expect(!IBAN.masked(iban).contains(digits.dropFirst(2).dropLast(4))) }
    }
}
