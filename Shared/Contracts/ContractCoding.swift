import Foundation

/// The one JSON coding every service uses for contracts: ISO-8601 UTC timestamps with
/// milliseconds, sorted keys (stable bytes for tests and checksums).
public enum ContractCoding {
    /// Encodes a value to JSON bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Timestamp.format(date))
        }
        return Array(try encoder.encode(value))
    }

    /// Decodes a value from JSON bytes; unknown fields are ignored.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
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
