import Foundation

/// A type that can be read from a column's text form; conform your own types to decode them
/// with ``PostgresRow/decode(_:as:)-(String,_)``.
///
/// Return nil when the text does not fit (or, for non-optional types, when the value is NULL);
/// the row turns that into a `decoding` error naming the column and the type.
public protocol PostgresDecodable: Sendable {
    /// Creates a value from the column's text, where nil text is SQL NULL.
    init?(postgresText text: String?)
}

extension String: PostgresDecodable {
    /// The text itself.
    public init?(postgresText text: String?) {
        guard let text else { return nil }
        self = text
    }
}

extension Int: PostgresDecodable {
    /// Decimal digits (int2, int4, int8).
    public init?(postgresText text: String?) {
        guard let text, let value = Int(text) else { return nil }
        self = value
    }
}

extension Int64: PostgresDecodable {
    /// Decimal digits (int2, int4, int8).
    public init?(postgresText text: String?) {
        guard let text, let value = Int64(text) else { return nil }
        self = value
    }
}

extension Int32: PostgresDecodable {
    /// Decimal digits (int2, int4); nil if the value does not fit.
    public init?(postgresText text: String?) {
        guard let text, let value = Int32(text) else { return nil }
        self = value
    }
}

extension Bool: PostgresDecodable {
    /// `t`/`f` (also `true`/`false`).
    public init?(postgresText text: String?) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension UUID: PostgresDecodable {
    /// The canonical uuid text.
    public init?(postgresText text: String?) {
        guard let text, let value = UUID(uuidString: text) else { return nil }
        self = value
    }
}

extension Double: PostgresDecodable {
    /// float4/float8/numeric text, including `NaN`, `Infinity` and `-Infinity`.
    public init?(postgresText text: String?) {
        switch text {
        case nil: return nil
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        case let text?:
            guard let value = Double(text) else { return nil }
            self = value
        }
    }
}

extension Date: PostgresDecodable {
    /// `timestamptz` text (the session runs in UTC); nil for `infinity`.
    public init?(postgresText text: String?) {
        guard let text, let value = PostgresTimestamp.parse(text) else { return nil }
        self = value
    }
}

extension Data: PostgresDecodable {
    /// `bytea` hex text.
    public init?(postgresText text: String?) {
        guard let text, let bytes = PostgresBytea.decode(text) else { return nil }
        self = Data(bytes)
    }
}

extension Array: PostgresDecodable where Element == UInt8 {
    /// `bytea` hex text.
    public init?(postgresText text: String?) {
        guard let text, let bytes = PostgresBytea.decode(text) else { return nil }
        self = bytes
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// `.none` for NULL, otherwise the wrapped type's decoding (nil if that fails).
    public init?(postgresText text: String?) {
        guard let text else {
            self = .none
            return
        }
        guard let value = Wrapped(postgresText: text) else { return nil }
        self = .some(value)
    }
}
