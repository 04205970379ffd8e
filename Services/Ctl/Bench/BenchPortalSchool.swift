import Auth
import Foundation
import PlatformClient

/// The bench's own school (made fresh each run through the real APIs): its head, the preparers
/// who sign in to the portal, more heads who work the queue, and plans already waiting for the
/// head's decision (submitted through intake's API, as a preparer would).
struct BenchPortalSchool: Sendable {
    let tag: String
    let school: String
    let headToken: String
    var preparers: [String] = []
    var approvers: [String] = []
    var waitingPlans: [String] = []

    static func make(api: PlatformAPI, minter: TokenMinter, administrator: UUID) async throws -> BenchPortalSchool {
        let admin = try await minter.mint(personId: administrator, role: .ikvdAdmin, scope: .national, lifetime: .seconds(3600))
        let tag = "\(Int(Date().timeIntervalSince1970))"
        let municipality = try await api.municipality(admin, name: "Bench novads \(tag)", region: "Latgale")
        let school = try await api.institution(admin, name: "Bench vidusskola \(tag)", kind: "general", founder: "municipal",
                                               municipality: municipality, region: nil)
        let head = try await api.person(admin, name: "Bench head", email: "head.\(tag)@bench.pumpurs.example.lv")
        try await api.assign(admin, person: head, role: "institution_head", scopeKind: "institution", scopeId: school)
        let headToken = try await minter.mint(personId: UUID(uuidString: head)!, role: .institutionHead, scope: .institution(UUID(uuidString: school)!),
                                              lifetime: .seconds(3600))
        return BenchPortalSchool(tag: tag, school: school, headToken: headToken)
    }

    /// People with a sign-in subject the local identity provider accepts, each given `role` here by
    /// IKVD's administrator (the head role) or the head (the others).
    mutating func people(_ count: Int, role: String, api: PlatformAPI, minter: TokenMinter, administrator: UUID) async throws -> [String] {
        let admin = try await minter.mint(personId: administrator, role: .ikvdAdmin, scope: .national, lifetime: .seconds(3600))
        let assigner = role == "institution_head" ? admin : headToken
        var subjects: [String] = []
        for index in 0..<count {
            let subject = "\(role).\(index).\(tag)@bench.pumpurs.example.lv"
            let person = try await api.person(assigner, name: "Bench \(role) \(index)", email: subject, signInSubject: subject)
            try await api.assign(assigner, person: person, role: role, scopeKind: "institution", scopeId: school)
            subjects.append(subject)
        }
        return subjects
    }

    /// `count` plans submitted by one preparer (consent pending: it gates implementation, not approval),
    /// then waited for until approval routing shows them all in the head's queue.
    mutating func submitWaitingPlans(_ count: Int, content: [UInt8], api: PlatformAPI, minter: TokenMinter) async throws {
        let preparerSubject = "queue.preparer.\(tag)@bench.pumpurs.example.lv"
        let preparer = try await api.person(headToken, name: "Bench queue preparer", email: preparerSubject)
        try await api.assign(headToken, person: preparer, role: "preparer", scopeKind: "institution", scopeId: school)
        let token = try await minter.mint(personId: UUID(uuidString: preparer)!, role: .preparer, scope: .institution(UUID(uuidString: school)!),
                                          lifetime: .seconds(3600))
        let seed = Int(tag)! % 100_000 * 1000
        let school = self.school
        waitingPlans = try await withThrowingTaskGroup(of: String.self) { group in
            var made: [String] = []
            for index in 0..<count {
                if index >= 8 { if let id = try await group.next() { made.append(id) } }
                group.addTask {
                    try await api.submitPlan(token, institution: school, personalCode: StudentCodes.code(index: seed + index, bornIn: 2011),
                                             semester: "2022/2023-1", content: content, consentForm: nil, signedOn: "2022-09-05")
                }
            }
            for try await id in group { made.append(id) }
            return made
        }
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let reply = try await api.http.require([200], "head's queue", "GET", api.endpoints.approval + "/approvals/queue?limit=1", token: headToken)
            if (reply.json["total"] as? Int ?? 0) >= count { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw BenchBrowser.Failure(description: "the \(count) plans did not all reach the head's queue within 120 s")
    }
}
