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
    /// Issue #19 item 5, employment first: a staff contract gates recording (only inside it, only
    /// for its profession) and its rate is the pay rate of the month's lines.
    @Suite("Timesheets: staff contracts against real RabbitMQ + PostgreSQL", .serialized)
    struct StaffContractsIntegrationTests {
        @Test("no contract, another profession or outside its days: refused; overlap refused; the rate travels on the approved lines")
        func contracts() async throws {
            let harness = try await TimesheetsHarness.start(probing: [WorkLogApproved.eventType.rawValue])
            let api = harness.client()
            let (_, school, other) = try await harness.directory()
            let personId = UUID()
            let specialist = try await harness.token(.specialist, .institution(school), person: personId)
            let coordinator = try await harness.token(.institutionCoordinator, .institution(school))
            let otherCoordinator = try await harness.token(.institutionCoordinator, .institution(other))
            let finance = try await harness.token(.finance, .national)
            let plan = TimesheetsHarness.plan(school)
            let measure = TimesheetsHarness.consultation(960)
            try await harness.start(plan, measures: [measure])
            func consult(_ date: String, provider: String = "teacher") async throws -> HTTPReply {
                try await api.send("POST", "/timesheets/entries", specialist,
                                   TimesheetsHarness.consultationBody(plan, measure, date: date, minutes: 60, provider: provider,
                                                                      subject: provider == "teacher" ? "matemātika" : nil, remote: false))
            }
            func contract(_ token: String, institution: UUID, profession: String, rate: Int, from: String, until: String? = nil) async throws -> HTTPReply {
                let end = until.map { #","validUntil":"\#($0)""# } ?? ""
                return try await api.send("POST", "/timesheets/contracts", token, """
                    {"personId":"\(personId)","institutionId":"\(institution)","profession":"\(profession)","hourlyRateCents":\(rate),"validFrom":"\(from)"\(end)}
                    """)
            }

            // Without a contract nothing is recorded.
            let none = try await consult("2022-10-03")
            #expect(none.status == 409 && none.rule == "entry.contract_missing", "\(none.body)")

            // Only the institution's own coordinator or head registers one; the terms are checked.
            #expect(try await contract(otherCoordinator, institution: school, profession: "teacher", rate: 1800, from: "2022-09-01").status == 403)
            #expect(try await contract(specialist, institution: school, profession: "teacher", rate: 1800, from: "2022-09-01").status == 403)
            #expect(try await contract(coordinator, institution: school, profession: "teacher", rate: 0, from: "2022-09-01").rule == "contract.rate.range")
            #expect(try await contract(coordinator, institution: school, profession: "teacher", rate: 1800, from: "2022-09-01",
                                       until: "2022-08-01").rule == "contract.dates.order")
            let teacher = try await contract(coordinator, institution: school, profession: "teacher", rate: 1800, from: "2022-09-01",
                                             until: "2022-10-31")
            #expect(teacher.status == 201, "\(teacher.body)")
            let overlap = try await contract(coordinator, institution: school, profession: "teacher", rate: 2000, from: "2022-10-15")
            #expect(overlap.status == 409 && overlap.rule == "contract.overlap", "\(overlap.body)")
            // From November a new contract at a new rate.
            #expect(try await contract(coordinator, institution: school, profession: "teacher", rate: 2400, from: "2022-11-01").status == 201)

            // Inside the contract and its profession only.
            #expect(try await consult("2022-10-03").status == 201)
            let psychologist = try await consult("2022-10-04", provider: "psychologist")
            #expect(psychologist.status == 409 && psychologist.rule == "entry.contract_missing" && psychologist.body.contains("Psihologs"),
                    "another profession: \(psychologist.body)")
            let before = try await consult("2022-08-31")
            #expect(before.rule != nil && before.status != 201, "before the contract (or the semester): \(before.body)")

            // Who reads contracts: the person, the coordinator, finance; not another school.
            let mine = try await api.send("GET", "/timesheets/contracts", specialist)
            #expect((mine.json["items"] as? [[String: Any]])?.count == 2, "\(mine.body)")
            let financeView = try await api.send("GET", "/timesheets/contracts?personId=\(personId)", finance)
            #expect((financeView.json["items"] as? [[String: Any]])?.map { $0["hourlyRateCents"] as? Int } == [1800, 2400], "\(financeView.body)")
            #expect((try await api.send("GET", "/timesheets/contracts", otherCoordinator).json["items"] as? [Any])?.isEmpty == true)

            // Ending a contract before work recorded under it is refused; the record keeps who and why.
            let teacherId = try #require(teacher.json["id"] as? String)
            let early = try await api.send("POST", "/timesheets/contracts/\(teacherId)/end", coordinator, #"{"validUntil":"2022-10-01","reason":"Pārcelts"}"#)
            #expect(early.status == 409 && early.rule == "contract.work_after_end", "\(early.body)")

            // A month at the first rate: approved, its line carries 18.00 EUR/h.
            let workLog = try #require(try await consult("2022-10-05").value("entry", "workLogId") as? String)
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLog)/submit", specialist).status == 200)
            #expect(try await api.send("POST", "/timesheets/worklogs/\(workLog)/approve", coordinator).status == 200)
            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: harness.probe), count: 1,
                                                                                      amqp: harness.amqp)
            let approved = try ContractCoding.decode(Envelope<WorkLogApproved>.self, from: try #require(bodies.first))
            #expect(approved.data.lines.map(\.hourlyRateCents) == [1800] && approved.data.lines.map(\.minutes) == [120], "\(approved.data.lines)")
            await harness.stop()
        }
    }
}
