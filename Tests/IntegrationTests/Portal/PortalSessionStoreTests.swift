import Foundation
import Portal
import Postgres
import Testing
import TestSupport

/// The portal's sessions and sign-in attempts in a real PostgreSQL schema (issue #18).
@Suite("Portal: sessions and sign-in attempts in PostgreSQL")
struct PortalSessionStoreTests {
    @Test("a state is usable once (a replayed callback finds nothing); a session opens, expires when idle, and sign-out everywhere ends every one")
    func sessions() async throws {
        let pool = try await IntegrationEnvironment.provisionService(IntegrationEnvironment.uniqueServiceName("portal"),
                                                                     migrations: PortalMigrations.all)
        let store = SessionStore(pool: pool)
        let attempt = SignInAttempt.random()
        try await store.begin(attempt, language: "lv", returnTo: "/plans/x")
        let first = try await store.consume(state: attempt.state)
        #expect(first?.attempt == attempt && first?.returnTo == "/plans/x")
        #expect(try await store.consume(state: attempt.state) == nil, "a replayed state is refused")
        #expect(try await store.consume(state: "never-issued") == nil)
        // An unsafe return path is not even stored.
        let other = SignInAttempt.random()
        try await store.begin(other, language: "en", returnTo: "//evil.example/")
        #expect(try await store.consume(state: other.state)?.returnTo == nil)

        let person = UUID()
        let tokenA = try await store.open(personId: person, assignmentId: nil, language: "lv", idToken: nil)
        let tokenB = try await store.open(personId: person, assignmentId: nil, language: "lv", idToken: nil)
        #expect(tokenA != tokenB)
        guard case .active(let sessionA) = try await store.find(token: tokenA) else { Issue.record("session A is open"); return }
        #expect(try await store.find(token: "not-a-token") == .unknown)
        // Idle for 31 minutes: ended at the next request, and stays ended.
        try await store.backdate(sessionA.id, lastSeenSecondsAgo: 31 * 60, createdSecondsAgo: 40 * 60)
        #expect(try await store.find(token: tokenA) == .ended(.idle))
        #expect(try await store.find(token: tokenA) == .ended(nil))
        // Sign out everywhere ends the rest; the rows stay (nothing is deleted).
        #expect(try await store.endAll(personId: person) == 1)
        #expect(try await store.find(token: tokenB) == .ended(nil))
        let rows = try await pool.withConnection { try $0.query("SELECT end_reason FROM sessions ORDER BY created_at").map { try $0.decode(0, as: String?.self) } }
        #expect(rows.sorted { ($0 ?? "") < ($1 ?? "") } == ["idle", "sign_out_everywhere"])
        // The cookie's token is not what the table holds.
        let stored = try await pool.withConnection { try $0.query("SELECT count(*) FROM sessions WHERE token_hash = $1", [Data(tokenB.utf8)]).single().decode(0, as: Int.self) }
        #expect(stored == 0)
        await pool.shutdown()
    }
}
