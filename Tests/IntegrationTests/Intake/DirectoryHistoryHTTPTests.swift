import Auth
import Foundation
import HTTPTypes
import Intake
import Postgres
import Rules
import Testing

/// What IKVD's directory page reads (issue #20): the municipalities, and a person's roles with
/// their history (who gave each and when, who took it back and when), revoked ones included.
@Suite("Intake HTTP: directory history")
struct DirectoryHistoryHTTPTests {
    @Test("The administrator lists municipalities and reads a person's assignment history, newest first, revocations kept")
    func history() async throws {
        let harness = try await IntakeHarness.make("intakedirhist")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let admin = directory.admin
            let municipalities = try await api.get("/directory/municipalities?limit=10", admin)
            #expect(municipalities.status == .ok && municipalities.json["total"] as? Int == 1, "\(municipalities.body)")

            let person = try await api.post("/directory/people", admin, #"{"name":"Anna Kalna","email":"anna.kalna@ludza.lv"}"#)
            let personId = try #require(person.string("id"))
            let assigned = try await api.post("/directory/assignments", admin,
                #"{"personId":"\#(personId)","role":"institution_head","scope":{"kind":"institution","id":"\#(directory.school)"}}"#)
            let assignmentId = try #require(assigned.string("id"))
            #expect(try await api.post("/directory/assignments/\(assignmentId)/revoke", admin).status == .ok)
            #expect(try await api.post("/directory/assignments", admin,
                #"{"personId":"\#(personId)","role":"ikvd_expert","scope":{"kind":"national"}}"#).status == .created)

            let history = try await api.get("/directory/people/\(personId)/assignments", admin)
            #expect(history.status == .ok, "\(history.body)")
            #expect((history.json["person"] as? [String: Any])?["name"] as? String == "Anna Kalna")
            let items = try #require(history.json["items"] as? [[String: Any]])
            #expect(items.map { $0["role"] as? String } == ["ikvd_expert", "institution_head"], "newest first: \(history.body)")
            #expect(items[0]["revokedAt"] == nil || items[0]["revokedAt"] is NSNull)
            #expect(items[1]["scopeName"] as? String == "Ludzas 2. vidusskola")
            #expect(items[1]["revokedAt"] is String && items[1]["assignedAt"] is String)
            #expect((items[1]["revokedBy"] as? String)?.lowercased() == (items[1]["assignedBy"] as? String)?.lowercased())

            // Only the administrator reads it; an unknown person is 404; the read is audited.
            let head = try await harness.token(.institutionHead, .institution(directory.school))
            #expect(try await api.get("/directory/people/\(personId)/assignments", head).status == .forbidden)
            #expect(try await api.get("/directory/people/\(UUID())/assignments", admin).status == .notFound)
            #expect(try await harness.scalar("SELECT count(*) FROM audit WHERE action = 'directory.assignment_history'") == 2)
        }
    }
}
