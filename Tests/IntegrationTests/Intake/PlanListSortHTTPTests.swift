import Auth
import Foundation
import HTTPTypes
import Intake
import PlatformClient
import Testing

/// `GET /plans?sort=…`: the whole list is ordered before paging (the portal's sortable table).
@Suite("Intake HTTP: plan lists sorted before paging")
struct PlanListSortHTTPTests {
    @Test("sorted by student code across pages; newest first by default; an unknown order is refused")
    func sorted() async throws {
        let harness = try await IntakeHarness.make("intakesort")
        try await harness.run { api in
            let directory = try await SeededDirectory.seed(api, harness)
            let preparer = try await harness.token(.preparer, .institution(directory.school))
            var created: [String] = []
            for index in 0..<3 {
                let code = StudentCodes.code(index: 7000 + index, bornIn: 2010)
                let draft = try await api.post("/plans", preparer,
                    #"{"institutionId":"\#(directory.school)","personalCode":"\#(code)","semester":"\#(IntakeHarness.semester)"}"#)
                #expect(draft.status == .created, "\(draft.body)")
                created.append(try #require(draft.string("studentCode")))
            }
            func page(_ query: String) async throws -> [String] {
                let reply = try await api.get("/plans?\(query)", preparer)
                return (reply.json["items"] as? [[String: Any]] ?? []).compactMap { $0["studentCode"] as? String }
            }
            var walked: [String] = []
            for offset in 0..<3 { walked += try await page("sort=student&limit=1&offset=\(offset)") }
            #expect(walked == created.sorted(), "each page continues the whole list's order")
            #expect(try await page("limit=3") == created.reversed(), "most recently changed first by default")
            #expect(try await api.get("/plans?sort=name;DROP", preparer).rules == ["plan.sort_unknown"])
        }
    }
}
