import Contracts
import Foundation
import Testing

@Suite("SchemaVersion")
struct SchemaVersionTests {
    @Test("parses major.minor and a bare major", arguments: [
        ("1.2", 1, 2), ("1", 1, 0), ("0.0", 0, 0), ("2.0", 2, 0), ("10.20", 10, 20),
    ])
    func parsesGoodStrings(text: String, major: Int, minor: Int) throws {
        let version = try #require(SchemaVersion(text))
        #expect(version == SchemaVersion(major, minor))
        #expect(version.major == major)
        #expect(version.minor == minor)
    }

    @Test("rejects malformed strings", arguments: [
        "", ".", "1.", ".1", "1..0", "1.2.3", "a", "1.a", "v1.0", "-1.0", "1.-1", " 1.0", "1.0 ", "1,0",
        "99999999999999999999.0",
    ])
    func rejectsBadStrings(text: String) {
        #expect(SchemaVersion(text) == nil)
    }

    // `Int(_:)` alone accepts a leading "+"; the format is digits only ("1.2" or "1"), and a
    // version that parsed from "+1.0" would re-encode differently ("1.0").
    @Test("rejects a sign or a non-ASCII digit in a number", arguments: ["+1.0", "1.+2", "+1", "١.0", "1.٢"])
    func rejectsSigns(text: String) {
        #expect(SchemaVersion(text) == nil)
    }

    @Test("formats as major.minor, and parsing the format gives the same version", arguments: [
        SchemaVersion(1, 0), SchemaVersion(0, 7), SchemaVersion(3, 12), SchemaVersion(42),
    ])
    func formatRoundTrips(version: SchemaVersion) {
        #expect(version.description == "\(version.major).\(version.minor)")
        #expect(SchemaVersion(version.description) == version)
    }

    @Test("orders by major, then numerically by minor")
    func ordering() {
        #expect(SchemaVersion(1, 0) < SchemaVersion(1, 1))
        #expect(SchemaVersion(1, 9) < SchemaVersion(1, 10)) // numeric, not "1.10" < "1.9"
        #expect(SchemaVersion(1, 99) < SchemaVersion(2, 0))
        #expect(!(SchemaVersion(2, 0) < SchemaVersion(2, 0)))
        #expect(SchemaVersion(2, 0) > SchemaVersion(1, 5))
        let shuffled = [SchemaVersion(2, 0), SchemaVersion(1, 10), SchemaVersion(1, 2), SchemaVersion(0, 9)]
        #expect(shuffled.sorted() == [SchemaVersion(0, 9), SchemaVersion(1, 2), SchemaVersion(1, 10), SchemaVersion(2, 0)])
    }

    @Test("encodes as a JSON string")
    func encodesAsString() throws {
        let bytes = try ContractCoding.encode([SchemaVersion(1, 2)])
        #expect(String(decoding: bytes, as: UTF8.self) == #"["1.2"]"#)
    }

    @Test("decodes from a JSON string")
    func decodesFromString() throws {
        let versions = try ContractCoding.decode([SchemaVersion].self, from: Array(#"["3.4","5"]"#.utf8))
        #expect(versions == [SchemaVersion(3, 4), SchemaVersion(5, 0)])
    }

    @Test("refuses to decode a bad string or a number", arguments: [#"["x.y"]"#, #"["1.2.3"]"#, "[1.2]", "[1]", "[null]"])
    func refusesBadJSON(json: String) {
        #expect(throws: DecodingError.self) {
            try ContractCoding.decode([SchemaVersion].self, from: Array(json.utf8))
        }
    }
}

@Suite("EventType")
struct EventTypeTests {
    @Test("a literal, its raw value and its description are the dotted name")
    func literal() {
        let type: EventType = "plan.submitted"
        #expect(type.rawValue == "plan.submitted")
        #expect(type.description == "plan.submitted")
        #expect(type == EventType(rawValue: "plan.submitted"))
        #expect(type != EventType(rawValue: "plan.validated"))
    }

    @Test("encodes as a bare JSON string")
    func codable() throws {
        let bytes = try ContractCoding.encode([EventType(rawValue: "plan.approved")])
        #expect(String(decoding: bytes, as: UTF8.self) == #"["plan.approved"]"#)
        #expect(try ContractCoding.decode([EventType].self, from: bytes) == ["plan.approved"])
    }
}
