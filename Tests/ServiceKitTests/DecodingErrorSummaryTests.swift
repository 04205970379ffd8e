import Contracts
import Foundation
@testable import ServiceKit
import Testing

@Suite("DecodingErrorSummary")
struct DecodingErrorSummaryTests {
    struct Payload: Decodable {
        struct Inner: Decodable { var code: String; var count: Int }
        var id: UUID
        var items: [Inner]
        var when: Date?
    }

    /// The summary of decoding `json` as `Payload` with the contract decoder.
    static func summary(_ json: String) -> String? {
        do {
            _ = try ContractCoding.decode(Payload.self, from: Array(json.utf8))
            return nil
        } catch {
            return DecodingErrorSummary.describe(error)
        }
    }

    static let goodId = "6F1C2D9E-8B7A-4C3D-9E2F-1A2B3C4D5E6F"

    @Test("names the path and the kind of problem, never the value", arguments: [
        // (json, words the summary must contain, the offending value that must not appear)
        (#"{"id":"SECRET-010101-12345","items":[]}"#, ["invalid value", "id"], "010101-12345"),
        (#"{"id":"\#(goodId)","items":[{"code":"x","count":"010101-12345"}]}"#, ["wrong type", "items", "[0]", "count"], "010101-12345"),
        (#"{"id":"\#(goodId)","items":[{"code":"x","count":1},{"code":null,"count":2}]}"#, ["null", "items", "[1]", "code"], "null,"),
        (#"{"id":"\#(goodId)","items":[{"count":1}]}"#, ["missing", "items", "[0]", "code"], "\"count\""),
        (#"{"id":"\#(goodId)"}"#, ["missing", "items"], goodId),
        (#"{"id":"\#(goodId)","items":[],"when":"010101-12345"}"#, ["invalid value", "when"], "010101-12345"),
    ])
    func describes(json: String, mustContain: [String], mustNotContain: String) throws {
        let summary = try #require(Self.summary(json))
        for word in mustContain { #expect(summary.contains(word), "'\(summary)' lacks '\(word)'") }
        #expect(!summary.contains(mustNotContain), "'\(summary)' echoes the value")
    }

    @Test("nested keys are joined with dots")
    func dottedPath() throws {
        let summary = try #require(Self.summary(#"{"id":"\#(Self.goodId)","items":[{"count":1}]}"#))
        #expect(summary.hasPrefix("missing items."))
        #expect(summary.hasSuffix(".code"))
    }

    @Test("malformed JSON: the root, no text of the input")
    func malformed() throws {
        let summary = try #require(Self.summary(#"{"id": 010101-12345"#))
        #expect(summary.contains("(root)"))
        #expect(!summary.contains("12345"))
    }

    @Test("an error that is not a decoding error is just invalid JSON")
    func otherError() {
        struct Other: Error {}
        #expect(DecodingErrorSummary.describe(Other()) == "invalid JSON")
    }
}
