/// The type of an event, which is also its routing key on `pumpurs.events` (`plan.submitted`).
public struct EventType: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The dotted name.
    public let rawValue: String
    /// Wraps a name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The dotted name.
    public var description: String { rawValue }
}

/// `major.minor` of an event's schema. Minor = additive change (new optional fields);
/// major = incompatible change. Consumers ignore unknown fields and reject unknown majors.
public struct SchemaVersion: Codable, Hashable, Sendable, CustomStringConvertible, Comparable {
    /// Incompatible generation.
    public let major: Int
    /// Additive revision.
    public let minor: Int

    /// Creates a version.
    public init(_ major: Int, _ minor: Int = 0) { self.major = major; self.minor = minor }

    /// Parses `"1.2"` (or `"1"`): ASCII digits only.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let major = Self.number(parts[0]) else { return nil }
        let minor = parts.count == 2 ? Self.number(parts[1]) : 0
        guard let minor else { return nil }
        self.init(major, minor)
    }

    /// A run of ASCII digits that fits an `Int`; `Int(_:)` alone would also take a sign ("+1").
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(text)
    }

    /// `"major.minor"`.
    public var description: String { "\(major).\(minor)" }

    /// Orders by major, then minor.
    public static func < (a: SchemaVersion, b: SchemaVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }

    /// Encoded as the string `"1.0"`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// Decoded from `"1.0"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let v = SchemaVersion(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad schema version"))
        }
        self = v
    }
}

/// An event payload: its type and schema version are part of the type.
public protocol DomainEvent: Codable, Sendable, Equatable {
    /// Routing key and envelope `type`.
    static var eventType: EventType { get }
    /// Current schema version produced.
    static var schemaVersion: SchemaVersion { get }
}
