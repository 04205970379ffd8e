import AMQP
import ApprovalRouting
import Auth
import Contracts
import Foundation
import Rules
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Emergency periods (issue #19 item 8, seed 004) through approval routing's real API,
    /// database and broker: who may declare, the per-plan result, the lifecycle state left alone,
    /// the scope, the events, the bulk resume.
    @Suite("Approval: emergency periods, against real RabbitMQ + PostgreSQL", .serialized)
    struct ApprovalEmergencyTests {
        static let probed = [EmergencyDeclared.eventType.rawValue, EmergencyEnded.eventType.rawValue]

        static func outcomes(_ detail: [String: Any], action: String) -> [String: String] {
            var map: [String: String] = [:]
            for row in detail["results"] as? [[String: Any]] ?? [] where row["action"] as? String == action {
                if let plan = (row["planId"] as? String)?.lowercased(), let outcome = row["outcome"] as? String { map[plan] = outcome }
            }
            return map
        }

        @Test("declare a regional emergency: every plan in scope gets a result, states unchanged; resume in bulk; events carry the period")
        func declareAndResume() async throws {
            let harness = try await ApprovalHarness.start(probing: Self.probed)
            let api = harness.client()
            let (_, school, vpii) = try await harness.directory()
            let kurzemeSchool = try await harness.institution(kind: "general", founder: "municipal", municipality: UUID(), region: "Kurzeme")
            let head = try await harness.token(.institutionHead, .institution(school))
            let admin = try await harness.token(.ikvdAdmin, .national)
            let expert = try await harness.token(.ikvdExpert, .national)
            let latgaleExpert = try await harness.token(.ikvdExpert, .region("Latgale"))
            let kurzemeExpert = try await harness.token(.ikvdExpert, .region("Kurzeme"))

            let live = try await harness.validatedPlan(institution: school)
            let suspended = try await harness.validatedPlan(institution: school)
            let returned = try await harness.validatedPlan(institution: school)
            let vocational = try await harness.validatedPlan(institution: vpii)
            let elsewhere = try await harness.validatedPlan(institution: kurzemeSchool)
            for plan in [live, suspended, returned, vocational, elsewhere] {
                #expect(await harness.waitFor(plan.planId, "awaiting_institution_head"))
            }
            #expect(try await api.send("POST", "/approvals/plans/\(suspended.planId)/suspend", head, #"{"comment":"Ilgstoša prombūtne"}"#).status == 200)
            #expect(try await api.send("POST", "/approvals/plans/\(returned.planId)/return", head, #"{"comment":"Precizējiet L02."}"#).status == 200)

            let body = #"{"name":"Ārkārtējā situācija","reason":"Valdības rīkojums","startsOn":"2022-10-01","scope":{"kind":"region","region":"Latgale"},"homeMealsFrom":"2022-10-10"}"#
            // Who may declare: IKVD with national reach only.
            let byHead = try await api.send("POST", "/approvals/emergencies", head, body)
            #expect(byHead.status == 403 && byHead.body.contains("emergency.declarer"), "\(byHead.body)")
            let byRegional = try await api.send("POST", "/approvals/emergencies", latgaleExpert, body)
            #expect(byRegional.status == 403 && byRegional.body.contains("emergency.declarer"), "\(byRegional.body)")
            // Invalid input names the field and the rule, Latvian first.
            let backwards = try await api.send("POST", "/approvals/emergencies", admin,
                                               #"{"name":"X","reason":"Y","startsOn":"2022-10-01","endsOn":"2022-09-01","scope":{"kind":"national"}}"#)
            #expect(backwards.status == 422 && backwards.body.contains("emergency.range") && backwards.body.contains("Beigu datums"), "\(backwards.body)")
            let noRegion = try await api.send("POST", "/approvals/emergencies", admin, #"{"name":"X","reason":"Y","startsOn":"2022-10-01","scope":{"kind":"region"}}"#)
            #expect(noRegion.status == 422 && noRegion.body.contains("emergency.scope"), "\(noRegion.body)")
            #expect(try await harness.host.scalar("SELECT count(*) FROM emergencies") == 0, "refusals store nothing")

            let declared = try await api.send("POST", "/approvals/emergencies?limit=200", expert, body)
            #expect(declared.status == 201, "\(declared.body)")
            let results = Self.outcomes(declared.json, action: "pause")
            #expect(results == [live.planId.uuidString.lowercased(): "paused", suspended.planId.uuidString.lowercased(): "already_suspended",
                                returned.planId.uuidString.lowercased(): "not_live", vocational.planId.uuidString.lowercased(): "paused"],
                    "one result per plan of Latgale, none for Kurzeme: \(declared.body)")
            let emergency = try #require(declared.json["emergency"] as? [String: Any])
            let id = try #require(emergency["id"] as? String)
            #expect(emergency["homeMealsFrom"] as? String == "2022-10-10" && emergency["homeMealsPlanSemester"] as? String == "2022/2023-1",
                    "the terms are the period's data: \(emergency)")
            // The pause is an overlay: lifecycle states stay as they were.
            #expect(try await harness.state(live.planId) == "awaiting_institution_head")
            #expect(try await harness.state(vocational.planId) == "awaiting_institution_head")
            #expect(try await harness.state(suspended.planId) == "suspended")

            // Reads: IKVD only, scoped results.
            #expect(try await api.send("GET", "/approvals/emergencies", head).status == 403)
            let list = try await api.send("GET", "/approvals/emergencies", latgaleExpert)
            #expect((list.json["items"] as? [[String: Any]])?.first?["paused"] as? [String: Int] == ["paused": 2, "already_suspended": 1, "not_live": 1],
                    "\(list.body)")
            #expect(try await api.send("GET", "/approvals/emergencies/\(id)", kurzemeExpert).json["total"] as? Int == 0, "not their region's plans")
            #expect(try await api.send("GET", "/approvals/emergencies/\(id)", latgaleExpert).json["total"] as? Int == 4)
            #expect(try await api.send("GET", "/approvals/emergencies/\(UUID())", admin).status == 404)

            // Meanwhile the head suspends one paused plan individually; the end resumes the rest in bulk.
            #expect(try await api.send("POST", "/approvals/plans/\(live.planId)/suspend", head, #"{"comment":"Izglītojamais pārtrauca mācības"}"#).status == 200)
            #expect(try await api.send("POST", "/approvals/emergencies/\(id)/resume", head).status == 403)
            let ended = try await api.send("POST", "/approvals/emergencies/\(id)/resume?limit=200", admin, #"{"endsOn":"2022-10-20","comment":"Beidzās"}"#)
            #expect(ended.status == 200, "\(ended.body)")
            #expect(Self.outcomes(ended.json, action: "resume") == [live.planId.uuidString.lowercased(): "stays_suspended",
                                                                     vocational.planId.uuidString.lowercased(): "resumed"], "\(ended.body)")
            #expect((ended.json["emergency"] as? [String: Any])?["endsOn"] as? String == "2022-10-20")
            #expect(try await harness.state(vocational.planId) == "awaiting_institution_head", "resumed without approval again")
            let twice = try await api.send("POST", "/approvals/emergencies/\(id)/resume", admin)
            #expect(twice.status == 409 && twice.body.contains("emergency.already_ended"), "\(twice.body)")

            // The events: the period with its scope and terms, the paused count per region; the end.
            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: harness.probe),
                                                                                      count: 2, amqp: harness.amqp)
            let envelopes = try bodies.map { try ContractCoding.decode(EnvelopeHeaderProbe.self, from: $0).type }
            #expect(Set(envelopes) == Set(Self.probed), "\(envelopes)")
            let declaredText = bodies.map { String(decoding: $0, as: UTF8.self) }.first { $0.contains("emergency.declared") } ?? ""
            #expect(declaredText.contains(#"{"paused":2,"region":"Latgale"}"#) && declaredText.contains(#""homeMealsFrom":"2022-10-10""#), "\(declaredText)")
            let endedText = bodies.map { String(decoding: $0, as: UTF8.self) }.first { $0.contains("emergency.ended") } ?? ""
            #expect(endedText.contains(#""resumedPlans":1"#) && endedText.contains(#""staysSuspended":1"#), "\(endedText)")
            await harness.stop()
        }
    }
}
