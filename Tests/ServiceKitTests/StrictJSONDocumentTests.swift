import Foundation
import HTTPTypes
import ServiceKit
import Testing

/// The checks and the decoder must read one document. A security review sent a personal code in
/// the first copy of a repeated key: the checks saw the last copy (Foundation's tree), the decoder
/// kept the first (Foundation's decoder), and the code reached the database, the broker and an
/// email. A trailing comma was accepted too. Both are now refused before anything is checked.
@Suite("StrictJSON reads exactly one RFC 8259 document")
struct StrictJSONDocumentTests {
    struct Comment: Codable { var comment: String }
    struct Plan: Codable {
        struct Risk: Codable { var code: String; var justification: String }
        var risks: [Risk]
    }

    func refusal(_ body: String, as type: (some Codable).Type) -> ProblemDetails? {
        do {
            _ = try StrictJSON.decode(type, from: Array(body.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("a personal code hidden in the first copy of a repeated key is refused, naming the key")
    func duplicateKeyHidingAPersonalCode() throws {
        let problem = try #require(refusal(#"{"comment":"Skolēna kods 100312-20006","comment":"labi"}"#, as: Comment.self),
                                   "the body was accepted")
        #expect(problem.status == .badRequest)
        #expect(problem.errors?.map(\.rule) == ["request.duplicate_key"])
        #expect(problem.errors?.map(\.field) == ["comment"])
    }

    @Test("a control character hidden in the first copy is refused too")
    func duplicateKeyHidingAControlCharacter() {
        let problem = refusal(#"{"comment":"a\u0000b","comment":"labi"}"#, as: Comment.self)
        #expect(problem?.status == .badRequest && problem?.errors?.first?.rule == "request.duplicate_key")
    }

    @Test("a repeated key deep inside is named by its path")
    func nestedDuplicateKey() {
        let body = #"{"risks":[{"code":"L01","justification":"x"},{"code":"L02","justification":"y","justification":"z"}]}"#
        let problem = refusal(body, as: Plan.self)
        #expect(problem?.errors?.map(\.field) == ["risks[1].justification"])
    }

    @Test("what RFC 8259 does not allow is refused with 400", arguments: [
        #"{"comment":"a",}"#, #"{"comment":["a",]}"#, #"{"comment":"a"} x"#, "{'comment':'a'}",
        #"{"comment":"a"/*c*/}"#, #"{comment:"a"}"#, "", #"{"comment":"\ud800"}"#,
    ])
    func notRFC8259(body: String) {
        let problem = refusal(body, as: Comment.self)
        #expect(problem?.status == .badRequest, "accepted or wrong status: \(body)")
        #expect(problem?.errors?.first?.rule == "request.json")
    }

    @Test("an ordinary body still decodes, and the same key in sibling objects is no repetition")
    func ordinaryBodies() throws {
        #expect(try StrictJSON.decode(Comment.self, from: Array(#" {"comment" : "labi"} "#.utf8)).comment == "labi")
        let plan = try StrictJSON.decode(Plan.self, from: Array(#"{"risks":[{"code":"L01","justification":"x"},{"code":"L02","justification":"y"}]}"#.utf8))
        #expect(plan.risks.map(\.code) == ["L01", "L02"])
    }
}
