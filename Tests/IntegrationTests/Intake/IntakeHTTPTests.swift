import Auth
import Crypto
import Foundation
import HTTPTypes
import Intake
import Postgres
import Rules
import TestSupport
import Testing

/// Creating a draft and the token checks every route shares, through the router with real
/// tokens and the real database.
@Suite("Intake HTTP: drafts and tokens")
struct IntakeHTTPTests {
    @Test("as preparers and strangers would create a draft")
    func createDraft() async throws {
        let harness = try await IntakeHarness.make("intakehttp")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let school = directory.school
            let preparer = try await harness.token(.preparer, .institution(school))
            let otherSchoolPreparer = try await harness.token(.preparer, .institution(directory.vpii))
            let specialist = try await harness.token(.specialist, .institution(school))
            let good = #"{"institutionId":"\#(school)","personalCode":"\#(IntakeHarness.code)","semester":"2026/2027-1"}"#

            let created = try await api.post("/plans", preparer, good)
            #expect(created.status == .created, "\(created.body)")
            #expect(created.body.contains(#""studentCode":"S-"#) && created.headers[.location] != nil)
            #expect(!created.body.contains("100308"), "the response never carries the personal code")

            let duplicate = try await api.post("/plans", preparer, good)
            #expect(duplicate.status == .conflict && duplicate.rules == ["plan.duplicate_in_semester"])
            #expect(try await api.post("/plans", specialist, good).status == .forbidden, "wrong role")
            #expect(try await api.post("/plans", otherSchoolPreparer, good).status == .forbidden, "wrong institution")

            let unregistered = UUID()
            let stranger = try await harness.token(.preparer, .institution(unregistered))
            let unknownSchool = try await api.post("/plans", stranger, #"{"institutionId":"\#(unregistered)","personalCode":"\#(IntakeHarness.code)","semester":"2026/2027-1"}"#)
            #expect(unknownSchool.status == .unprocessableContent && unknownSchool.rules == ["institution.unknown"])

            let badCode = try await api.post("/plans", preparer, #"{"institutionId":"\#(school)","personalCode":"100308-20019","semester":"2026/2027-1"}"#)
            #expect(badCode.status == .unprocessableContent && badCode.fields == ["personalCode"] && badCode.rules == ["personal_code.checksum"])
            #expect(!badCode.body.contains("100308"), "errors never echo the personal code")

            let roleSmuggled = try await api.post("/plans", preparer, #"{"institutionId":"\#(school)","personalCode":"\#(IntakeHarness.otherCode)","semester":"2026/2027-1","role":"ikvd_admin"}"#)
            #expect(roleSmuggled.status == .unprocessableContent && roleSmuggled.fields == ["role"] && roleSmuggled.rules == ["request.unknown_field"])
            let badSemester = try await api.post("/plans", preparer, #"{"institutionId":"\#(school)","personalCode":"\#(IntakeHarness.otherCode)","semester":"2026-1"}"#)
            #expect(badSemester.rules == ["semester.format"])
            let injection = try await api.post("/plans", preparer, #"{"institutionId":"\#(school)","personalCode":"'; DROP TABLE plans; --","semester":"2026/2027-1"}"#)
            #expect(injection.status == .unprocessableContent && injection.fields == ["personalCode"])
            let injectedSemester = try await api.get("/plans?semester=2026%2F2027-1'%20OR%201=1--", preparer)
            #expect(injectedSemester.rules == ["semester.format"])
            let notJSON = try await api.post("/plans", preparer, "{not json")
            #expect(notJSON.status == .badRequest && notJSON.rules == ["request.json"])
            let missing = try await api.post("/plans", preparer, #"{"institutionId":"\#(school)","semester":"2026/2027-1"}"#)
            #expect(missing.fields == ["personalCode"] && missing.rules == ["request.schema"])
            let oversized = try await api.post("/plans", preparer, #"{"institutionId":"\#(school)","personalCode":"\#(String(repeating: "1", count: 20_000))","semester":"2026/2027-1"}"#)
            #expect(oversized.status == .contentTooLarge && oversized.rules == ["request.size_limit"])
            #expect(oversized.headers[.contentType]?.hasPrefix("application/problem+json") == true)

            // New-format codes carry no birth date: it may be given, and must not be in the future.
            let newFormat = try await api.post("/plans", preparer, #"{"institutionId":"\#(school)","personalCode":"32579461005","semester":"2026/2027-1","birthDate":"2030-01-01"}"#)
            #expect(newFormat.rules == ["student.birth_date"])

            // Idempotency-Key: same key and body → the stored response; same key, other body → 422.
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "create-\(UUID())"]
            let other = #"{"institutionId":"\#(school)","personalCode":"\#(IntakeHarness.otherCode)","semester":"2026/2027-1"}"#
            let first = try await api.post("/plans", preparer, other, headers: key)
            let second = try await api.post("/plans", preparer, other, headers: key)
            #expect(first.status == .created && second.status == .created && first.body == second.body)
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let reused = try await api.post("/plans", preparer, good.replacingOccurrences(of: "2026/2027-1", with: "2026/2027-2"), headers: key)
            #expect(reused.status == .unprocessableContent && reused.rules == ["idempotency.key_reused"])
            // The stored fingerprint is keyed: a plain hash of the body (which holds the personal code) is not there.
            var plain = SHA256()
            plain.update(data: Array("POST /plans\n".utf8) + Array(other.utf8))
            #expect(try await harness.scalar("SELECT count(*) FROM idempotency_keys WHERE fingerprint = $1", [Array(plain.finalize())]) == 0)
            #expect(try await harness.scalar("SELECT count(*) FROM idempotency_keys") == 1)
            #expect(try await harness.scalar("SELECT count(*) FROM plans") == 2, "only the two valid requests wrote plans")
        }
    }

    @Test("every bad token is refused with 401 on every kind of route")
    func badTokens() async throws {
        let harness = try await IntakeHarness.make("intaketokens")
        let school = UUID()
        let person = UUID()
        let expired = try await harness.expiredMinter.mint(personId: person, role: .preparer, scope: .institution(school), lifetime: .seconds(60))
        let foreign = try await harness.foreignKeyMinter.mint(personId: person, role: .preparer, scope: .institution(school))
        let wrongIssuer = try await harness.wrongIssuerMinter.mint(personId: person, role: .preparer, scope: .institution(school))
        let wrongAudience = try await harness.wrongAudienceMinter.mint(personId: person, role: .preparer, scope: .institution(school))
        let valid = try await harness.token(.preparer, .institution(school), person: person)
        let parts = valid.split(separator: ".")
        let none = Base64URLTest.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + parts[1] + "."
        let hs256 = Base64URLTest.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8)) + "." + parts[1] + "." + parts[2]
        let tampered = parts[0] + "." + Base64URLTest.encode(Array(#"{"role":"ikvd_admin"}"#.utf8)) + "." + parts[2]
        try await harness.run { api in
            for uri in ["/plans", "/plans/\(UUID())", "/directory/institutions", "/plans/\(UUID())/documents"] {
                for (name, token) in [("expired", expired), ("foreign key", foreign), ("wrong issuer", wrongIssuer),
                                      ("wrong audience", wrongAudience), ("alg none", none), ("alg HS256", hs256),
                                      ("tampered", tampered), ("garbage", "abc.def"), ("empty", "")] {
                    let reply = try await api.get(uri, token)
                    #expect(reply.status == .unauthorized, "\(name) on \(uri)")
                    #expect(reply.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                }
                #expect(try await api.get(uri, nil).status == .unauthorized, "no token on \(uri)")
            }
            #expect(try await api.get("/plans", valid).status == .ok, "the valid token works")
        }
    }
}

enum Base64URLTest {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
