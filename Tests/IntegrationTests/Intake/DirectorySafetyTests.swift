import Auth
import Foundation
import HTTPTypes
import Intake
import Postgres
import Rules
import Testing

/// Security review #17, item 1 (intake's part): a head cannot give themselves a role, and a head
/// registering a person cannot learn whether an email is already somewhere in the directory.
@Suite("Intake HTTP: directory safety (review #17)")
struct DirectorySafetyTests {
    @Test("a head cannot assign a role to themselves (problem+json, Latvian and English); an admin cannot either")
    func noSelfAssignment() async throws {
        let harness = try await IntakeHarness.make("intakeself")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let headPerson = try await api.post("/directory/people", directory.admin, #"{"name":"Jānis Bērziņš","email":"janis.self@ludza.lv"}"#)
            let headId = try #require(headPerson.string("id"), "\(headPerson.body)")
            #expect(try await api.post("/directory/assignments", directory.admin,
                #"{"personId":"\#(headId)","role":"institution_head","scope":{"kind":"institution","id":"\#(directory.school)"}}"#).status == .created)
            let head = try await harness.token(.institutionHead, .institution(directory.school), person: try #require(UUID(uuidString: headId)))

            let own = try await api.post("/directory/assignments", head,
                #"{"personId":"\#(headId)","role":"institution_coordinator","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            #expect(own.status == .forbidden, "\(own.body)")
            #expect(own.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(own.rules == ["assignment.self"] && own.fields == ["personId"], "\(own.body)")
            let error = (own.json["errors"] as? [[String: Any]])?.first
            #expect((error?["message"] as? String)?.isEmpty == false && (error?["messageEn"] as? String)?.isEmpty == false)

            // An administrator giving themselves a national role is refused the same way.
            let adminId = UUID()
            let admin = try await harness.token(.ikvdAdmin, .national, person: adminId)
            let adminOwn = try await api.post("/directory/assignments", admin, #"{"personId":"\#(adminId)","role":"finance","scope":{"kind":"national"}}"#)
            #expect(adminOwn.status == .forbidden && adminOwn.rules == ["assignment.self"], "\(adminOwn.body)")

            // Nothing was written for either attempt; the head still assigns others.
            #expect(try await harness.scalar("SELECT count(*) FROM role_assignments WHERE person_id = $1 AND role <> 'institution_head'",
                                              [try #require(UUID(uuidString: headId))]) == 0)
            let teacher = try await api.post("/directory/people", head, #"{"name":"Ilze Kalniņa","email":"ilze.self@ludza.lv"}"#)
            #expect(try await api.post("/directory/assignments", head,
                #"{"personId":"\#(teacher.string("id") ?? "")","role":"preparer","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
                .status == .created)
        }
    }

    @Test("a head registering a person learns nothing about whether the email is already in the directory")
    func noEmailOracle() async throws {
        let harness = try await IntakeHarness.make("intakeoracle")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            // Aija works at the VPII only: the school's head cannot see her.
            let aija = try await api.post("/directory/people", directory.admin, #"{"name":"Aija Zariņa","email":"aija@rezekne.lv","language":"en"}"#)
            let aijaId = try #require(aija.string("id"))
            let vpiiHead = try await harness.token(.institutionHead, .institution(directory.vpii))
            #expect(try await api.post("/directory/assignments", vpiiHead,
                #"{"personId":"\#(aijaId)","role":"specialist","scope":{"kind":"institution","id":"\#(directory.vpii)"}}"#).status == .created)
            let head = try await harness.token(.institutionHead, .institution(directory.school))

            let fresh = try await api.post("/directory/people", head, #"{"name":"Pēteris Kalns","email":"peteris@ludza.lv"}"#)
            let known = try await api.post("/directory/people", head, #"{"name":"Pēteris Kalns","email":"AIJA@rezekne.lv"}"#)
            // The same status, the same keys, the same echoed fields: nothing tells the two apart.
            #expect(fresh.status == .created, "\(fresh.body)")
            #expect(known.status == .created, "an existing email must not answer differently: \(known.body)")
            #expect(Set(known.json.keys) == Set(fresh.json.keys), "\(known.body) vs \(fresh.body)")
            #expect(known.string("name") == "Pēteris Kalns" && known.string("language") == "lv", "\(known.body)")
            #expect(!known.body.contains("Aija") && !known.body.contains("specialist"), "the stored person is not shown: \(known.body)")
            #expect(known.headers[.location] != nil)

            // The legitimate path still works: the head gives the (linked) person a role in the school.
            let knownId = try #require(known.string("id"))
            #expect(knownId.lowercased() == aijaId.lowercased(), "one person per email: the existing one is linked, not duplicated")
            let assigned = try await api.post("/directory/assignments", head,
                #"{"personId":"\#(knownId)","role":"preparer","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            #expect(assigned.status == .created, "\(assigned.body)")
            #expect(try await harness.scalar("SELECT count(*) FROM people WHERE lower(email) = 'aija@rezekne.lv'") == 1)
            #expect(try await harness.scalar("SELECT count(*) FROM audit WHERE action = 'directory.person_link'") == 1)
            // Only a genuinely new person is announced to the other services.
            #expect(try await harness.scalar("SELECT count(*) FROM outbox WHERE event_type = 'directory.person_registered'") == 2)

            // The administrator sees the whole directory anyway, and keeps the plain answer.
            let adminTwice = try await api.post("/directory/people", directory.admin, #"{"name":"Cits","email":"aija@rezekne.lv"}"#)
            #expect(adminTwice.status == .conflict && adminTwice.rules == ["person.email_taken"], "\(adminTwice.body)")
        }
    }
}
