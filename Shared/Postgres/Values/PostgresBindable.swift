import Foundation

/// A value that can be bound to a `$n` parameter of a statement, sent in PostgreSQL's text format.
///
/// Parameters are sent untyped (OID 0), so the server infers the type from context
/// (`WHERE id = $1` against a uuid column binds a uuid). Add a cast (`$1::int8`) where the
/// context is ambiguous, e.g. `SELECT $1`.
public protocol PostgresBindable: Sendable {
    /// The text form PostgreSQL parses for this value, or nil for SQL NULL.
    var postgresText: String? { get }
}

extension String: PostgresBindable {
    /// The string itself; a NUL inside is rejected before the statement is sent.
    public var postgresText: String? { self }
}

extension Substring: PostgresBindable {
    /// The substring as text.
    public var postgresText: String? { String(self) }
}

extension Int: PostgresBindable {
    /// Decimal digits.
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresBindable {
    /// Decimal digits.
    public var postgresText: String? { String(self) }
}

extension Int32: PostgresBindable {
    /// Decimal digits.
    public var postgresText: String? { String(self) }
}

extension Bool: PostgresBindable {
    /// `t` or `f`.
    public var postgresText: String? { self ? "t" : "f" }
}

extension UUID: PostgresBindable {
    /// The lowercase canonical form.
    public var postgresText: String? { uuidString.lowercased() }
}

extension Double: PostgresBindable {
    /// The shortest round-tripping decimal form, with PostgreSQL's spelling of NaN and infinities.
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)
    }
}

extension Date: PostgresBindable {
    /// UTC ISO-8601 with microseconds, e.g. `2024-05-01T12:00:00.123456Z` (for `timestamptz`).
    public var postgresText: String? { PostgresTimestamp.format(self) }
}

extension Data: PostgresBindable {
    /// `bytea` hex form, `\x0aff…`.
    public var postgresText: String? { PostgresBytea.hex(self) }
}

extension Array: PostgresBindable where Element == UInt8 {
    /// `bytea` hex form, `\x0aff…`.
    public var postgresText: String? { PostgresBytea.hex(self) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    /// The wrapped value's text, or nil (SQL NULL) for `.none`.
    public var postgresText: String? {
        switch self {
        case .none: nil
        case .some(let value): value.postgresText
        }
    }
}

/// SQL NULL as an explicit parameter, for when no typed optional is at hand.
public struct PostgresNull: PostgresBindable, Equatable {
    /// Creates the NULL parameter.
    public init() {}
    /// Always nil.
    public var postgresText: String? { nil }
}

/// Encoding of the parameters of one statement, with the NUL check libpq needs.
enum PostgresParameters {
    /// The text of every parameter (nil for NULL); throws `nulInParameter` naming the position.
    static func encode(sql: String, _ parameters: [any PostgresBindable]) throws(PostgresError) -> [String?] {
        // libpq takes C strings: a NUL would silently truncate the text, so refuse it.
        guard !sql.utf8.contains(0) else {
            throw PostgresError(code: .nulInParameter, message: "the SQL text contains a NUL character")
        }
        var texts: [String?] = []
        texts.reserveCapacity(parameters.count)
        for (index, parameter) in parameters.enumerated() {
            let text = parameter.postgresText
            if let text, text.utf8.contains(0) {
                throw PostgresError(
                    code: .nulInParameter,
                    message: "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot hold")
            }
            texts.append(text)
        }
        return texts
    }
}
