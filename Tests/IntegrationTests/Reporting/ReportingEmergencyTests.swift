import Auth
import Contracts
import Foundation
import TestSupport
import Testing

extension PipelineSuites {
    /// Issue #19 item 8: the statistics report an emergency's effect (plans paused per region,
    /// resumed and still suspended), from approval's events, whichever order they arrive in.
    @Suite("Reporting: the effect of emergency periods, against real RabbitMQ + PostgreSQL", .serialized)
    struct ReportingEmergencyTests {
        @Test("paused per region in the programme's order, then resumed; the end overtaking the declaration; IKVD only")
        func effect() async throws {
            let h = try await ReportingHarness.start()
            let expert = try await h.token(.ikvdExpert, .national)
            let coordinator = try await h.token(.municipalityCoordinator, .municipality(h.ludza))
            let actor = ActorPayload(personId: UUID(), role: "ikvd_expert")
            let national = UUID(), late = UUID()
            try await h.upstream.publish(EmergencyDeclared(
                emergencyId: national, name: "Covid-19", startsOn: "2020-03-13", endsOn: nil, scope: EmergencyScopePayload(kind: "national"),
                homeMealsFrom: "2020-03-31", homeMealsLowestGrade: 5, homeMealsHighestGrade: 12, homeMealsPlanSemester: "2019/2020-2",
                declaredBy: actor, pausedByRegion: [EmergencyRegionCount(region: "Zemgale", paused: 7), EmergencyRegionCount(region: "Rīga", paused: 40)]),
                producer: "approval")
            // Another emergency whose end is delivered before its declaration.
            try await h.upstream.publish(EmergencyEnded(emergencyId: late, endsOn: "2021-02-01", endedBy: actor, resumedPlans: 3, staysSuspended: 1),
                                         producer: "approval")
            try await h.upstream.publish(EmergencyDeclared(
                emergencyId: late, name: "Plūdi", startsOn: "2021-01-10", endsOn: "2021-01-31",
                scope: EmergencyScopePayload(kind: "region", region: "Latgale"), homeMealsFrom: nil, homeMealsLowestGrade: 5,
                homeMealsHighestGrade: 12, homeMealsPlanSemester: nil, declaredBy: actor,
                pausedByRegion: [EmergencyRegionCount(region: "Latgale", paused: 4)]), producer: "approval")
            try await h.upstream.publish(EmergencyEnded(emergencyId: national, endsOn: "2020-05-31", endedBy: actor, resumedPlans: 45, staysSuspended: 2),
                                         producer: "approval")
            var items: [[String: Any]] = []
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                let reply = try? await h.client.send("GET", "/statistics/emergencies", expert)
                items = (reply?.json["items"] as? [[String: Any]] ?? []).filter {
                    [national, late].map { $0.uuidString.lowercased() }.contains(($0["id"] as? String)?.lowercased() ?? "")
                }
                return items.count == 2 && items.allSatisfy { $0["ended"] as? Bool == true && $0["name"] is String }
            })
            let covid = try #require(items.first { $0["name"] as? String == "Covid-19" })
            #expect(covid["pausedPlans"] as? Int == 47 && covid["resumedPlans"] as? Int == 45 && covid["staysSuspended"] as? Int == 2)
            #expect((covid["pausedByRegion"] as? [[String: Any]])?.compactMap { $0["region"] as? String } == ["Rīga", "Zemgale"], "the programme's order")
            let floods = try #require(items.first { $0["name"] as? String == "Plūdi" })
            #expect(floods["endsOn"] as? String == "2021-02-01" && floods["region"] as? String == "Latgale", "the end kept though it came first: \(floods)")
            #expect(try await h.client.send("GET", "/statistics/emergencies", coordinator).status == 403)
            await h.stop()
        }
    }
}
