import Foundation
import Testing

@testable import Postgres

@Suite("Retry policy, migrations, identifiers, errors")
struct PostgresPolicyTests {
    @Test func backoffGrowsExponentiallyAndIsCapped() {
        let policy = PostgresRetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50))
        #expect(policy.delay(afterAttempt: 1, jitter: 1) == .milliseconds(10))
        #expect(policy.delay(afterAttempt: 2, jitter: 1) == .milliseconds(20))
        #expect(policy.delay(afterAttempt: 3, jitter: 1) == .milliseconds(40))
        #expect(policy.delay(afterAttempt: 4, jitter: 1) == .milliseconds(50))
        #expect(policy.delay(afterAttempt: 40, jitter: 1) == .milliseconds(50))
    }

    @Test func jitterScalesBetweenHalfAndFull() {
        let policy = PostgresRetryPolicy(baseDelay: .milliseconds(100), maxDelay: .seconds(10))
        #expect(policy.delay(afterAttempt: 1, jitter: 0) == .milliseconds(50))
        #expect(policy.delay(afterAttempt: 1, jitter: 0.5) == .milliseconds(75))
        #expect(policy.delay(afterAttempt: 1, jitter: 7) == .milliseconds(100))
    }

    @Test func retriesOnlyTransientConflictsWithinTheAttemptLimit() {
        let policy = PostgresRetryPolicy(maxAttempts: 3)
        let serialization = PostgresError(code: .queryFailed, message: "x", sqlState: "40001")
        let deadlock = PostgresError(code: .queryFailed, message: "x", sqlState: "40P01")
        let unique = PostgresError(code: .queryFailed, message: "x", sqlState: "23505")
        #expect(policy.shouldRetry(serialization, afterAttempt: 1))
        #expect(policy.shouldRetry(deadlock, afterAttempt: 2))
        #expect(!policy.shouldRetry(serialization, afterAttempt: 3))
        #expect(!policy.shouldRetry(unique, afterAttempt: 1))
        #expect(!policy.shouldRetry(CancellationError(), afterAttempt: 1))
        #expect(PostgresRetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test func errorHelpersReadTheSQLState() {
        #expect(PostgresError(code: .queryFailed, message: "", sqlState: "23505").isUniqueViolation)
        #expect(PostgresError(code: .queryFailed, message: "", sqlState: "57P01").isConnectionLost)
        #expect(PostgresError(code: .queryFailed, message: "", sqlState: "08006").isConnectionLost)
        #expect(PostgresError(code: .connectionFailed, message: "").isConnectionLost)
        #expect(!PostgresError(code: .queryFailed, message: "", sqlState: "42501").isConnectionLost)
        let error = PostgresError(code: .queryFailed, message: "m", sqlState: "23505", detail: "Key (email)=(a@b)")
        #expect(!error.description.contains("a@b"))
    }

    @Test func advisoryLockKeyIsStableAndPerSchema() {
        #expect(Migrator.advisoryLockKey(schema: "intake") == Migrator.advisoryLockKey(schema: "intake"))
        #expect(Migrator.advisoryLockKey(schema: "intake") != Migrator.advisoryLockKey(schema: "payouts"))
        // FNV-1a 64 of "" is the offset basis: pins the algorithm so keys never drift between releases.
        #expect(Migration.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(Migration.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func checksumChangesWithTheSQL() {
        let first = Migration(version: 1, name: "init", sql: "CREATE TABLE a (id int)")
        var edited = first
        edited.sql += " "
        #expect(first.checksum == Migration(version: 9, name: "other", sql: first.sql).checksum)
        #expect(first.checksum != edited.checksum)
    }

    @Test func migrationListsAreValidated() throws {
        let sorted = try Migrator.validated([
            Migration(version: 2, name: "b", sql: ""), Migration(version: 1, name: "a", sql: ""),
        ])
        #expect(sorted.map(\.version) == [1, 2])
        #expect(throws: PostgresError.self) {
            try Migrator.validated([Migration(version: 1, name: "a", sql: ""), Migration(version: 1, name: "b", sql: "")])
        }
        #expect(throws: PostgresError.self) { try Migrator.validated([Migration(version: 0, name: "a", sql: "")]) }
    }

    @Test(arguments: ["intake", "risk_validation", "a", "a234567890123456789012345678901"])
    func acceptsServiceNames(name: String) {
        #expect(PostgresIdentifier.isValidServiceName(name))
    }

    @Test(arguments: ["", "Intake", "1abc", "_x", "a-b", "a b", "x\"; DROP ROLE y; --", "a2345678901234567890123456789012"])
    func rejectsServiceNames(name: String) {
        #expect(!PostgresIdentifier.isValidServiceName(name))
    }
}
