import Foundation
import Testing

@testable import Postgres

@Suite("Parameter encoding")
struct PostgresParameterTests {
    @Test func rejectsNulInStringParameterBeforeLibpq() {
        do {
            _ = try PostgresParameters.encode(sql: "SELECT $1, $2", ["fine", "bad\u{0}tail"])
            Issue.record("expected a NUL error")
        } catch {
            #expect(error.code == .nulInParameter)
            #expect(error.message.contains("$2"))
        }
    }

    @Test func rejectsNulInSQLText() {
        #expect(throws: PostgresError.self) { try PostgresParameters.encode(sql: "SELECT 1\u{0}; DROP TABLE x", []) }
    }

    @Test func encodesScalars() throws {
        let optionalInt: Int? = nil
        let texts = try PostgresParameters.encode(
            sql: "x", ["a", 42, Int64(-7), Int32(3), true, false, 1.5, optionalInt, Optional("b"), PostgresNull()])
        #expect(texts == ["a", "42", "-7", "3", "t", "f", "1.5", nil, "b", nil])
    }

    @Test func encodesDoubleSpecials() {
        #expect(Double.nan.postgresText == "NaN")
        #expect(Double.infinity.postgresText == "Infinity")
        #expect((-Double.infinity).postgresText == "-Infinity")
    }

    @Test func encodesUUIDLowercase() throws {
        let id = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(id.postgresText == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000000Z"),
        (1_714_564_800.123456, "2024-05-01T12:00:00.123456Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500000Z"),
        (-1.000001, "1969-12-31T23:59:58.999999Z"),
        (4_102_444_799.999999, "2099-12-31T23:59:59.999999Z"),
    ])
    func formatsDatesAsUTCWithMicroseconds(seconds: Double, expected: String) {
        #expect(Date(timeIntervalSince1970: seconds).postgresText == expected)
    }

    @Test func encodesByteaAsHex() {
        #expect(Data([0x00, 0x0a, 0xff, 0x10]).postgresText == "\\x000aff10")
        #expect([UInt8]().postgresText == "\\x")
        #expect(([0xde, 0xad] as [UInt8]).postgresText == "\\xdead")
    }

    @Test func byteaRoundTrips() {
        let bytes: [UInt8] = (0...255).map { UInt8($0) }
        #expect(PostgresBytea.decode(PostgresBytea.hex(bytes)) == bytes)
        #expect(PostgresBytea.decode("\\xABcd") == [0xab, 0xcd])
        #expect(PostgresBytea.decode("\\x0") == nil)
        #expect(PostgresBytea.decode("\\xzz") == nil)
        #expect(PostgresBytea.decode("abc") == nil)
    }

    @Test func statementKindIsTheFirstKeyword() {
        #expect(PostgresConnection.statementKind("  select 1") == "SELECT")
        #expect(PostgresConnection.statementKind("INSERT INTO t VALUES ($1)") == "INSERT")
        #expect(PostgresConnection.statementKind("(SELECT 1)") == "OTHER")
    }
}
