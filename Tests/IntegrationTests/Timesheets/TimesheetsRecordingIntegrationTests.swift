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
    /// Recording delivered work against the real broker and database: when it opens and closes,
    /// the exact hour boundaries, the preparer's limit, concurrency, and redelivered events.
    @Suite("Timesheets recording against real RabbitMQ + PostgreSQL", .serialized)
    struct TimesheetsRecordingIntegrationTests {
        @Test("recording opens with implementation_may_start; dates, scope, suspension and exact hour limits are enforced")
        func recording() async throws {
            let harness = try await TimesheetsHarness.start()
            let api = harness.client()
            let (_, school, other) = try await harness.directory()
            let specialist = try await harness.recorder(.specialist, .institution(school))
            let preparer = try await harness.recorder(.preparer, .institution(school))
            let stranger = try await harness.recorder(.specialist, .institution(other))
            let plan = TimesheetsHarness.plan(school)
            let measure = TimesheetsHarness.consultation(600)
            func consult(_ date: String, _ minutes: Int, token: String? = nil, subject: String? = "matemātika") async throws -> HTTPReply {
                try await api.send("POST", "/timesheets/entries", token ?? specialist,
                                   TimesheetsHarness.consultationBody(plan, measure, date: date, minutes: minutes, subject: subject))
            }

            // Before implementation may start the plan is unknown here.
            let early = try await consult("2022-10-03", 45)
            #expect(early.status == 404 && early.rule == "entry.plan_unknown", "\(early.body)")
            try await harness.start(plan, measures: [measure])

            // The body, the dates and the scope.
            #expect(try await consult("2022-10-03", 45, subject: nil).rule == "entry.subject.required")
            #expect(try await consult("2022-10-03", 0).rule == "entry.minutes.range")
            let fraction = try await api.send("POST", "/timesheets/entries", specialist,
                                              TimesheetsHarness.consultationBody(plan, measure, date: "2022-10-03", minutes: 1).replacingOccurrences(of: #""minutes":1"#, with: #""minutes":1.5"#))
            #expect(fraction.status == 422 && fraction.rule == "request.schema", "\(fraction.body)")
            let future = try await consult("2022-10-21", 45)
            #expect(future.status == 422 && future.rule == "entry.date.future" && (future.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "workDate")
            #expect(try await consult("2022-08-31", 45).rule == "entry.date.outside_semester")
            #expect(try await consult("2022-10-03", 45, token: stranger).status == 404, "another institution's plan does not exist for them")
            let wrongProvider = try await api.send("POST", "/timesheets/entries", specialist,
                                                   TimesheetsHarness.consultationBody(plan, measure, date: "2022-10-03", minutes: 45, provider: "speech_therapist"))
            #expect(wrongProvider.rule == "entry.provider.not_planned")
            #expect(try await api.send("POST", "/timesheets/entries", specialist, TimesheetsHarness.preparerBody(plan, date: "2022-10-03", minutes: 30))
                .rule == "entry.measure.required")
            let codeInSubject = try await consult("2022-10-03", 45, subject: "Skolēns 161175-19997")
            #expect(codeInSubject.rule == "text.personal_code" && !codeInSubject.body.contains("161175"))

            // Delivered minutes: below, at and above the planned 600 (nothing half-written on a refusal).
            #expect(try await consult("2022-09-05", 300).status == 201)
            let second = try await consult("2022-09-12", 255)
            #expect(second.status == 201 && second.value("entry", "minutes") as? Int == 255, "\(second.body)")
            let above = try await consult("2022-10-03", 46)
            #expect(above.status == 422 && above.rule == "hours.delivered.exceeds_planned", "\(above.body)")
            #expect((above.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "minutes")
            #expect((above.json["errors"] as? [[String: Any]])?.first?["message"] as? String != nil && above.body.contains("0 h 45 min"),
                    "says how much is left: \(above.body)")
            let below = try await consult("2022-10-03", 44)
            #expect(below.status == 201, "599 of 600")
            #expect(try await consult("2022-10-04", 1).status == 201, "exactly 600 of 600")
            #expect(try await consult("2022-10-05", 1).rule == "hours.delivered.exceeds_planned", "601 of 600")
            // A withdrawn entry no longer counts.
            let withdrawn = try await api.send("POST", "/timesheets/entries/\(try #require(below.value("entry", "id") as? String))/withdraw", specialist)
            #expect(withdrawn.status == 200 && withdrawn.json["withdrawn"] as? Bool == true, "\(withdrawn.body)")
            #expect(try await consult("2022-10-05", 45).rule == "hours.delivered.exceeds_planned", "556 + 45 > 600")
            let location = try await consult("2022-10-05", 44)
            #expect(location.status == 201)
            #expect(try await harness.host.scalar("SELECT coalesce(sum(minutes), 0)::int FROM entries WHERE measure_id = $1 AND withdrawn_at IS NULL",
                                                  [measure.measureId]) == 600)
            #expect(try await harness.host.scalar("SELECT count(*)::int FROM entries WHERE plan_id = $1", [plan.planId]) == 5,
                    "only accepted entries were written (the withdrawn one stays)")

            // The preparer: 600 minutes per plan per semester, at and above the limit; no measure.
            #expect(try await api.send("POST", "/timesheets/entries", preparer,
                                       TimesheetsHarness.consultationBody(plan, measure, date: "2022-10-03", minutes: 30)).rule == "entry.preparer.no_measure")
            #expect(try await api.send("POST", "/timesheets/entries", preparer, TimesheetsHarness.preparerBody(plan, date: "2022-09-01", minutes: 540)).status == 201)
            let overLimit = try await api.send("POST", "/timesheets/entries", preparer, TimesheetsHarness.preparerBody(plan, date: "2022-10-10", minutes: 61))
            #expect(overLimit.status == 422 && overLimit.rule == "hours.preparer.limit" && overLimit.body.contains("10 h 00 min"), "\(overLimit.body)")
            #expect(try await api.send("POST", "/timesheets/entries", preparer, TimesheetsHarness.preparerBody(plan, date: "2022-10-10", minutes: 60)).status == 201)
            #expect(try await api.send("POST", "/timesheets/entries", preparer, TimesheetsHarness.preparerBody(plan, date: "2022-10-11", minutes: 1))
                .rule == "hours.preparer.limit")

            // What the institution sees as open for recording.
            let plans = try await api.send("GET", "/timesheets/plans?semester=2022/2023-1", specialist)
            let listed = try #require((plans.json["items"] as? [[String: Any]])?.first, "\(plans.body)")
            let listedMeasure = try #require((listed["measures"] as? [[String: Any]])?.first)
            #expect(listedMeasure["plannedMinutes"] as? Int == 600 && listedMeasure["deliveredMinutes"] as? Int == 600 && listedMeasure["remainingMinutes"] as? Int == 0)
            #expect((listed["preparer"] as? [String: Any])?["usedMinutes"] as? Int == 600 && (listed["preparer"] as? [String: Any])?["limitMinutes"] as? Int == 600)
            #expect(try await api.send("GET", "/timesheets/plans", stranger).json["total"] as? Int == 0)
            #expect(try await api.send("GET", "/timesheets/plans", try await harness.token(.finance, .national)).status == 403)

            // Idempotency-Key: a retried entry gets its stored answer, not a second entry.
            let fresh = TimesheetsHarness.plan(school)
            let freshMeasure = TimesheetsHarness.consultation(120)
            try await harness.start(fresh, measures: [freshMeasure])
            let key = ["Idempotency-Key": "entry-\(fresh.planId)"]
            let body = TimesheetsHarness.consultationBody(fresh, freshMeasure, date: "2022-10-12", minutes: 60)
            let first = try await api.send("POST", "/timesheets/entries", specialist, body, headers: key)
            let retried = try await api.send("POST", "/timesheets/entries", specialist, body, headers: key)
            #expect(first.status == 201 && retried.status == 201 && retried.replayed && retried.body == first.body)
            #expect(try await harness.host.scalar("SELECT count(*)::int FROM entries WHERE plan_id = $1", [fresh.planId]) == 1)

            // Suspended: refused; resumed: still closed; the resubmitted revision may start again.
            try await harness.upstream.publish(PlanSuspended(change: PlanLifecycleChange(plan: fresh, actor: ActorPayload(personId: UUID(), role: "preparer"),
                                                                                         reason: "Izglītojamais slimo")), producer: "approval")
            #expect(await harness.waitForStatus(fresh.planId, "suspended"))
            let suspended = try await api.send("POST", "/timesheets/entries", specialist,
                                               TimesheetsHarness.consultationBody(fresh, freshMeasure, date: "2022-10-13", minutes: 30))
            #expect(suspended.status == 409 && suspended.rule == "entry.plan_not_open" && suspended.body.contains("suspended"), "\(suspended.body)")
            try await harness.upstream.publish(PlanResumed(change: PlanLifecycleChange(plan: fresh, actor: ActorPayload(personId: UUID(), role: "preparer"),
                                                                                       reason: nil)), producer: "approval")
            #expect(await harness.waitForStatus(fresh.planId, "closed"))
            #expect(try await api.send("POST", "/timesheets/entries", specialist,
                                       TimesheetsHarness.consultationBody(fresh, freshMeasure, date: "2022-10-13", minutes: 30)).status == 409)
            var resubmitted = fresh
            resubmitted.revision = 3
            try await harness.start(resubmitted, measures: [freshMeasure])
            #expect(try await api.send("POST", "/timesheets/entries", specialist,
                                       TimesheetsHarness.consultationBody(fresh, freshMeasure, date: "2022-10-13", minutes: 30)).status == 201)
            // Deleted: final.
            try await harness.upstream.publish(PlanDeleted(change: PlanLifecycleChange(plan: resubmitted, actor: ActorPayload(personId: UUID(), role: "institution_head"),
                                                                                       reason: "Dublikāts")), producer: "approval")
            #expect(await harness.waitForStatus(fresh.planId, "deleted"))
            #expect(try await api.send("POST", "/timesheets/entries", specialist,
                                       TimesheetsHarness.consultationBody(fresh, freshMeasure, date: "2022-10-14", minutes: 10)).rule == "entry.plan_not_open")
            await harness.stop()
        }

        @Test("two entries at once that together exceed the planned minutes: exactly one is recorded, on two instances")
        func concurrentEntries() async throws {
            let harness = try await TimesheetsHarness.start(instances: 2)
            let (_, school, _) = try await harness.directory()
            let rounds = 10
            let measures = (0..<rounds).map { _ in TimesheetsHarness.consultation(60) }
            let plan = TimesheetsHarness.plan(school)
            try await harness.start(plan, measures: measures)
            let first = try await harness.recorder(.specialist, .institution(school))
            let second = try await harness.recorder(.specialist, .institution(school))
            var accepted = 0, refused = 0
            let clock = ContinuousClock()
            let started = clock.now
            for measure in measures {
                async let a = harness.client(0).send("POST", "/timesheets/entries", first,
                                                     TimesheetsHarness.consultationBody(plan, measure, date: "2022-10-17", minutes: 40))
                async let b = harness.client(1).send("POST", "/timesheets/entries", second,
                                                     TimesheetsHarness.consultationBody(plan, measure, date: "2022-10-18", minutes: 40, provider: "psychologist", subject: nil))
                let results = try await [a, b]
                accepted += results.filter { $0.status == 201 }.count
                refused += results.filter { $0.status == 422 && $0.rule == "hours.delivered.exceeds_planned" }.count
            }
            print("timesheets race: \(rounds) measures of 60 min, \(rounds * 2) simultaneous 40-min entries on two instances → \(accepted) recorded, \(refused) refused in \(clock.now - started)")
            #expect(accepted == rounds && refused == rounds)
            #expect(try await harness.host.scalar("""
                SELECT count(*)::int FROM (SELECT measure_id FROM entries WHERE plan_id = $1 AND withdrawn_at IS NULL GROUP BY measure_id HAVING sum(minutes) > 60) over
                """, [plan.planId]) == 0)
            await harness.stop()
        }

        @Test("the same event delivered three times changes nothing twice")
        func redelivery() async throws {
            let harness = try await TimesheetsHarness.start()
            let (_, school, _) = try await harness.directory()
            let plan = TimesheetsHarness.plan(school)
            let start = PlanImplementationMayStart(plan: plan, measures: [TimesheetsHarness.consultation(600)])
            let id = UUID()
            for _ in 0..<3 {
                try await harness.upstream.publish(start, producer: "approval", id: id)
                // Each copy leaves the upstream's outbox before the next one is queued.
                #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                    (try? await harness.upstream.pool.withConnection {
                        try $0.query("SELECT count(*)::int AS n FROM outbox WHERE message_id = $1 AND published_at IS NOT NULL", [id]).single()
                            .decode("n", as: Int.self)
                    }) == 1
                })
            }
            // The same content under new ids (another producer's retry) changes nothing either.
            try await harness.upstream.publish(start, producer: "approval")
            try await harness.upstream.publish(PlanApproved(plan: plan, approvedBy: ActorPayload(personId: UUID(), role: "ikvd_expert"),
                                                            measures: start.measures), producer: "approval")
            // A sentinel after them: once it is handled, everything before it in the queue was too.
            let sentinel = UUID()
            try await harness.upstream.publish(MunicipalityRegistered(municipalityId: sentinel, name: "Sentinel", region: "Latgale"), producer: "intake")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*)::int FROM replica_municipalities WHERE id = $1", [sentinel])) == 1
            })
            #expect(try await harness.host.scalar("SELECT count(*)::int FROM inbox WHERE message_id = $1", [id]) == 1)
            #expect(try await harness.host.scalar("SELECT count(*)::int FROM plan_changes WHERE plan_id = $1", [plan.planId]) == 1)
            #expect(try await harness.host.scalar("SELECT version FROM plans WHERE plan_id = $1", [plan.planId]) == 0)
            await harness.stop()
        }
    }
}
