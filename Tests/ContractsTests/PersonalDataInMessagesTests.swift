import Contracts
import Foundation
import Testing

/// README rule 3: no personal code (or any key that would carry one) in any message.
@Suite("No personal code in messages")
struct PersonalDataInMessagesTests {
    /// Key names after lowercasing and dropping `_`, `-` and spaces; LV and EN spellings.
    static let forbidden = ["personalcode", "personaskods", "personaskod", "personcode", "nationalid"]

    /// Every key name at any depth of a JSON value.
    static func keys(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.keys.map { $0 } + object.values.flatMap { keys(in: $0) }
        }
        if let array = value as? [Any] { return array.flatMap { keys(in: $0) } }
        return []
    }

    static func isForbidden(_ key: String) -> Bool {
        let normalized = key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
        return forbidden.contains { normalized.contains($0) }
    }

    @Test("the key check itself recognises the spellings it is meant to catch", arguments: [
        "personalCode", "personal_code", "PersonasKods", "personas_kods", "studentPersonalCode", "national-id",
    ])
    func detectorCatches(key: String) {
        #expect(Self.isForbidden(key))
    }

    @Test("the key check leaves ordinary keys alone", arguments: ["personId", "studentCode", "person", "code", "name"])
    func detectorPasses(key: String) {
        #expect(!Self.isForbidden(key))
    }

    @Test("no key of an encoded envelope is named like a personal code", arguments: SampleEvents.arguments)
    func noPersonalCodeKey(sample: Sample) throws {
        func encode<E: DomainEvent>(_ event: E) throws -> [UInt8] {
            try ContractCoding.encode(EnvelopeTests.envelope(event))
        }
        let json = try JSONSerialization.jsonObject(with: Data(try encode(sample.event)))
        let keys = Self.keys(in: json)
        #expect(keys.contains("data"), "the walk must reach the payload")
        let offending = keys.filter(Self.isForbidden)
        #expect(offending.isEmpty, "\(sample.eventType) has \(offending)")
    }
}
