import Foundation
import Portal
import Testing

/// Finance's pages (issue #20): what goes to the payouts API, and what a payout or batch offers.
@Suite("Portal: finance rules")
struct FinanceRulesTests {
    @Test("blank filters are dropped, the rest go in the API's order, percent-encoded")
    func filters() {
        let pairs = FinanceRules.filters(["kind": "staff", "period": " 2026/2027-1 ", "state": "", "offset": "50", "other": "x"])
        #expect(pairs.map(\.name) == ["period", "kind"])
        #expect(FinanceRules.queryString(pairs) == "period=2026%2F2027-1&kind=staff")
        #expect(FinanceRules.queryString(FinanceRules.filters([:])).isEmpty)
        #expect(FinanceRules.queryString([("period", "2022-10&state=held")]) == "period=2022-10%26state%3Dheld")
    }

    @Test("only a released payout is reversed, and only by finance")
    func reversal() {
        #expect(FinanceRules.canReverse(state: "released", role: "finance"))
        for state in ["held", "voided", "reversed"] { #expect(!FinanceRules.canReverse(state: state, role: "finance")) }
        #expect(!FinanceRules.canReverse(state: "released", role: "ikvd_admin"))
        #expect(FinanceRules.inBankFile(state: "released") && !FinanceRules.inBankFile(state: "reversed"))
    }

    @Test("a batch is marked as sent once; pages and file names")
    func batches() {
        #expect(FinanceRules.canMarkSent(sentAt: nil, role: "finance"))
        #expect(!FinanceRules.canMarkSent(sentAt: "2026-12-08T02:00:00Z", role: "finance"))
        #expect(!FinanceRules.canMarkSent(sentAt: nil, role: "preparer"))
        let first = FinanceRules.pages(offset: 0, limit: 50, total: 120), last = FinanceRules.pages(offset: 100, limit: 50, total: 120)
        #expect(first.previous == nil && first.next == 50)
        #expect(last.previous == 50 && last.next == nil)
        let only = FinanceRules.pages(offset: 0, limit: 50, total: 50)
        #expect(only.previous == nil && only.next == nil)
        let id = UUID(uuidString: "0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B")!
        #expect(FinanceRules.fileName(batchId: id, file: "sepa.xml") == "pumpurs-0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.xml")
        #expect(FinanceRules.fileName(batchId: id, file: "payouts.csv") == "pumpurs-0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.csv")
    }

    @Test("a proposer does not confirm their own account change; receipts keep only their three types")
    func claimsAndPayees() {
        #expect(FinanceRules.canConfirmPayeeChange(proposedBy: "AAAA", me: "bbbb"))
        #expect(!FinanceRules.canConfirmPayeeChange(proposedBy: "AAAA", me: "aaaa"))
        #expect(!FinanceRules.canConfirmPayeeChange(proposedBy: "", me: "aaaa"))
        #expect(FinanceRules.receiptType("application/pdf").fileExtension == "pdf")
        #expect(FinanceRules.receiptType("image/JPEG; x=y").mediaType == "image/jpeg")
        #expect(FinanceRules.receiptType("text/html").mediaType == "application/octet-stream")
        #expect(FinanceRules.receiptType(nil).fileExtension == "bin")
    }
}
