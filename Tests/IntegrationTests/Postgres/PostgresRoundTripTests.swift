import Foundation
import Logging
import Postgres
import Testing

@Suite("PostgreSQL round trips", .serialized)
struct PostgresRoundTripTests {
    @Test func everyTypeRoundTripsThroughATable() async throws {
        let pool = try PostgresTestDatabase.adminPool()
        let id = UUID()
        let at = Date(timeIntervalSince1970: 1_714_564_800.123456)
        let bytes: [UInt8] = [0x00, 0x01, 0x7f, 0x80, 0xff]
        let text = "Jānis Bērziņš — 'quote' \"double\" \\ back; DROP TABLE x; --"
        let missing: String? = nil
        let row = try await pool.withConnection { connection in
            try connection.executeScript("""
                CREATE TEMP TABLE round_trip (
                    s text, i int8, i64 int8, i32 int4, b bool, u uuid, d timestamptz, blob bytea,
                    bytes bytea, f float8, n text)
                """)
            let inserted = try connection.execute(
                "INSERT INTO round_trip VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                [text, 42, Int64.max, Int32.min, true, id, at, Data(bytes), bytes, 3.25, missing])
            #expect(inserted == 1)
            let row = try connection.query("SELECT * FROM round_trip").single()
            try connection.executeScript("DROP TABLE round_trip")
            return row
        }
        #expect(try row.decode("s", as: String.self) == text)
        #expect(try row.decode("i", as: Int.self) == 42)
        #expect(try row.decode("i64", as: Int64.self) == Int64.max)
        #expect(try row.decode("i32", as: Int32.self) == Int32.min)
        #expect(try row.decode("b", as: Bool.self))
        #expect(try row.decode("u", as: UUID.self) == id)
        #expect(try row.decode("d", as: Date.self) == at)
        #expect(try row.decode("blob", as: Data.self) == Data(bytes))
        #expect(try row.decode("bytes", as: [UInt8].self) == bytes)
        #expect(try row.decode("f", as: Double.self) == 3.25)
        #expect(try row.decode("n", as: String?.self) == nil)
        await pool.shutdown()
    }

    @Test func affectedRowsSearchPathAndTypedErrors() async throws {
        let schema = PostgresTestDatabase.uniqueName("rt")
        let admin = try PostgresTestDatabase.adminPool()
        _ = try await Migrator.migrate(pool: admin, schema: schema, migrations: [
            Migration(version: 1, name: "items", sql: "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)")
        ])
        let pool = try PostgresTestDatabase.adminPool(poolSize: 2, schema: schema)
        let (inserted, updated, path) = try await pool.withConnection { connection in
            let inserted = try connection.execute(
                "INSERT INTO items (id, name) SELECT g, 'n' || g FROM generate_series(1, $1::int) g", [5])
            let updated = try connection.execute("UPDATE items SET name = $1 WHERE id > $2", ["x", 2])
            let path = try connection.query("SHOW search_path").single().decode(0, as: String.self)
            return (inserted, updated, path)
        }
        #expect(inserted == 5)
        #expect(updated == 3)
        #expect(path == schema)
        let duplicate = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute("INSERT INTO items (id, name) VALUES ($1, $2)", [1, "dup"]) }
        }
        #expect(duplicate?.isUniqueViolation == true)
        #expect(duplicate?.constraint == "items_pkey")
        let nul = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute("INSERT INTO items (id, name) VALUES ($1, $2)", [9, "a\u{0}b"]) }
        }
        #expect(nul?.code == .nulInParameter)
        // The connection stays usable after statement errors.
        let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM items").single().decode(0, as: Int.self) }
        #expect(count == 5)
        await pool.shutdown()
        await PostgresTestDatabase.dropSchema(schema, pool: admin)
        await admin.shutdown()
    }

    @Test func syncAPIRefusesUseOutsideTheConnectionThread() async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try PostgresTestDatabase.adminConfiguration(), logger: PostgresTestDatabase.logger)
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.code == .misuse)
        #expect(try await connection.run { try $0.query("SELECT 1 AS one").single().decode("one", as: Int.self) } == 1)
        await connection.close()
    }

    @Test func unreachableServerAndWrongPasswordAreConnectionErrors() async throws {
        var unreachable = try PostgresTestDatabase.adminConfiguration()
        unreachable.host = "127.0.0.1"
        unreachable.port = 1
        let down = await #expect(throws: PostgresError.self) {
            try await PostgresPool(configuration: unreachable, logger: PostgresTestDatabase.logger)
                .withConnection { try $0.execute("SELECT 1") }
        }
        #expect(down?.isConnectionLost == true)
        var wrong = try PostgresTestDatabase.adminConfiguration()
        wrong.password = "not-the-password-hunter2"
        let denied = await #expect(throws: PostgresError.self) {
            _ = try await PostgresConnection.connect(configuration: wrong, logger: PostgresTestDatabase.logger)
        }
        #expect(denied?.code == .connectionFailed)
        #expect(denied.map { !"\($0)".contains("hunter2") } == true)
    }
}
