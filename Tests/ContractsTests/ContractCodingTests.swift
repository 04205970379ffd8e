@testable import Contracts
import Foundation
import Testing

/// The fast contract coders must write Foundation's bytes and read what Foundation reads.
@Suite("Contract coding: the fast coders agree with Foundation")
struct ContractCodingTests {
    static func envelopeBytes<E: DomainEvent>(_ event: E) throws -> (fast: [UInt8], foundation: [UInt8], decoded: Bool) {
        let envelope = try EnvelopeTests.envelope(event)
        let fast = try ContractEncoder().encode(envelope)
        let foundation = try ContractCoding.foundationEncode(envelope)
        let decoded = try ContractDecoder().decode(Envelope<E>.self, from: foundation)
        return (fast, foundation, decoded == envelope)
    }

    @Test("every sample event: the same bytes as Foundation, and decoded back to an equal envelope", arguments: SampleEvents.arguments)
    func sameBytes(sample: Sample) throws {
        let result = try Self.envelopeBytes(sample.event)
        #expect(result.fast == result.foundation)
        #expect(result.decoded)
    }

    /// Text with every kind of character JSON escapes or passes through.
    static func awkwardText(_ generator: inout some RandomNumberGenerator) -> String {
        let pieces = ["\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "ā", "Ž", "\u{2028}",
                      "😀", "e\u{301}", "plain", " ", "{", "}", "[", "]", ":", ",", "0"]
        return (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("random texts, byte contents and keys: the same bytes as Foundation and back")
    func randomValues() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let content = (0..<Int.random(in: 0...400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let plan = PlanReference(planId: UUID(), revision: Int.random(in: 0...Int.max, using: &generator),
                                     studentCode: Self.awkwardText(&generator), institutionId: UUID(), semester: Self.awkwardText(&generator))
            let actor = ActorPayload(personId: UUID(), role: Self.awkwardText(&generator), actingFor: round % 2 == 0 ? nil : UUID())
            let event = PlanContentSubmitted(plan: plan, submittedBy: actor, content: round % 3 == 0 ? nil : content,
                                      context: round % 5 == 0 ? [] : content.reversed(), riskCodes: (0..<round % 4).map { _ in Self.awkwardText(&generator) },
                                      measures: [])
            let result = try Self.envelopeBytes(event)
            #expect(result.fast == result.foundation)
            #expect(result.decoded)
            let keys = Dictionary(uniqueKeysWithValues: (0..<5).map { index in ("\(Self.awkwardText(&generator))#\(index)", Int.random(in: Int.min...Int.max, using: &generator)) })
            #expect(try ContractEncoder().encode(keys) == ContractCoding.foundationEncode(keys))
            #expect(try ContractDecoder().decode([String: Int].self, from: ContractCoding.foundationEncode(keys)) == keys)
        }
    }

    @Test("malformed JSON is refused by the fast decoder; ContractCoding answers as Foundation does", arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"\\ud800\"", "\"\\x\"", "\"a\u{01}\"", "[1] 2", "tru", "{\"a\" 1}",
    ])
    func malformed(text: String) throws {
        #expect(throws: (any Error).self) { try ContractDecoder().decode([String: Int].self, from: Array(text.utf8)) }
        // Foundation is lenient about some (a trailing comma): ContractCoding must be exactly as lenient.
        let bytes = Array(text.utf8)
        let reference = Result { try ContractCoding.foundationDecode([String: Int].self, from: bytes) }
        switch reference {
        case .success(let value): #expect(try ContractCoding.decode([String: Int].self, from: bytes) == value)
        case .failure: #expect(throws: DecodingError.self) { try ContractCoding.decode([String: Int].self, from: bytes) }
        }
    }

    @Test("what only Foundation reads (1.0 as an integer) still decodes through ContractCoding as before")
    func foundationFallback() throws {
        let bytes = Array(#"{"a":1.0}"#.utf8)
        #expect(throws: (any Error).self) { try ContractDecoder().decode([String: Int].self, from: bytes) }
        let fast = try? ContractCoding.decode([String: Int].self, from: bytes)
        let reference = try? ContractCoding.foundationDecode([String: Int].self, from: bytes)
        #expect(fast == reference)
    }

    @Test("a missing field fails with keyNotFound naming it; unknown fields and null optionals are ignored")
    func missingAndUnknown() throws {
        let good = Array(#"{"personId":"AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE","role":"preparer","actingFor":null,"extra":[1,{"x":"y"}]}"#.utf8)
        let actor = try ContractDecoder().decode(ActorPayload.self, from: good)
        #expect(actor.role == "preparer" && actor.actingFor == nil)
        let missing = Array(#"{"personId":"AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE"}"#.utf8)
        do {
            _ = try ContractCoding.decode(ActorPayload.self, from: missing)
            Issue.record("decoded without a role")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "role")
        }
    }

    @Test("escapes and surrogate pairs are read as Foundation reads them")
    func escapes() throws {
        let text = Array(#"["a\"b\\c\/d\n\u00e9\ud83d\ude00\u0001"]"#.utf8)
        #expect(try ContractDecoder().decode([String].self, from: text) == ContractCoding.foundationDecode([String].self, from: text))
    }

    struct Response: Codable, Equatable {
        var at: Date
        var share: Double
        var items: [String: [Int]]
        var note: String?
    }

    @Test("API responses (Foundation's default dates and numbers) are Foundation's bytes")
    func responses() throws {
        let value = Response(at: Date(timeIntervalSince1970: 1_760_000_000.25), share: 0.1, items: ["b": [1, 2], "a": []], note: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try ContractCoding.encodeSorted(value) == Array(encoder.encode(value)))
        let plain = ["z": ["y": "ā/\\q"], "a": ["b": "c"]]
        #expect(try ContractCoding.encodeSorted(plain) == Array(encoder.encode(plain)))
    }

    @Test("integers at the edges and numbers with fractions read as Foundation reads them")
    func numbers() throws {
        let integers = Array("[0,-1,9223372036854775807,-9223372036854775808,255]".utf8)
        #expect(try ContractDecoder().decode([Int64].self, from: integers) == ContractCoding.foundationDecode([Int64].self, from: integers))
        let unsigned = Array("[18446744073709551615,0]".utf8)
        #expect(try ContractDecoder().decode([UInt64].self, from: unsigned) == [UInt64.max, 0])
        let doubles = Array("[-0,1.5,1e3,12345678901234567,-2.5e-3]".utf8)
        let fast = try ContractDecoder().decode([Double].self, from: doubles)
        let reference = try ContractCoding.foundationDecode([Double].self, from: doubles)
        #expect(fast == reference)
        #expect(fast[0].sign == .minus)
        #expect(throws: (any Error).self) { try ContractDecoder().decode([UInt8].self, from: Array("[256]".utf8)) }
        #expect(throws: (any Error).self) { try ContractDecoder().decode([Int].self, from: Array("[99999999999999999999]".utf8)) }
    }
}
