import ApprovalRouting
import Auth
import Foundation
import Intake
import Mail
import Notifications
import Payouts
import PlatformClient
import Postgres
import RiskValidation
import Rules
import ServiceKit
import TestSupport
import Testing
import Timesheets

extension PipelineSuites {
    /// All six services hosted together on the real broker, database and SMTP sink, driven only
    /// through their HTTP APIs as each role would (the demo semester's script): a preparer writes
    /// and submits plans, validation passes them, head, municipality coordinator and IKVD approve,
    /// a specialist's month is recorded and approved, an expense claim is paid, finance's own AMQP
    /// client (pika) receives `payout.released`, and the emails arrive at the sink.
    @Suite("The whole system, end to end", .serialized)
    struct WholeSystemEndToEndTests {
        @Test("plan → validation → approval → a month's work → staff pay and a claim → finance and email")
        func wholeSystem() async throws {
            let system = try await SixServices.start()
            let finance = "finance-e2e-\(UUID().uuidString.prefix(8).lowercased())"
            _ = try await system.finance(["declare", "--queue", finance])

            let domain = "e2e\(UInt32.random(in: 0...UInt32.max)).example.lv"
            let demo = DemoSemester(api: PlatformAPI(endpoints: system.endpoints), minter: system.minter,
                                    administrator: try await system.administrator(),
                                    planContent: Array(try Data(contentsOf: URL(fileURLWithPath: IntegrationEnvironment.repositoryRoot
                                        + "/deploy/local/demo/plan-content.json"))),
                                    consentForm: Array(try Data(contentsOf: URL(fileURLWithPath: IntegrationEnvironment.repositoryRoot
                                        + "/deploy/local/demo/consent-form.pdf"))),
                                    semester: SixServices.semester, today: SixServices.today, suffix: " \(domain.prefix(9))",
                                    mailDomain: domain, log: { _ in })
            let outcome = try await demo.run()
            #expect(outcome.notes.isEmpty, "\(outcome.notes)")
            #expect(outcome.workLog != nil && outcome.claimPayout != nil && outcome.batch != nil)
            #expect(outcome.emergency != nil, "the demo declares an emergency period (seed 004)")

            // Each service's own record of the end states.
            let planA = try #require(UUID(uuidString: outcome.plans["A (in implementation, paid)"] ?? ""))
            let planB = try #require(UUID(uuidString: outcome.plans["B (awaiting municipality)"] ?? ""))
            let planC = try #require(UUID(uuidString: outcome.plans["C (VPII, approved)"] ?? ""))
            let planD = try #require(UUID(uuidString: outcome.plans["D (approved, consent pending)"] ?? ""))
            let planE = try #require(UUID(uuidString: outcome.plans["E (awaiting the school head)"] ?? ""))
            // A: the first consultation on an approved plan with consent started its implementation (issue #19 item 4);
            // D: approved at every level with consent pending, nothing may start (item 3).
            for (plan, state) in [(planA, "in_implementation"), (planB, "awaiting_municipality"), (planC, "approved"), (planD, "approved"),
                                 (planE, "awaiting_institution_head")] {
                #expect(try await system.approval.text("SELECT state FROM approval_plans WHERE plan_id = $1", [plan]) == state)
            }
            #expect(try await system.approval.host.scalar("SELECT count(*) FROM outbox WHERE event_type = 'plan.implementation_may_start' AND convert_from(body, 'UTF8') ILIKE '%' || $1 || '%'",
                                                          [planD.uuidString]) == 0, "no implementation without consent")
            #expect(try await system.timesheets.text("SELECT status FROM plans WHERE plan_id = $1", [planD]) == "waiting")
            #expect(try await system.timesheets.text("SELECT state FROM work_logs WHERE id = $1", [UUID(uuidString: outcome.workLog ?? "")]) == "approved")
            // Eventually: staff pay follows worklog.approved through the broker (slow while the rest of the suite runs).
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(90)) {
                (try? await system.payouts.host.scalar("SELECT count(*) FROM payouts WHERE plan_id = $1 AND state = 'released'", [planA])) == 2
            }, "the claim and the specialist's pay are released")
            let staff = try await system.payouts.host.scalar("SELECT amount_cents FROM payouts WHERE plan_id = $1 AND kind = 'staff'", [planA])
            #expect(staff == 3750, "150 minutes (30 of them written down by the coordinator) at the contract's 15.00 an hour")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(60)) {
                (try? await system.approval.host.scalar("SELECT amount_paid::int FROM approval_plans WHERE plan_id = $1", [planA])) == 8000
            }, "approval knows what the plan has been paid (it can no longer be deleted)")

            // Finance's own AMQP client: both payouts once, the sum equal to the ledger.
            let view = try await system.finance(["drain", "--queue", finance, "--idle", "3", "--plans", planA.uuidString])
            let released = view["released"] as? [String: Any] ?? [:]
            #expect(released["count"] as? Int == 2)
            #expect(released["total_cents"] as? Int == 8000)
            #expect(released["total_cents"] as? Int == (try await system.payouts.host.scalar(
                "SELECT COALESCE(sum(amount_cents), 0)::int FROM ledger WHERE plan_id = $1", [planA])))
            _ = try await system.finance(["delete", "--queue", finance])

            // The emails, read from the sink by Python's email package.
            let mails = await system.waitForMails(suffix: "@" + domain, atLeast: 6)
            let subjects = mails.map { "\(($0["envelopeTo"] as? [String])?.first ?? "") | \($0["subject"] as? String ?? "")" }
            func mailed(_ who: String) -> Bool { subjects.contains { $0.hasPrefix(who) } }
            #expect(mailed("school.head"), "the head is told a plan awaits them: \(subjects)")
            #expect(mailed("municipality.coordinator"), "\(subjects)")
            #expect(mailed("school.preparer"), "the preparer hears the plan is approved: \(subjects)")
            #expect(mailed("school.coordinator"), "the coordinator is told a month awaits approval: \(subjects)")
            #expect(mailed("finance"), "finance hears the batch is ready: \(subjects)")
            #expect(!mails.contains { mail in
                ["subject", "text", "html"].contains { PersonalCode.occurs(in: mail[$0] as? String ?? "") }
            }, "no personal code in any email")
            print("whole system: \(outcome.plans.count) plans; finance saw \(released["count"] ?? 0) payouts, \(released["total_cents"] ?? 0) cents; \(mails.count) emails")
            await system.stop()
        }
    }
}
