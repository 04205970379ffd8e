import Foundation

/// The one JSON coding every service uses for contracts: ISO-8601 UTC timestamps with
/// milliseconds, sorted keys (stable bytes for tests and checksums).
///
/// The bytes are Foundation's `JSONEncoder`'s; ``ContractEncoder`` and ``ContractDecoder``
/// produce and read them several times faster and fall back to Foundation for anything they
/// do not handle themselves (and for every decoding error, so errors read as they always did).
public enum ContractCoding {
    /// Encodes a value to JSON bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let bytes = try? ContractEncoder().encode(value) { return bytes }
        return try foundationEncode(value)
    }

    /// Decodes a value from JSON bytes; unknown fields are ignored.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        if let value = try? ContractDecoder().decode(type, from: bytes) { return value }
        return try foundationDecode(type, from: bytes)
    }

    /// JSON as Foundation's `JSONEncoder` writes it with `[.sortedKeys, .withoutEscapingSlashes]`
    /// and its default strategies (API responses), through the fast encoder when it can.
    public static func encodeSorted<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let bytes = try? ContractEncoder(timestampDates: false).encode(value) { return bytes }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Foundation's encoder with the contract settings (the reference the fast path must match).
    static func foundationEncode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Timestamp.format(date))
        }
        return Array(try encoder.encode(value))
    }

    /// Foundation's decoder with the contract settings.
    static func foundationDecode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected an ISO-8601 UTC timestamp")
            }
            return date
        }
        return try decoder.decode(type, from: Data(bytes))
    }
}
