import AMQP
import Auth
import Contracts
import Foundation
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing
import Timesheets

extension PipelineSuites {
    /// Seed 004 in timesheets, against the real broker and database: inside an emergency period
    /// that covers the plan's institution only remote consultations are recorded; outside the
    /// period, outside its scope and after its end, on-site ones are again.
    @Suite("Timesheets: emergency periods, against real RabbitMQ + PostgreSQL", .serialized)
    struct TimesheetsEmergencyTests {
        static func declared(_ id: UUID, from: String, until: String?, scope: EmergencyScopePayload) -> EmergencyDeclared {
            EmergencyDeclared(emergencyId: id, name: "Ārkārtējā situācija", startsOn: from, endsOn: until, scope: scope, homeMealsFrom: nil,
                              homeMealsLowestGrade: 5, homeMealsHighestGrade: 12, homeMealsPlanSemester: nil,
                              declaredBy: ActorPayload(personId: UUID(), role: "ikvd_admin"), pausedByRegion: [])
        }

        @Test("only remote consultations inside the period and scope; on-site before, after and elsewhere; the end may arrive first")
        func remoteOnly() async throws {
            let harness = try await TimesheetsHarness.start()
            let api = harness.client()
            let (municipality, school, _) = try await harness.directory()
            let specialist = try await harness.recorder(.specialist, .institution(school))
            let plan = TimesheetsHarness.plan(school)
            let measure = TimesheetsHarness.consultation(1200)
            try await harness.start(plan, measures: [measure])
            func consult(_ date: String, remote: Bool) async throws -> HTTPReply {
                try await api.send("POST", "/timesheets/entries", specialist,
                                   TimesheetsHarness.consultationBody(plan, measure, date: date, minutes: 45, remote: remote))
            }

            let emergency = UUID()
            try await harness.upstream.publish(Self.declared(emergency, from: "2022-10-04", until: nil,
                                                             scope: EmergencyScopePayload(kind: "municipality", municipalityId: municipality)),
                                               producer: "approval")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM emergency_periods WHERE id = $1 AND starts_on IS NOT NULL", [emergency])) == 1
            })
            #expect(try await consult("2022-10-03", remote: false).status == 201, "the day before the period")
            let onSite = try await consult("2022-10-05", remote: false)
            #expect(onSite.status == 422 && onSite.rule == "emergency.consultation.remote_only", "\(onSite.body)")
            #expect(onSite.body.contains("attālināti") && onSite.body.contains("remote") && onSite.body.contains(#""field":"remote""#),
                    "Latvian first, English too, naming the field: \(onSite.body)")
            #expect(try await consult("2022-10-05", remote: true).status == 201, "remote is recorded")
            #expect(try await harness.host.scalar("SELECT count(*) FROM entries WHERE plan_id = $1 AND work_date = '2022-10-05'", [plan.planId]) == 1,
                    "the refused entry stored nothing")

            try await harness.upstream.publish(EmergencyEnded(emergencyId: emergency, endsOn: "2022-10-10",
                                                              endedBy: ActorPayload(personId: UUID(), role: "ikvd_admin"),
                                                              resumedPlans: 1, staysSuspended: 0), producer: "approval")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM emergency_periods WHERE id = $1 AND ended", [emergency])) == 1
            })
            #expect(try await consult("2022-10-11", remote: false).status == 201, "after the end")
            #expect(try await consult("2022-10-07", remote: false).rule == "emergency.consultation.remote_only", "a late entry for a day inside it")

            // Another region's emergency, whose end arrives before its declaration: it never touches Latgale, and the end stands.
            let elsewhere = UUID()
            try await harness.upstream.publish(EmergencyEnded(emergencyId: elsewhere, endsOn: "2022-10-19",
                                                              endedBy: ActorPayload(personId: UUID(), role: "ikvd_admin"),
                                                              resumedPlans: 0, staysSuspended: 0), producer: "approval")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM emergency_periods WHERE id = $1", [elsewhere])) == 1
            })
            try await harness.upstream.publish(Self.declared(elsewhere, from: "2022-10-12", until: nil,
                                                             scope: EmergencyScopePayload(kind: "region", region: "Kurzeme")), producer: "approval")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("""
                    SELECT count(*) FROM emergency_periods WHERE id = $1 AND starts_on = '2022-10-12' AND ends_on = '2022-10-19'
                    """, [elsewhere])) == 1
            })
            #expect(try await consult("2022-10-13", remote: false).status == 201, "Kurzeme's emergency does not reach Latgale")
            await harness.stop()
        }
    }
}
