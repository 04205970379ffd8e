import Contracts
import Foundation
import Testing

/// `worklog.approved` 1.2 added each line's session counts (README rule 1: additive, optional).
@Suite("worklog.approved 1.2: sessions per line")
struct WorkLogApprovedEvolutionTests {
    /// A 1.1 line as timesheets wrote it before: no `sessions`, no `subjects`.
    static let oldLine = #"""
        {"measureId":null,"minutes":60,"plan":{"institutionId":"00000000-0000-0000-0000-000000000001",
         "planId":"00000000-0000-0000-0000-000000000002","revision":1,"semester":"2022/2023-1","studentCode":"S-7K2M9Q4XTB"},
         "providerType":null,"role":"preparer"}
        """#

    @Test("a line from a 1.1 producer still decodes, with no session counts")
    func oldLineDecodes() throws {
        let line = try ContractCoding.decode(WorkLogLine.self, from: Array(Self.oldLine.utf8))
        #expect(line.minutes == 60 && line.sessions == nil && line.subjects == nil)
    }

    @Test("a 1.2 line keeps its sessions and its subjects through encoding")
    func newLineRoundTrips() throws {
        let line = try ContractCoding.decode(WorkLogLine.self, from: Array(Self.oldLine.utf8))
        var counted = line
        counted.sessions = 3
        counted.subjects = [WorkLogSubjectSessions(subject: "fizika", sessions: 2, minutes: 40)]
        let decoded = try ContractCoding.decode(WorkLogLine.self, from: try ContractCoding.encode(counted))
        #expect(decoded == counted && decoded != line)
        #expect(WorkLogApproved.schemaVersion == SchemaVersion(1, 2))
    }
}
