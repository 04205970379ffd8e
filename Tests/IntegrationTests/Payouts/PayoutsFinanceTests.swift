import AMQP
import Auth
import Contracts
import Foundation
import Logging
import Payouts
import Postgres
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Staff pay from approved work records, the ledger, batches and exports, and finance's own
    /// AMQP client (Python's pika) reconciling what it received with the ledger and the SEPA file.
    @Suite("Payouts: staff pay, ledger and finance")
    struct PayoutsFinanceTests {
        @Test("handlers and catalogue agree")
        func catalogue() {
            #expect(PayoutsService.handlers.eventTypes.map(\.rawValue).sorted() == CatalogueTopology.routingKeys(consumedBy: "payouts"))
        }

        static func workLog(_ plan: PayoutsHarness.TestPlan, person: UUID, month: String) -> WorkLogApproved {
            WorkLogApproved(workLogId: UUID(), personId: person, institutionId: plan.reference.institutionId, month: month, lines: [
                WorkLogLine(plan: plan.reference, measureId: plan.consultation, role: "specialist", providerType: "teacher", minutes: 90),
                WorkLogLine(plan: plan.reference, measureId: plan.consultation, role: "specialist", providerType: "teacher", minutes: 45),
            ], approvedBy: ActorPayload(personId: UUID(), role: "institution_coordinator"))
        }

        @Test("an approved month delivered three times (and re-published) pays once; held for bank details, then released")
        func staffPayOnce() async throws {
            let harness = try await PayoutsHarness.start()
            let plan = try await harness.startedPlan()
            try await harness.approve(plan)
            let person = UUID()
            let event = Self.workLog(plan, person: person, month: "2022-10")
            let id = UUID()
            for _ in 0..<3 { try await harness.upstream.publish(event, producer: "timesheets", id: id) }
            try await harness.upstream.publish(event, producer: "timesheets")   // the same content under a new message id
            // Both message ids processed (the plan's own events are in the inbox too, so count these).
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM inbox WHERE event_type = 'worklog.approved'")) ?? 0 >= 2
            })
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1", [person]) == 1)
            // 135 minutes at 15.00 an hour = 33.75.
            #expect(try await harness.host.scalar("SELECT amount_cents FROM payouts WHERE person_id = $1", [person]) == 3375)
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1 AND hold_reason = 'payee_details_missing'",
                                                  [person]) == 1)
            let own = try await harness.token(.specialist, person: person)
            let registered = try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own,
                                                           #"{"name":"Jānis Ozols","iban":"LV80 BANK 0000 4351 9500 1"}"#)
            #expect(registered.status == 200, "\(registered.body)")
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1 AND state = 'released'", [person]) == 1)
            // Someone else may not register a person's account (review #17: 403, only the person themselves).
            let stranger = try await harness.token(.specialist)
            let refused = try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", stranger,
                                                        #"{"name":"X Y","iban":"LV80BANK0000435195001"}"#)
            #expect(refused.status == 403 && refused.body.contains("payee.own_account_only"), "\(refused.body)")
            await harness.stop()
        }

        @Test("bank details registered while the month's pay is being recorded: the pay is released, not held for ever")
        func payeeRacesWorkLog() async throws {
            // The whole-system test once saw a month's pay held for ever: the registration and the
            // worklog.approved handler each missed the other's uncommitted row. To make that moment
            // certain, a month on two plans is paid while the test holds the second plan's row: the
            // handler has recorded the first plan's pay (held, no bank details) and waits; the
            // person registers their details; then the test lets the handler finish.
            let harness = try await PayoutsHarness.start()
            let first = try await harness.startedPlan(), second = try await harness.startedPlan()
            try await harness.approve(first)
            try await harness.approve(second)
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM pay_plans WHERE plan_id IN ($1, $2) AND fully_approved",
                                                [first.reference.planId, second.reference.planId])) == 2
            })
            let blocker = try await PostgresConnection.connect(configuration: harness.host.pool.configuration,
                                                               logger: Logger(label: "test.blocker"))
            let secondPlan = second.reference.planId
            try await blocker.run { connection in
                try connection.execute("BEGIN")
                _ = try connection.query("SELECT 1 FROM pay_plans WHERE plan_id = $1 FOR UPDATE", [secondPlan])
            }
            let person = UUID()
            var month = Self.workLog(first, person: person, month: "2022-10")
            month.lines.append(WorkLogLine(plan: second.reference, measureId: second.consultation, role: "specialist", providerType: "teacher",
                                           minutes: 60))
            try await harness.upstream.publish(month, producer: "timesheets")
            // The handler now waits for the second plan's row, its first payout written but not committed.
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("""
                    SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%pay_plans%' AND pid <> pg_backend_pid()
                    """)) ?? 0 >= 1
            }, "the handler waits for the second plan")
            let own = try await harness.token(.specialist, person: person)
            let registration = Task {
                try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, #"{"name":"Jānis Ozols","iban":"LV80BANK0000435195001"}"#)
            }
            try await Task.sleep(for: .seconds(1))
            _ = try await blocker.run { try $0.execute("COMMIT") }
            await blocker.close()
            let reply = try await registration.value
            #expect(reply.status == 200, "\(reply.body)")
            let released = await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1 AND state = 'released'", [person])) == 2
            }
            let held = try await harness.host.scalar("SELECT count(*) FROM payouts WHERE person_id = $1 AND state = 'held'", [person])
            #expect(released, "\(held) of the month's 2 payouts still held")
            await harness.stop()
        }

        @Test("a role without an hourly rate dead-letters the work record instead of paying a guess")
        func missingRate() async throws {
            let harness = try await PayoutsHarness.start()
            let plan = try await harness.startedPlan()
            var event = Self.workLog(plan, person: UUID(), month: "2022-10")
            event.lines = [WorkLogLine(plan: plan.reference, measureId: plan.consultation, role: "specialist",
                                       providerType: "speech_therapist", minutes: 60)]
            try await harness.upstream.publish(event, producer: "timesheets")
            let dead = AMQPTopology.deadLetterQueue(for: harness.host.service)
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                ((try? await AMQPAdmin(url: harness.amqp).messageCount(queue: dead)) ?? 0) == 1
            })
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts") == 0)
            await harness.stop()
        }

        @Test("finance receives each payout once and its sum reconciles with the ledger, the batch and the SEPA file")
        func financeReconciles() async throws {
            let harness = try await PayoutsHarness.start()
            let queue = "finance-\(UUID().uuidString.prefix(8).lowercased())"
            _ = try await harness.finance(["declare", "--queue", queue])
            let preparer = try await harness.token(.preparer)
            let financeToken = try await harness.token(.finance)
            var plans: [PayoutsHarness.TestPlan] = []
            for index in 0..<4 {
                let plan = try await harness.startedPlan()
                plans.append(plan)
                _ = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 2000 + index * 1777)
                _ = try await harness.claim(preparer, plan: plan, measure: plan.items, period: PayoutsHarness.semester, cents: 2999)
            }
            let person = UUID()
            try await harness.upstream.publish(Self.workLog(plans[0], person: person, month: "2022-10"), producer: "timesheets")
            let own = try await harness.token(.specialist, person: person)
            _ = try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, #"{"name":"Jānis Ozols","iban":"LV80BANK0000435195001"}"#)
            // Three plans approved, one left held (it must appear nowhere in finance's view).
            for plan in plans.prefix(3) { try await harness.approve(plan) }
            let planIds = plans.prefix(3).map(\.reference.planId)
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM payouts WHERE state = 'released'")) == 7
            })
            // Finance corrects one payout: a reversing entry, never an edit.
            let reversedId = try await harness.host.pool.withConnection {
                try $0.query("SELECT id FROM payouts WHERE state = 'released' AND measure = 'personal_items' ORDER BY id LIMIT 1").single()
                    .decode("id", as: UUID.self)
            }
            let reversal = try await harness.client.send("POST", "/finance/payouts/\(reversedId)/reverse", financeToken, #"{"reason":"Kvīts atsaukta"}"#)
            #expect(reversal.status == 200, "\(reversal.body)")
            let edit = try? await harness.host.pool.withConnection { try $0.execute("UPDATE ledger SET amount_cents = 0") }
            #expect(edit == nil, "the ledger refuses edits")

            // The ledger's groupings add up to the same total.
            var totals: [String: Int] = [:]
            for grouping in ["period", "measure", "institution", "municipality"] {
                let reply = try await harness.client.send("GET", "/finance/ledger?groupBy=\(grouping)", financeToken)
                let groups = reply.json["groups"] as? [[String: Any]] ?? []
                let sum = groups.compactMap { $0["netCents"] as? Int }.reduce(0, +)
                #expect(sum == reply.json["netCents"] as? Int, "\(grouping) groups add up")
                totals[grouping] = sum
            }
            #expect(Set(totals.values).count == 1)
            let ledgerReleased = try await harness.host.scalar("SELECT COALESCE(sum(amount_cents), 0)::int FROM ledger WHERE entry = 'release'")
            let ledgerNet = try await harness.host.scalar("SELECT COALESCE(sum(amount_cents), 0)::int FROM ledger")

            // Batches per period; their control sums are the net of what they took.
            var batchTotal = 0, batchCount = 0
            for period in ["2022-10", PayoutsHarness.semester] {
                let batch = try await harness.client.send("POST", "/finance/batches", financeToken, #"{"period":"\#(period)"}"#)
                #expect(batch.status == 201, "\(batch.body)")
                let batchId = try #require(batch.json["batchId"] as? String)
                let xml = try await harness.client.send("GET", "/finance/batches/\(batchId)/sepa.xml", financeToken)
                let csv = try await harness.client.send("GET", "/finance/batches/\(batchId)/payouts.csv", financeToken)
                #expect(xml.status == 200 && csv.status == 200, "\(xml.body)")
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-sepa-\(batchId)").path
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try xml.body.write(toFile: directory + "/batch.xml", atomically: true, encoding: .utf8)
                try csv.body.write(toFile: directory + "/batch.csv", atomically: true, encoding: .utf8)
                let check = try await IntegrationEnvironment.run("/usr/bin/env", ["python3", IntegrationEnvironment.repositoryRoot + "/Tests/Oracles/sepa_check.py",
                                                                                  directory + "/batch.xml", directory + "/batch.csv"])
                #expect(check.status == 0, "\(check.output)")
                let parsed = (try? JSONSerialization.jsonObject(with: Data((check.output.split(separator: "\n").last.map(String.init) ?? "").utf8)))
                    as? [String: Any] ?? [:]
                #expect(parsed["count"] as? Int == batch.json["count"] as? Int)
                #expect(parsed["total_cents"] as? Int == batch.json["totalCents"] as? Int)
                batchTotal += parsed["total_cents"] as? Int ?? -1
                batchCount += parsed["count"] as? Int ?? -1
            }
            let again = try await harness.client.send("POST", "/finance/batches", financeToken, #"{"period":"2022-10"}"#)
            #expect(again.status == 409, "a payout is in one batch only")

            // Finance's own client: a crash before its first ack redelivers; it still counts each payout once.
            let view = try await harness.finance(["drain", "--queue", queue, "--redeliver-first", "--idle", "4",
                                                  "--plans", planIds.map { $0.uuidString }.joined(separator: ",")])
            let released = view["released"] as? [String: Any] ?? [:]
            let reversed = view["reversed"] as? [String: Any] ?? [:]
            #expect(released["count"] as? Int == 7)
            #expect(released["total_cents"] as? Int == ledgerReleased)
            #expect((released["total_cents"] as? Int ?? 0) - (reversed["total_cents"] as? Int ?? 0) == ledgerNet)
            #expect((view["redelivered"] as? Int ?? 0) >= 1)
            // The reversed payout was released before finance batched, so the batches hold the rest.
            #expect(batchCount == 6)
            #expect(batchTotal == ledgerNet)
            _ = try await harness.finance(["delete", "--queue", queue])
            print("finance reconciliation: released \(released["count"] ?? 0) = \(ledgerReleased) cents; reversed \(reversed["total_cents"] ?? 0); ledger net \(ledgerNet); batches \(batchCount) payouts \(batchTotal) cents")
            await harness.stop()
        }
    }
}
