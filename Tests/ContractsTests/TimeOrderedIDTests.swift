import Contracts
import Foundation
import Testing

@Suite("Time-ordered ids (UUID version 7)")
struct TimeOrderedIDTests {
    /// A fixed generator, so the bit layout can be checked exactly.
    struct Counting: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; return state }
    }

    @Test("version 7 and RFC 9562 variant bits; the time reads back")
    func layout() {
        var random = Counting(state: 1)
        let ms: UInt64 = 1_795_000_000_123
        let id = UUID.timeOrdered(milliseconds: ms, using: &random)
        let text = id.uuidString
        #expect(Array(text)[14] == "7")
        #expect("89AB".contains(Array(text)[19]))
        #expect(id.timeOrderedMilliseconds == ms)
        // The first 12 hex digits are the milliseconds, big-endian.
        #expect(text.replacingOccurrences(of: "-", with: "").prefix(12) == String(format: "%012llX", ms))
        #expect(UUID(uuidString: "6F1C2B0E-8D4A-4C3B-9A2E-1F0B9C8D7E6A")?.timeOrderedMilliseconds == nil)
    }

    @Test("ids of later milliseconds sort after earlier ones, as text and as bytes")
    func ordered() {
        var random = SystemRandomNumberGenerator()
        let ids = (0..<2_000).map { UUID.timeOrdered(milliseconds: 1_700_000_000_000 + UInt64($0) * 3, using: &random) }
        let texts = ids.map { $0.uuidString.lowercased() }
        #expect(texts == texts.sorted())
        #expect(Set(ids).count == ids.count)
    }

    @Test("ids made in the same millisecond still differ")
    func unique() {
        var random = SystemRandomNumberGenerator()
        let ids = (0..<10_000).map { _ in UUID.timeOrdered(milliseconds: 42, using: &random) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.timeOrderedMilliseconds == 42 })
    }

    @Test("now is now")
    func now() {
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        let id = UUID.timeOrdered()
        let after = UInt64(Date().timeIntervalSince1970 * 1000)
        #expect((before...after).contains(id.timeOrderedMilliseconds ?? 0))
    }
}
