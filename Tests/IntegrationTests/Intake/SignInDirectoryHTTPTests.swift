import Auth
import Foundation
import HTTPTypes
import Intake
import Postgres
import Testing

/// `POST /directory/sign-in`, the staff portal's question "who is this person now" (issue #18),
/// and `POST /plans/{id}/check`, the findings a submission would meet, writing nothing.
@Suite("Intake HTTP: the portal's sign-in lookup and the plan check")
struct SignInDirectoryHTTPTests {
    static let secret = "portal-secret-for-tests"

    @Test("only the portal's credential answers; a subject (kept only as a keyed hash) or an id finds the person with the roles held now")
    func signInLookup() async throws {
        let harness = try await IntakeHarness.make("intakesignin", portalSecret: Self.secret)
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let subject = "120345-12345"   // Latvija.lv's subject is a personal code
            let created = try await api.post("/directory/people", directory.admin,
                                             #"{"name":"Ilze Kalniņa","email":"ilze.signin@ludza.lv","signInSubject":"\#(subject)"}"#)
            #expect(created.status == .created, "\(created.body)")
            let person = try #require(created.string("id"))
            #expect(!created.body.contains(subject))
            let assigned = try await api.post("/directory/assignments", directory.admin,
                #"{"personId":"\#(person)","role":"institution_head","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            #expect(assigned.status == .created, "\(assigned.body)")
            let assignment = try #require(assigned.string("id"))

            // Without the credential, with a person's token, or with a wrong secret: nothing.
            #expect(try await api.post("/directory/sign-in", nil, #"{"subject":"\#(subject)"}"#).status == .unauthorized)
            #expect(try await api.post("/directory/sign-in", directory.admin, #"{"subject":"\#(subject)"}"#).status == .unauthorized)
            #expect(try await api.post("/directory/sign-in", "wrong", #"{"subject":"\#(subject)"}"#).status == .unauthorized)

            let found = try await api.post("/directory/sign-in", Self.secret, #"{"subject":"\#(subject)"}"#)
            #expect(found.status == .ok, "\(found.body)")
            #expect(found.string("personId")?.lowercased() == person.lowercased())
            let roles = found.json["roles"] as? [[String: Any]] ?? []
            #expect(roles.count == 1 && roles.first?["role"] as? String == "institution_head" && roles.first?["placeName"] as? String != nil)
            #expect(!found.body.contains(subject))
            #expect(try await api.post("/directory/sign-in", Self.secret, #"{"subject":"999999-99999"}"#).status == .notFound)
            #expect(try await api.post("/directory/sign-in", Self.secret, #"{}"#).status == .unprocessableContent)

            // Stored only as a keyed hash: the plain subject is nowhere in the people table.
            let stored = try await harness.scalar("""
                SELECT count(*) FROM people WHERE id = $1::uuid
                AND octet_length(sign_in_subject_hash) = 32 AND position(convert_to($2, 'UTF8') in sign_in_subject_hash) = 0
                """, [person, subject])
            #expect(stored == 1, "a 32-byte keyed hash, not the subject")

            // Revoked: the next lookup by id has no roles left.
            #expect(try await api.post("/directory/assignments/\(assignment)/revoke", directory.admin).status == .ok)
            let after = try await api.post("/directory/sign-in", Self.secret, #"{"personId":"\#(person)"}"#)
            #expect((after.json["roles"] as? [[String: Any]] ?? []).isEmpty, "\(after.body)")

            // The same subject cannot be given to a second person.
            let again = try await api.post("/directory/people", directory.admin,
                                           #"{"name":"Cits","email":"cits.signin@ludza.lv","signInSubject":"\#(subject)"}"#)
            #expect(again.status == .conflict && again.rules == ["person.sign_in_subject_taken"])
        }
    }

    @Test("IKVD links a subject to a person registered before; nobody else may, and a subject held by another is refused")
    func linkExisting() async throws {
        let harness = try await IntakeHarness.make("intakelink", portalSecret: Self.secret)
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let made = try await api.post("/directory/people", directory.admin, #"{"name":"Pēteris","email":"peteris.link@ludza.lv"}"#)
            let person = try #require(made.string("id"))
            #expect(try await api.post("/directory/sign-in", Self.secret, #"{"subject":"peteris-sub"}"#).status == .notFound)
            let head = try await harness.token(.institutionHead, .institution(directory.school))
            #expect(try await api.put("/directory/people/\(person)/sign-in-subject", head, #"{"subject":"peteris-sub"}"#).status == .forbidden)
            #expect(try await api.put("/directory/people/\(person)/sign-in-subject", directory.admin, #"{"subject":"peteris-sub"}"#).status == .noContent)
            let found = try await api.post("/directory/sign-in", Self.secret, #"{"subject":"peteris-sub"}"#)
            #expect(found.string("personId")?.lowercased() == person.lowercased())
            let other = try await api.post("/directory/people", directory.admin, #"{"name":"Cits","email":"cits.link@ludza.lv"}"#)
            let otherId = try #require(other.string("id"))
            let taken = try await api.put("/directory/people/\(otherId)/sign-in-subject", directory.admin, #"{"subject":"peteris-sub"}"#)
            #expect(taken.status == .conflict && taken.rules == ["person.sign_in_subject_taken"])
            #expect(try await api.put("/directory/people/\(UUID())/sign-in-subject", directory.admin, #"{"subject":"nobody-sub"}"#).status == .notFound)
            #expect(try await api.put("/directory/people/\(person)/sign-in-subject", directory.admin, #"{"subject":"  "}"#).status == .unprocessableContent)
            #expect(try await harness.scalar("SELECT count(*) FROM audit WHERE action = 'directory.sign_in_subject_link'") == 1)
        }
    }

    @Test("without a configured secret the route does not exist")
    func switchedOff() async throws {
        let harness = try await IntakeHarness.make("intakesigninoff")
        try await harness.run { api in
            let reply = try await api.post("/directory/sign-in", "secret", #"{"subject":"x"}"#)
            #expect(reply.status == .notFound)
        }
    }

    @Test("a check reports the findings a submission would meet and writes nothing")
    func check() async throws {
        let harness = try await IntakeHarness.make("intakecheck")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let preparer = try await harness.token(.preparer, .institution(directory.school))
            let draft = try await api.post("/plans", preparer,
                #"{"institutionId":"\#(directory.school)","personalCode":"\#(IntakeHarness.code)","semester":"\#(IntakeHarness.semester)"}"#)
            let id = try #require(draft.string("id"))
            let empty = try await api.post("/plans/\(id)/check", preparer)
            #expect(empty.status == .ok && (empty.json["findings"] as? [Any])?.isEmpty == true)
            let content = #"{"card":{"gradeOrCourse":8,"preparerName":"Ilze","situation":"","goal":""},"risks":[{"code":"L02","justification":"","subjects":[],"howSupportHelps":""}],"measures":[]}"#
            #expect(try await api.put("/plans/\(id)/content", preparer, content).status == .ok)
            let before = try await harness.scalar("SELECT count(*) FROM plan_history")
            let checked = try await api.post("/plans/\(id)/check", preparer)
            let fields = (checked.json["findings"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(checked.json["submittable"] as? Bool == false)
            #expect(fields.contains("risks[0].justification"), "\(fields)")
            #expect(try await harness.scalar("SELECT count(*) FROM plan_history") == before)
            #expect(try await api.get("/plans/\(id)", preparer).json["status"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "draft")
            #expect(try await api.post("/plans/\(id)/check", preparer, #"{"x":1}"#).status == .unprocessableContent)
        }
    }
}
