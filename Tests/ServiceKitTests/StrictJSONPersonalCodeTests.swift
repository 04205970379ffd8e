import Foundation
import Rules
import ServiceKit
import Testing

/// Free text refuses a personal code; identifiers are not free text. The pipeline benchmark found
/// bulk approvals refused because a plan's UUID held eleven digits with a valid check digit.
@Suite("StrictJSON and personal codes")
struct StrictJSONPersonalCodeTests {
    struct Body: Codable { var planIds: [String]; var comment: String? }

    @Test("a UUID whose digits look like a personal code is accepted")
    func uuidIsNotText() throws {
        let id = "27108f4f-6491-4ca0-aa7c-42932188492d"
        #expect(PersonalCode.occurs(in: id), "the digits 42932188492 pass the check digit: the case this guards")
        let body = try StrictJSON.decode(Body.self, from: Array(#"{"planIds":["\#(id)"]}"#.utf8))
        #expect(body.planIds == [id])
    }

    @Test("a personal code in free text is still refused, also next to a UUID")
    func codeInTextRefused() {
        for text in ["Skolēna kods 100312-20006", "27108f4f-6491-4ca0-aa7c-42932188492d 100312-20006"] {
            #expect(throws: ProblemDetails.self) {
                try StrictJSON.decode(Body.self, from: Array(#"{"planIds":[],"comment":"\#(text)"}"#.utf8))
            }
        }
    }
}
