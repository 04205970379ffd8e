import Foundation
import Intake
import Postgres
import Rules
import TestSupport
import Testing

/// Students in the real database: one row per person however often and concurrently they are
/// registered, and no plaintext personal code anywhere in the schema.
@Suite("Student registry against real PostgreSQL")
struct StudentRegistryIntegrationTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!

    @Test("registering twice (also concurrently) gives one student; the schema holds no plaintext code")
    func registerAndDump() async throws {
        let service = IntegrationEnvironment.uniqueServiceName("intake")
        let pool = try await IntegrationEnvironment.provisionService(service, migrations: IntakeMigrations.all)
        let keys = StudentKeys.generate()
        let registry = StudentRegistry(vault: PersonalCodeVault(keys: try StudentKeys(encryptionBase64: keys.encryptionBase64,
                                                                                       lookupBase64: keys.lookupBase64)))
        let codes = ["161175-19997", "328673-00679"]
        let parsed = try codes.map { try PersonalCode.parse($0, today: Self.today) }

        let first = try await pool.withTransaction { try registry.register(parsed[0], on: $0) }
        #expect(first.created)
        async let a = pool.withTransaction { try registry.register(parsed[1], on: $0) }
        async let b = pool.withTransaction { try registry.register(parsed[1], on: $0) }
        let (ra, rb) = try await (a, b)
        #expect(ra.id == rb.id && ra.studentCode == rb.studentCode)
        #expect([ra.created, rb.created].filter { $0 }.count == 1)
        let again = try await pool.withTransaction { try registry.register(parsed[0], on: $0) }
        #expect(again.id == first.id && !again.created)

        // A dump of every row of the schema, as text, must not contain any form of the codes.
        let dump = try await pool.withConnection { connection in
            let tables = try connection.query("SELECT tablename FROM pg_tables WHERE schemaname = $1", [service])
                .map { try $0.decode("tablename", as: String.self) }
            var text = ""
            for table in tables {
                let rows = try connection.query("SELECT row_to_json(t)::text AS j FROM (SELECT * FROM \(table)) t")
                text += try rows.map { try $0.decode("j", as: String.self) }.joined(separator: "\n")
            }
            return text
        }
        #expect(dump.contains(first.studentCode.value))
        for code in codes {
            #expect(!dump.contains(code) && !dump.contains(code.replacingOccurrences(of: "-", with: "")),
                    "plaintext personal code found in the intake schema")
        }
        await pool.shutdown()
    }
}
