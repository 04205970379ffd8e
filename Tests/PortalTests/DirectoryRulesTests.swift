import Foundation
import Portal
import Testing

/// The pure decisions of the people, directory and audit pages (issue #20).
@Suite("Portal: people, directory and audit rules")
struct DirectoryRulesTests {
    @Test("Pages: previous and next offsets, none past either end; a typed offset is clamped")
    func paging() {
        #expect(DirectoryRules.paging(offset: 0, limit: 50, total: 120) == (nil, 50))
        #expect(DirectoryRules.paging(offset: 50, limit: 50, total: 120) == (0, 100))
        #expect(DirectoryRules.paging(offset: 100, limit: 50, total: 120) == (50, nil))
        #expect(DirectoryRules.paging(offset: 30, limit: 50, total: 40) == (0, nil))
        #expect(DirectoryRules.paging(offset: 0, limit: 50, total: 0) == (nil, nil))
        #expect(DirectoryRules.offset("-5") == 0 && DirectoryRules.offset("x") == 0 && DirectoryRules.offset("99999999") == 10_000)
    }

    @Test("A scope choice becomes the API's scope; anything else is nothing")
    func scopes() {
        let id = UUID().uuidString
        #expect(DirectoryRules.scope("national") == ["kind": "national"])
        #expect(DirectoryRules.scope("region:Latgale") == ["kind": "region", "region": "Latgale"])
        #expect(DirectoryRules.scope("institution:\(id)") == ["kind": "institution", "id": id.lowercased()])
        #expect(DirectoryRules.scope("municipality:not-a-uuid") == nil)
        #expect(DirectoryRules.scope("planet:Mars") == nil && DirectoryRules.scope("") == nil && DirectoryRules.scope("region:") == nil)
        #expect(!DirectoryRules.headAssignable.contains("institution_head"))
        #expect(Set(DirectoryRules.adminAssignable).isDisjoint(with: DirectoryRules.headAssignable))
    }

    @Test("The services' audit rows merge newest first, ties by service then newest row, and page from the offset")
    func auditMerge() {
        typealias Row = DirectoryRules.AuditRow
        let intake = [Row(service: "intake", id: 9, at: "2026-12-08T02:00:00Z"), Row(service: "intake", id: 8, at: "2026-12-07T10:00:00Z")]
        let approval = [Row(service: "approval", id: 3, at: "2026-12-08T02:00:00Z"), Row(service: "approval", id: 2, at: "2026-12-08T01:00:00Z")]
        let merged = DirectoryRules.merge([intake, approval], offset: 0, limit: 10)
        #expect(merged.map { "\($0.service)\($0.id)" } == ["approval3", "intake9", "approval2", "intake8"])
        #expect(DirectoryRules.merge([intake, approval], offset: 1, limit: 2).map(\.id) == [9, 2])
        #expect(DirectoryRules.merge([intake, approval], offset: 10, limit: 2).isEmpty)
    }
}

@Suite("Portal: where each role starts")
struct StartPageTests {
    @Test("finance starts on its payouts, IKVD's administrator on the directory, everyone else on my plans")
    func startPages() {
        #expect(PortalApp.startPage(for: "finance") == "/finance")
        #expect(PortalApp.startPage(for: "ikvd_admin") == "/directory")
        for role in ["preparer", "institution_head", "specialist", "ikvd_expert", "municipality_coordinator"] {
            #expect(PortalApp.startPage(for: role) == nil, "\(role)")
        }
    }
}

@Suite("Portal: who reads the overview")
struct OverviewReadersTests {
    @Test("the approvers and the VPII coordinator (oversight without an approval level); not a preparer")
    func readers() {
        for role in ["institution_head", "municipality_coordinator", "ikvd_expert", "vpii_coordinator"] { #expect(PortalApp.readsOverview(role), "\(role)") }
        #expect(!PortalApp.readsOverview("preparer") && !PortalApp.readsOverview("finance"))
    }
}
