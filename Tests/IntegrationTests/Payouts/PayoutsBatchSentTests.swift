import Auth
import Contracts
import Foundation
import Payouts
import TestSupport
import Testing

extension PipelineSuites {
    /// What the portal's finance pages need of the API (issue #20): payouts filtered by kind and
    /// institution, staff pay showing its role and minutes, and a batch marked as sent once.
    @Suite("Payouts: finance filters and a batch marked as sent")
    struct PayoutsBatchSentTests {
        @Test("payouts filter by kind and institution; a batch is marked as sent once, by finance only")
        func filtersAndSent() async throws {
            let harness = try await PayoutsHarness.start()
            let preparer = try await harness.token(.preparer)
            let financeToken = try await harness.token(.finance)
            let plan = try await harness.startedPlan()
            let claim = try await harness.claim(preparer, plan: plan, measure: plan.meals, period: "2022-10", cents: 1500)
            #expect(claim.status == 201, "\(claim.body)")
            try await harness.approve(plan)
            let person = UUID()
            try await harness.upstream.publish(PayoutsFinanceTests.workLog(plan, person: person, month: "2022-10"), producer: "timesheets")
            let own = try await harness.token(.specialist, person: person)
            _ = try await harness.client.send("PUT", "/payouts/payees/staff/\(person)", own, #"{"name":"Jānis Ozols","iban":"LV80BANK0000435195001"}"#)
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await harness.host.scalar("SELECT count(*) FROM payouts WHERE state = 'released'")) == 2
            })

            let staff = try await harness.client.send("GET", "/finance/payouts?kind=staff", financeToken)
            let staffItems = staff.json["items"] as? [[String: Any]] ?? []
            #expect(staffItems.count == 1 && staffItems.first?["role"] as? String == "teacher" && staffItems.first?["minutes"] as? Int == 135,
                    "\(staff.body)")
            let payoutId = try #require(staffItems.first?["payoutId"] as? String)
            let one = try await harness.client.send("GET", "/finance/payouts/\(payoutId)", financeToken)
            #expect(one.status == 200 && one.json["kind"] as? String == "staff", "\(one.body)")
            #expect(try await harness.client.send("GET", "/finance/payouts/\(UUID())", financeToken).status == 404)
            let claims = try await harness.client.send("GET", "/finance/payouts?kind=claim&institutionId=\(harness.school)", financeToken)
            #expect((claims.json["items"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["claim"], "\(claims.body)")
            #expect((claims.json["items"] as? [[String: Any]])?.first?["claimId"] as? String == claim.json["id"] as? String, "\(claims.body)")
            let elsewhere = try await harness.client.send("GET", "/finance/payouts?institutionId=\(UUID())", financeToken)
            #expect(elsewhere.json["total"] as? Int == 0)
            let badKind = try await harness.client.send("GET", "/finance/payouts?kind=bonus", financeToken)
            #expect(badKind.status == 422 && badKind.body.contains("payout.kind"), "\(badKind.body)")

            let batch = try await harness.client.send("POST", "/finance/batches", financeToken, #"{"period":"2022-10"}"#)
            let batchId = try #require(batch.json["batchId"] as? String)
            #expect(batch.json["sentAt"] == nil)
            let admin = try await harness.token(.ikvdAdmin)
            let notFinance = try await harness.client.send("POST", "/finance/batches/\(batchId)/sent", admin, "{}")
            #expect(notFinance.status == 403)
            let sent = try await harness.client.send("POST", "/finance/batches/\(batchId)/sent", financeToken, "{}")
            #expect(sent.status == 200 && sent.json["sentAt"] is String && sent.json["sentBy"] is String, "\(sent.body)")
            let again = try await harness.client.send("POST", "/finance/batches/\(batchId)/sent", financeToken, "{}")
            #expect(again.status == 409 && again.body.contains("batch.already_sent"), "\(again.body)")
            let read = try await harness.client.send("GET", "/finance/batches/\(batchId)", financeToken)
            #expect(read.json["sentAt"] as? String == sent.json["sentAt"] as? String)
            let unknown = try await harness.client.send("POST", "/finance/batches/\(UUID())/sent", financeToken, "{}")
            #expect(unknown.status == 404)
            await harness.stop()
        }
    }
}
