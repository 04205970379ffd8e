import Foundation

/// Decodes contract JSON (events, stored payloads) faster than Foundation's `JSONDecoder`.
///
/// Under the pipeline benchmark Foundation's decoder was the largest single cost of the
/// consuming services (20–40 % of their CPU), mostly because a submitted plan carries its
/// content as an array of byte values. This decoder reads a ``JSONTree`` and answers the
/// `Decodable` requests directly, with a fast path for byte arrays and contract timestamps.
///
/// It is not trusted alone: ``ContractCoding/decode(_:from:)`` hands anything it refuses to
/// Foundation's decoder, so every error (and anything it does not support, such as `Data`,
/// `URL` or `Decimal`) is reported exactly as before.
struct ContractDecoder {
    struct Unsupported: Error {}

    func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let tree = try JSONTree.parse(bytes)
        return try TreeDecoder(tree, path: []).decodeValue(T.self)
    }
}

private struct TreeDecoder: Decoder {
    let tree: JSONTree
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ tree: JSONTree, path: [any CodingKey]) {
        self.tree = tree
        self.codingPath = path
    }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "contract decoder: not a \(type)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = tree else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = tree else { throw mismatch([Any].self) }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    /// A value of `type` from this node, with the fast paths Foundation's decoder also special-cases.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == [UInt8].self { return try bytes() as! T }
        if T.self == String.self { return try string() as! T }
        if T.self == Int.self { return try integer(Int.self) as! T }
        if T.self == Bool.self { return try boolean() as! T }
        if T.self == UUID.self {
            guard let id = UUID(uuidString: try string()) else { throw mismatch(UUID.self) }
            return id as! T
        }
        if T.self == Date.self {
            guard let date = Timestamp.parse(try string()) else { throw mismatch(Date.self) }
            return date as! T
        }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw ContractDecoder.Unsupported() }
        return try T(from: self)
    }

    func string() throws -> String {
        guard case .string(let text) = tree else { throw mismatch(String.self) }
        return text
    }

    func boolean() throws -> Bool {
        guard case .bool(let value) = tree else { throw mismatch(Bool.self) }
        return value
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        switch tree {
        case .integer(let value): if let exact = I(exactly: value) { return exact }
        case .number(let text): if let value = I(text) { return value }  // beyond Int64 (UInt64)
        default: break
        }
        throw mismatch(I.self)
    }

    func floating<F: LosslessStringConvertible & BinaryFloatingPoint>(_ type: F.Type) throws -> F {
        switch tree {
        case .integer(let value): return F(value)  // rounds to nearest, as parsing the text would
        case .number(let text): if let value = F(text) { return value }
        default: break
        }
        throw mismatch(F.self)
    }

    func bytes() throws -> [UInt8] {
        guard case .array(let items) = tree else { throw mismatch([UInt8].self) }
        var out = [UInt8]()
        out.reserveCapacity(items.count)
        for item in items {
            guard case .integer(let value) = item, let byte = UInt8(exactly: value) else { throw mismatch(UInt8.self) }
            out.append(byte)
        }
        return out
    }

    var isNull: Bool { if case .null = tree { true } else { false } }
}

/// A position in an array, as a coding-path key (the contract encoder uses it too).
struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONTree]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    func child(_ key: Key) throws -> TreeDecoder {
        guard let tree = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "contract decoder: no value"))
        }
        return TreeDecoder(tree, path: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).boolean() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).floating(Double.self) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).floating(Float.self) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).integer(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).integer(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).integer(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).integer(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).integer(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).integer(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).integer(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).integer(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).integer(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(T.self) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let tree = members[key.stringValue] else { return nil }
        if case .null = tree { return nil }
        return try TreeDecoder(tree, path: codingPath + [key]).decodeValue(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { throw ContractDecoder.Unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw ContractDecoder.Unsupported() }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let items: [JSONTree]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [JSONTree], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> TreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "contract decoder: at end"))
        }
        defer { currentIndex += 1 }
        return TreeDecoder(items[currentIndex], path: codingPath + [IndexKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = items[currentIndex] { currentIndex += 1; return true }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().boolean() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().floating(Double.self) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().floating(Float.self) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { throw ContractDecoder.Unsupported() }
}

private struct Single: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.boolean() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floating(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floating(Float.self) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }
}
