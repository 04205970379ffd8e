import Foundation

extension UUID {
    /// A new time-ordered id (RFC 9562 version 7): 48 bits of Unix milliseconds, then 74 random
    /// bits. Every id the platform stores or sends is made here, not with `UUID()`.
    ///
    /// Why: ids are primary keys and inbox/outbox keys in B-tree indexes that only grow (nothing is
    /// deleted). Random (version 4) ids land on a random leaf page each; once the index is larger
    /// than memory every insert touches a cold page and, after each checkpoint, writes a full page
    /// image to the WAL. Time-ordered ids append to the right edge of the index instead. The 74
    /// random bits keep ids unguessable enough for what they are (never a secret: access is decided
    /// by scope, not by knowing an id).
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var random = SystemRandomNumberGenerator()
        return timeOrdered(milliseconds: UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down))), using: &random)
    }

    /// The same with the clock and the randomness given (tests).
    public static func timeOrdered<R: RandomNumberGenerator>(milliseconds: UInt64, using random: inout R) -> UUID {
        let ms = milliseconds & 0xFFFF_FFFF_FFFF
        let high = random.next() as UInt64
        let low = random.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: ms >> (8 * (5 - UInt64(i)))) }
        // rand_a: 12 bits after the version nibble 0111.
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: high & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: high >> 8)
        // rand_b: 62 bits after the variant bits 10.
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: low & 0x3F)
        for i in 9..<16 { bytes[i] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(i - 8))) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// The Unix milliseconds of a version-7 id; nil for any other version.
    public var timeOrderedMilliseconds: UInt64? {
        let b = uuid
        guard b.6 >> 4 == 7, b.8 >> 6 == 0b10 else { return nil }
        return [b.0, b.1, b.2, b.3, b.4, b.5].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
