import Auth
import Foundation
import HTTPTypes
import Intake
import Postgres
import Rules
import Testing

/// The directory as IKVD administrators and institution heads use it: who may register and
/// assign what, scope of what each sees, and that every change is an event in the outbox.
@Suite("Intake HTTP: directory")
struct DirectoryHTTPTests {
    @Test("IKVD admins register and assign heads; heads assign their own staff; nobody assigns above their rights")
    func assignments() async throws {
        let harness = try await IntakeHarness.make("intakedir")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let admin = directory.admin
            let preparer = try await harness.token(.preparer, .institution(directory.school))

            // Registration is the administrator's.
            #expect(try await api.post("/directory/municipalities", preparer, #"{"name":"X","region":"Latgale"}"#).status == .forbidden)
            let badRegion = try await api.post("/directory/municipalities", admin, #"{"name":"Y","region":"Atlantīda"}"#)
            #expect(badRegion.status == .unprocessableContent && badRegion.rules == ["region.unknown"] && badRegion.fields == ["region"])
            let stateWithMunicipality = try await api.post("/directory/institutions", admin,
                #"{"name":"Z","kind":"vocational","founder":"state","municipalityId":"\#(directory.municipality)","region":"Latgale"}"#)
            #expect(stateWithMunicipality.rules == ["institution.state_has_no_municipality"])
            // Partners are municipalities and VPII: a state general school would have nobody to approve at its second step.
            let stateGeneral = try await api.post("/directory/institutions", admin, #"{"name":"Z","kind":"general","founder":"state","region":"Latgale"}"#)
            #expect(stateGeneral.status == .unprocessableContent && stateGeneral.rules == ["institution.state_not_vocational"])
            let municipalWithout = try await api.post("/directory/institutions", admin, #"{"name":"Z","kind":"general","founder":"municipal"}"#)
            #expect(municipalWithout.rules == ["institution.municipality_required"])
            let wrongRegion = try await api.post("/directory/institutions", admin,
                #"{"name":"Z","kind":"general","founder":"municipal","municipalityId":"\#(directory.municipality)","region":"Kurzeme"}"#)
            #expect(wrongRegion.rules == ["institution.region_mismatch"])

            // People: names go into email headers, so no line breaks; addresses are checked.
            let injected = try await api.post("/directory/people", admin, #"{"name":"Anna\r\nBcc: all@example.com","email":"anna@example.lv"}"#)
            #expect(injected.status == .unprocessableContent && injected.fields == ["name"])
            let badEmail = try await api.post("/directory/people", admin, #"{"name":"Anna","email":"anna@@example"}"#)
            #expect(badEmail.rules == ["email.format"])
            let headPerson = try await api.post("/directory/people", admin, #"{"name":"Jānis Bērziņš","email":"janis@ludza.lv","language":"lv"}"#)
            #expect(headPerson.status == .created, "\(headPerson.body)")
            let headId = try #require(headPerson.string("id"))
            #expect(try await api.post("/directory/people", admin, #"{"name":"Cits","email":"JANIS@ludza.lv"}"#).rules == ["person.email_taken"])

            // The admin makes Jānis head of the school.
            let assignHead = try await api.post("/directory/assignments", admin,
                #"{"personId":"\#(headId)","role":"institution_head","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            #expect(assignHead.status == .created, "\(assignHead.body)")
            #expect(try await api.post("/directory/assignments", admin,
                #"{"personId":"\#(headId)","role":"institution_head","scope":{"kind":"institution","id":"\#(directory.school)"}}"#).rules == ["assignment.duplicate"])
            let vpiiOnly = try await api.post("/directory/assignments", admin,
                #"{"personId":"\#(headId)","role":"vpii_coordinator","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            #expect(vpiiOnly.status == .forbidden && vpiiOnly.rules == ["assignment.vpii_only"])

            // The head assigns a preparer in their own school, not elsewhere, and no head.
            let head = try await harness.token(.institutionHead, .institution(directory.school), person: UUID(uuidString: headId)!)
            let teacher = try await api.post("/directory/people", head, #"{"name":"Ilze Kalniņa","email":"ilze@ludza.lv","language":"en"}"#)
            let teacherId = try #require(teacher.string("id"))
            let assignPreparer = try await api.post("/directory/assignments", head,
                #"{"personId":"\#(teacherId)","role":"preparer","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            #expect(assignPreparer.status == .created)
            let elsewhere = try await api.post("/directory/assignments", head,
                #"{"personId":"\#(teacherId)","role":"preparer","scope":{"kind":"institution","id":"\#(directory.vpii)"}}"#)
            #expect(elsewhere.status == .forbidden && elsewhere.rules == ["assignment.out_of_scope"])
            let above = try await api.post("/directory/assignments", head,
                #"{"personId":"\#(teacherId)","role":"institution_head","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            #expect(above.status == .forbidden && above.rules == ["assignment.role_not_assignable"])
            #expect(try await api.post("/directory/assignments", preparer,
                #"{"personId":"\#(teacherId)","role":"specialist","scope":{"kind":"institution","id":"\#(directory.school)"}}"#).status == .forbidden)
            let smuggled = try await api.post("/directory/assignments", head,
                #"{"personId":"\#(teacherId)","role":"specialist","scope":{"kind":"institution","id":"\#(directory.school)"},"assignedBy":"\#(UUID())"}"#)
            #expect(smuggled.rules == ["request.unknown_field"])

            // Scope of what each sees: Ilze also works at the VPII; the school's head sees only her school role.
            let otherHead = try await harness.token(.institutionHead, .institution(directory.vpii))
            #expect(try await api.post("/directory/assignments", otherHead,
                #"{"personId":"\#(teacherId)","role":"specialist","scope":{"kind":"institution","id":"\#(directory.vpii)"}}"#).status == .created)
            // (The people the test's tokens stand for are in the directory too: rights are checked there.)
            func registered(_ reply: Reply) -> [[String: Any]] {
                ((reply.json["items"] as? [[String: Any]]) ?? []).filter { !(($0["email"] as? String)?.hasSuffix("@tests.example.lv") ?? false) }
            }
            let people = try await api.get("/directory/people", head)
            #expect(registered(people).count == 2, "\(people.body)")
            let ilze = (people.json["items"] as? [[String: Any]])?.first { ($0["id"] as? String)?.lowercased() == teacherId.lowercased() }
            #expect((ilze?["assignments"] as? [[String: Any]])?.count == 1, "another institution's assignment is not shown: \(people.body)")
            let vpiiPeople = try await api.get("/directory/people", otherHead)
            #expect(registered(vpiiPeople).count == 1 && !vpiiPeople.body.contains("preparer") && vpiiPeople.body.contains("specialist"),
                    "the VPII head sees Ilze as its specialist only: \(vpiiPeople.body)")
            #expect(try await api.get("/directory/institutions", head).json["total"] as? Int == 1)
            #expect(try await api.get("/directory/institutions/\(directory.vpii)", head).status == .notFound)
            #expect(try await api.get("/directory/institutions/\(directory.vpii)", admin).status == .ok)

            // Revocation: by someone who could assign it; the record stays, marked revoked.
            let assignmentId = try #require(assignPreparer.string("id"))
            #expect(try await api.post("/directory/assignments/\(assignmentId)/revoke", otherHead).status == .notFound)
            let revoked = try await api.post("/directory/assignments/\(assignmentId)/revoke", head)
            #expect(revoked.status == .ok && revoked.json["revoked"] as? Bool == true)
            #expect(try await api.post("/directory/assignments/\(assignmentId)/revoke", head).rules == ["assignment.already_revoked"])

            // Every change went out as an event, and nothing was deleted.
            let events = try await harness.pool.withConnection { connection in
                try connection.query("SELECT event_type, count(*) AS n FROM outbox GROUP BY event_type ORDER BY event_type").map {
                    "\(try $0.decode("event_type", as: String.self))=\(try $0.decode("n", as: Int.self))"
                }
            }
            #expect(events == ["directory.institution_registered=2", "directory.municipality_registered=1",
                               "directory.person_registered=2", "directory.role_assigned=3", "directory.role_revoked=1"])
            #expect(try await harness.scalar("SELECT count(*) FROM role_assignments WHERE assigned_by <> '00000000-0000-0000-0000-000000000000'") == 3)
        }
    }
}
