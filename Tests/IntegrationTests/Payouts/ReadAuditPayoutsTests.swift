import Auth
import Foundation
import TestSupport
import Testing

extension PipelineSuites {
    /// A receipt's download writes a `read_audit` row in payouts (issue #17, item 9), and payouts
    /// serves its rows at `GET /audit` to IKVD only.
    @Suite("Read audit in payouts", .serialized)
    struct ReadAuditPayoutsTests {
        @Test("downloading a receipt is audited with who/what/route; GET /audit finds it by person")
        func receiptReadIsAudited() async throws {
            let harness = try await PayoutsHarness.start()
            let preparerId = UUID()
            let preparer = try await harness.token(.preparer, person: preparerId)
            let receiptId = try await harness.receipt(preparer)
            let downloaded = try await harness.client.send("GET", "/payouts/receipts/\(receiptId)", preparer)
            #expect(downloaded.status == 200, "\(downloaded.body)")
            let id = receiptId.lowercased()
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM read_audit WHERE actor = $1 AND role = 'preparer' AND action = 'receipt.read'
                  AND subject = $2 AND lower(route) = lower($3)
                """, [preparerId, "receipt:\(id)", "GET /payouts/receipts/\(id)"]) == 1)

            let admin = try await harness.token(.ikvdAdmin)
            let rows = try await harness.client.send("GET", "/audit?person=\(preparerId)&subject=receipt:\(id)", admin)
            #expect(rows.status == 200 && rows.json["total"] as? Int == 1, "\(rows.body)")
            #expect(try await harness.client.send("GET", "/audit", try await harness.token(.finance)).status == 403)
            await harness.stop()
        }
    }
}
