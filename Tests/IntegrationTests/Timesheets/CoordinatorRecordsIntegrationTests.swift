import AMQP
import Auth
import Contracts
import Foundation
import Rules
import ServiceKit
import TestSupport
import Testing
import Timesheets

extension PipelineSuites {
    /// Issue #19 item 6: the institution coordinator makes the staff's monthly work records, the
    /// record says who vouched for it, and the coordinator sees every service delivered at the school.
    @Suite("Timesheets: the coordinator's records against real RabbitMQ + PostgreSQL", .serialized)
    struct CoordinatorRecordsIntegrationTests {
        @Test("the coordinator records for a staff member inside their contract, attests, someone else approves; deliveries show it")
        func coordinatorMakesRecords() async throws {
            let harness = try await TimesheetsHarness.start()
            let api = harness.client()
            let (_, school, _) = try await harness.directory()
            let staffId = UUID(), coordinatorId = UUID()
            let specialist = try await harness.recorder(.specialist, .institution(school), person: staffId, professions: [.teacher])
            let coordinator = try await harness.token(.institutionCoordinator, .institution(school), person: coordinatorId)
            let otherCoordinator = try await harness.token(.institutionCoordinator, .institution(school))
            let head = try await harness.token(.institutionHead, .institution(school))
            let plan = TimesheetsHarness.plan(school)
            let measure = TimesheetsHarness.consultation(960)
            try await harness.start(plan, measures: [measure])
            func body(person: UUID?, date: String, provider: String = "teacher") -> String {
                var json = TimesheetsHarness.consultationBody(plan, measure, date: date, minutes: 45, provider: provider,
                                                               subject: provider == "teacher" ? "matemātika" : nil, remote: false)
                if let person { json = String(json.dropLast()) + #","personId":"\#(person)"}"# }
                return json
            }

            // The coordinator names whose work it is; the person's contract decides.
            #expect(try await api.send("POST", "/timesheets/entries", coordinator, body(person: nil, date: "2022-10-03")).rule == "entry.person_required")
            let noContract = try await api.send("POST", "/timesheets/entries", coordinator, body(person: staffId, date: "2022-10-03", provider: "psychologist"))
            #expect(noContract.rule == "entry.contract_missing", "\(noContract.body)")
            let made = try await api.send("POST", "/timesheets/entries", coordinator, body(person: staffId, date: "2022-10-03"))
            #expect(made.status == 201 && (made.value("entry", "recordedBy") as? String)?.lowercased() == coordinatorId.uuidString.lowercased(), "\(made.body)")
            let workLog = try #require(made.value("entry", "workLogId") as? String)
            // A specialist records only their own work.
            let foreign = try await api.send("POST", "/timesheets/entries", specialist, body(person: coordinatorId, date: "2022-10-04"))
            #expect(foreign.status == 403 && foreign.rule == "entry.not_coordinator", "\(foreign.body)")
            // The person's own entry lands in the same record.
            let own = try await api.send("POST", "/timesheets/entries", specialist, body(person: nil, date: "2022-10-05"))
            #expect(own.value("entry", "workLogId") as? String == workLog)

            // The coordinator attests it; they may not approve what they attested; the head (or another coordinator) decides.
            let attested = try await api.send("POST", "/timesheets/worklogs/\(workLog)/attest", coordinator)
            #expect(attested.status == 200 && attested.json["confirmation"] as? String == "coordinator"
                    && (attested.json["confirmedBy"] as? String)?.lowercased() == coordinatorId.uuidString.lowercased(), "\(attested.body)")
            let selfApproval = try await api.send("POST", "/timesheets/worklogs/\(workLog)/approve", coordinator)
            #expect(selfApproval.status == 403 && selfApproval.rule == "worklog.own_attestation", "\(selfApproval.body)")
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLog)/return", otherCoordinator, #"{"comment":"3. oktobris?"}"#)
                        .json["state"] as? String == "returned")
            // Returned, the person confirms it this time; the head may not decide a record the person confirmed.
            let confirmed = try await api.send("POST", "/timesheets/worklogs/\(workLog)/submit", specialist)
            #expect(confirmed.json["confirmation"] as? String == "person", "\(confirmed.body)")
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLog)/approve", head).status == 403)
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLog)/approve", coordinator).json["state"] as? String == "approved")

            // Everything delivered at the school that month, with who wrote it down.
            let deliveries = try await api.send("GET", "/timesheets/deliveries?month=2022-10", coordinator)
            let line = (deliveries.json["lines"] as? [[String: Any]])?.first { ($0["planId"] as? String)?.lowercased() == plan.planId.uuidString.lowercased() }
            #expect(line?["sessions"] as? Int == 2 && line?["minutes"] as? Int == 90 && line?["recordedByOthers"] as? Int == 1, "\(deliveries.body)")
            #expect(try await api.send("GET", "/timesheets/deliveries?month=2022-10", specialist).status == 403)
            #expect(try await api.send("GET", "/timesheets/deliveries?month=oktobris", head).rule == "worklog.month_format")
            await harness.stop()
        }
    }
}
