import Foundation
import Testing

@testable import Postgres

/// A caller-defined type decoded through `PostgresDecodable`.
private enum PlanStatus: String, PostgresDecodable {
    case draft, submitted

    init?(postgresText text: String?) {
        guard let text, let value = PlanStatus(rawValue: text) else { return nil }
        self = value
    }
}

@Suite("Row decoding from text values")
struct PostgresRowDecodingTests {
    private let rows = PostgresRows(
        columnNames: ["id", "n", "flag", "at", "bytes", "ratio", "name", "missing", "status", "big"],
        values: [[
            "e621e1f8-c36c-495a-93fc-0c247a3e6e5f", "42", "t", "2024-05-01 12:00:00.123456+00", "\\x00ff",
            "2.5", "Anna", nil, "submitted", "9223372036854775807",
        ]],
        affectedRows: 1, commandTag: "SELECT 1")

    @Test func decodesEveryType() throws {
        let row = try rows.single()
        #expect(try row.decode("id", as: UUID.self).uuidString == "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")
        #expect(try row.decode("n", as: Int.self) == 42)
        #expect(try row.decode("n", as: Int32.self) == 42)
        #expect(try row.decode("big", as: Int64.self) == Int64.max)
        #expect(try row.decode("flag", as: Bool.self))
        let date = try row.decode("at", as: Date.self)
        #expect(abs(date.timeIntervalSince1970 - 1_714_564_800.123456) < 0.000001)
        #expect(try row.decode("bytes", as: Data.self) == Data([0x00, 0xff]))
        #expect(try row.decode("bytes", as: [UInt8].self) == [0x00, 0xff])
        #expect(try row.decode("ratio", as: Double.self) == 2.5)
        #expect(try row.decode("name", as: String.self) == "Anna")
        #expect(try row.decode(6, as: String.self) == "Anna")
        #expect(try row.decode("status", as: PlanStatus.self) == .submitted)
        #expect(rows.affectedRows == 1)
        #expect(rows.count == 1)
    }

    @Test func optionalsAcceptNull() throws {
        let row = try rows.single()
        #expect(try row.decode("missing", as: String?.self) == nil)
        #expect(try row.decode("n", as: Int?.self) == 42)
    }

    @Test func nullIntoNonOptionalNamesColumnAndType() throws {
        let row = try rows.single()
        do {
            _ = try row.decode("missing", as: Int.self)
            Issue.record("expected a decoding error")
        } catch {
            #expect(error.code == .decoding)
            #expect(error.message.contains("'missing'"))
            #expect(error.message.contains("Int"))
        }
    }

    @Test func wrongTypeNamesColumnAndTypeButNotTheValue() throws {
        let row = try rows.single()
        do {
            _ = try row.decode("name", as: UUID.self)
            Issue.record("expected a decoding error")
        } catch {
            #expect(error.code == .decoding)
            #expect(error.message.contains("'name'"))
            #expect(error.message.contains("UUID"))
            #expect(!error.message.contains("Anna"))
        }
    }

    @Test func unknownColumnAndIndexAreErrors() throws {
        let row = try rows.single()
        #expect(throws: PostgresError.self) { try row.decode("nope", as: Int.self) }
        #expect(throws: PostgresError.self) { try row.decode(99, as: Int.self) }
        #expect(throws: PostgresError.self) { try PostgresRows(columnNames: [], values: [], affectedRows: 0).single() }
    }

    @Test(arguments: [
        ("2024-05-01 12:00:00+00", 1_714_564_800.0),
        ("2024-05-01 14:30:00+02:30", 1_714_564_800.0),
        ("2024-05-01T12:00:00Z", 1_714_564_800.0),
        ("2024-05-01 12:00:00.5", 1_714_564_800.5),
        ("1969-12-31 23:59:59.999999+00", -0.000001),
    ])
    func parsesTimestampVariants(text: String, seconds: Double) throws {
        let date = try #require(PostgresTimestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0000005)
    }

    @Test func rejectsMalformedTimestamps() {
        for text in ["infinity", "2024-13-01 00:00:00+00", "2024-05-01", "2024-05-01 12:00:00+", "garbage"] {
            #expect(PostgresTimestamp.parse(text) == nil)
        }
    }

    @Test func dateFormattingRoundTripsThroughParsing() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.654321)
        let text = try #require(date.postgresText)
        let parsed = try #require(PostgresTimestamp.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.000001)
    }

    @Test func boolAndDoubleSpellings() {
        #expect(Bool(postgresText: "f") == false)
        #expect(Bool(postgresText: "yes") == nil)
        #expect(Double(postgresText: "NaN")?.isNaN == true)
        #expect(Double(postgresText: "-Infinity") == -.infinity)
    }
}
