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
    /// A month's work record from the first entry to the coordinator's approval, against the real
    /// broker and database, with the events timesheets publishes read from a probe queue.
    @Suite("Timesheets work records against real RabbitMQ + PostgreSQL", .serialized)
    struct TimesheetsWorkLogIntegrationTests {
        @Test("record a month, weekly warning, submit, return with comment, resubmit, approve once with the right lines; rights and scope")
        func month() async throws {
            let harness = try await TimesheetsHarness.start(probing: [WorkLogSubmitted.eventType.rawValue, WorkLogApproved.eventType.rawValue,
                                                                      WorkLogReturned.eventType.rawValue])
            let api = harness.client()
            let (municipality, school, other) = try await harness.directory()
            let specialistId = UUID(), coordinatorId = UUID()
            let specialist = try await harness.recorder(.specialist, .institution(school), person: specialistId)
            let colleague = try await harness.recorder(.specialist, .institution(school))
            let coordinator = try await harness.token(.institutionCoordinator, .institution(school), person: coordinatorId)
            let coordinatorAsSpecialist = try await harness.recorder(.specialist, .institution(school), person: coordinatorId)
            let head = try await harness.token(.institutionHead, .institution(school))
            let otherCoordinator = try await harness.token(.institutionCoordinator, .institution(other))
            let municipal = try await harness.token(.municipalityCoordinator, .municipality(municipality))
            let plan = TimesheetsHarness.plan(school)
            let measure = TimesheetsHarness.consultation(960)
            try await harness.start(plan, measures: [measure])
            func consult(_ date: String, _ minutes: Int, provider: String = "teacher", token: String? = nil) async throws -> HTTPReply {
                try await api.send("POST", "/timesheets/entries", token ?? specialist,
                                   TimesheetsHarness.consultationBody(plan, measure, date: date, minutes: minutes, provider: provider,
                                                                      subject: provider == "teacher" ? "matemātika" : nil, remote: provider != "teacher"))
            }

            // Three consultations in the week of 3 October: the third answer warns, and so does the month view.
            let monday = try await consult("2022-10-03", 45)
            #expect(monday.status == 201 && (monday.json["warnings"] as? [Any])?.isEmpty == true, "\(monday.body)")
            let location = try await api.send("GET", "/timesheets/entries/\(try #require(monday.value("entry", "id") as? String))", specialist)
            #expect(location.status == 200 && location.json["minutes"] as? Int == 45)
            _ = try await consult("2022-10-05", 45)
            let third = try await consult("2022-10-07", 60, provider: "psychologist")
            let warnings = try #require(third.json["warnings"] as? [[String: Any]], "\(third.body)")
            #expect(third.status == 201 && warnings.map { $0["rule"] as? String } == ["load.weekly.warning"] && warnings.first?["severity"] as? String == "warning",
                    "\(third.body)")
            let extra = try await consult("2022-10-10", 45)
            let workLogId = try #require(monday.value("entry", "workLogId") as? String)
            #expect(extra.value("entry", "workLogId") as? String == workLogId, "one record per person, institution and month")

            let detail = try await api.send("GET", "/timesheets/worklogs/\(workLogId)", coordinator)
            #expect(detail.status == 200 && (detail.json["weeklyWarnings"] as? [[String: Any]])?.first?["weekStart"] as? String == "2022-10-03", "\(detail.body)")
            #expect(try await api.send("GET", "/timesheets/worklogs/\(workLogId)", colleague).status == 404, "a colleague does not see it")
            #expect(try await api.send("GET", "/timesheets/worklogs/\(workLogId)", otherCoordinator).status == 404, "another institution's coordinator")
            #expect(try await api.send("GET", "/timesheets/worklogs/\(workLogId)", municipal).status == 200, "the municipality sees its schools")
            #expect(try await api.send("GET", "/timesheets/worklogs/\(workLogId)", try await harness.token(.finance, .national)).status == 403)

            // Only a submitted month is decided on; only the owner submits.
            let early = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/approve", coordinator)
            #expect(early.status == 409 && early.rule == "worklog.not_submitted" && early.body.contains("open"), "\(early.body)")
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLogId)/submit", coordinator).rule == "worklog.not_owner")
            let submitted = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/submit", specialist)
            #expect(submitted.status == 200 && submitted.json["state"] as? String == "submitted" && submitted.json["totalMinutes"] as? Int == 195, "\(submitted.body)")
            let again = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/submit", specialist)
            #expect(again.status == 409 && again.body.contains("submitted"), "the loser sees the current state: \(again.body)")

            // A submitted month is closed to its owner.
            let withdrawLate = try await api.send("POST", "/timesheets/entries/\(try #require(extra.value("entry", "id") as? String))/withdraw", specialist)
            #expect(withdrawLate.status == 409 && withdrawLate.rule == "worklog.not_editable", "\(withdrawLate.body)")
            #expect(try await consult("2022-10-12", 30).rule == "worklog.not_editable")

            // Returned: a comment is required; then the owner corrects and submits again.
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLogId)/return", coordinator, #"{"comment":"   "}"#).rule == "worklog.comment_required")
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLogId)/return", coordinator).rule == "worklog.comment_required")
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLogId)/return", head, #"{"comment":"Labot"}"#).status == 403)
            let returned = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/return", coordinator, #"{"comment":"10. oktobra konsultācija nenotika."}"#)
            #expect(returned.json["state"] as? String == "returned", "\(returned.body)")
            #expect(try await api.send("POST", "/timesheets/entries/\(try #require(extra.value("entry", "id") as? String))/withdraw", colleague).status == 404)
            #expect(try await api.send("POST", "/timesheets/entries/\(try #require(extra.value("entry", "id") as? String))/withdraw", specialist).status == 200)
            let resubmitted = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/submit", specialist)
            let version = try #require(resubmitted.json["version"] as? Int)
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLogId)/approve", coordinator, #"{"version":\#(version - 1)}"#)
                .rule == "worklog.version_mismatch")

            // Approve: the coordinator's own record is refused; another's is approved once.
            #expect(try await consult("2022-10-11", 30, token: coordinatorAsSpecialist).status == 201)
            let ownList = try await api.send("GET", "/timesheets/worklogs?month=2022-10", coordinatorAsSpecialist)
            let ownId = try #require((ownList.json["items"] as? [[String: Any]])?.first?["id"] as? String, "\(ownList.body)")
            #expect(try await api.send("POST", "/timesheets/worklogs/\(ownId)/submit", coordinatorAsSpecialist).status == 200)
            let own = try await api.send("POST", "/timesheets/worklogs/\(ownId)/approve", coordinator)
            #expect(own.status == 403 && own.rule == "worklog.own_record", "\(own.body)")
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLogId)/approve", otherCoordinator).status == 404)
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLogId)/approve", head).status == 403)
            let key = ["Idempotency-Key": "approve-\(workLogId)"]
            let approved = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/approve", coordinator, #"{"version":\#(version)}"#, headers: key)
            #expect(approved.status == 200 && approved.json["state"] as? String == "approved", "\(approved.body)")
            let retried = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/approve", coordinator, #"{"version":\#(version)}"#, headers: key)
            #expect(retried.status == 200 && retried.replayed && retried.body == approved.body)
            let late = try await api.send("POST", "/timesheets/worklogs/\(workLogId)/approve", coordinator)
            #expect(late.status == 409 && late.body.contains("approved"))

            // The month view: totals and history.
            let final = try await api.send("GET", "/timesheets/worklogs/\(workLogId)", specialist)
            #expect((final.json["history"] as? [[String: Any]])?.compactMap { $0["command"] as? String } == ["submit", "return", "submit", "approve"], "\(final.body)")
            #expect((final.json["history"] as? [[String: Any]])?[1]["comment"] as? String == "10. oktobra konsultācija nenotika.")
            #expect((final.json["entries"] as? [[String: Any]])?.filter { $0["withdrawn"] as? Bool == true }.count == 1)
            let lists = try await api.send("GET", "/timesheets/worklogs?month=2022-10&state=approved", municipal)
            #expect(lists.json["total"] as? Int == 1, "\(lists.body)")
            #expect(try await api.send("GET", "/timesheets/worklogs?month=2022-10", otherCoordinator).json["total"] as? Int == 0)
            #expect(try await api.send("GET", "/timesheets/worklogs?month=2022-10", coordinator).json["total"] as? Int == 2)
            #expect(try await api.send("GET", "/timesheets/worklogs?month=2022-10&personId=\(specialistId)", coordinator).json["total"] as? Int == 1)
            #expect(try await api.send("GET", "/timesheets/worklogs?month=October", coordinator).rule == "worklog.month_format")

            // Events: worklog.approved once for this record, with one line per measure and provider.
            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: harness.probe), count: 5,
                                                                                      amqp: harness.amqp)
            let types = try bodies.map { try ContractCoding.decode(EnvelopeHeaderProbe.self, from: $0).type }
            #expect(types.filter { $0 == "worklog.submitted" }.count == 3 && types.filter { $0 == "worklog.returned" }.count == 1, "\(types)")
            let approvals = try bodies.filter { try ContractCoding.decode(EnvelopeHeaderProbe.self, from: $0).type == "worklog.approved" }
                .map { try ContractCoding.decode(Envelope<WorkLogApproved>.self, from: $0).data }
            #expect(approvals.count == 1)
            let event = try #require(approvals.first)
            #expect(event.workLogId == UUID(uuidString: workLogId) && event.personId == specialistId && event.month == "2022-10")
            #expect(event.approvedBy == ActorPayload(personId: coordinatorId, role: "institution_coordinator"))
            let expected = [
                WorkLogLine(plan: plan, measureId: measure.measureId, role: "specialist", providerType: "psychologist", minutes: 60,
                            sessions: 1, subjects: [], hourlyRateCents: 1500),
                WorkLogLine(plan: plan, measureId: measure.measureId, role: "specialist", providerType: "teacher", minutes: 90, sessions: 2,
                            subjects: [WorkLogSubjectSessions(subject: "matemātika", sessions: 2, minutes: 90)], hourlyRateCents: 1500),
            ]
            #expect(event.lines == expected, "\(event.lines)")
            await harness.stop()
        }
    }
}
