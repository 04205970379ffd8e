import Foundation

/// Encodes contract values to exactly the bytes Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` and contract timestamps, in a fraction of the time.
///
/// A submitted plan carries its content as an array of byte values; Foundation's encoder spent
/// ≈ 19 % of intake's CPU on it under the pipeline benchmark. Types this encoder does not
/// write itself (`Double`, `Float`, `Data`, `URL`, `Decimal`: no contract has them) make it
/// throw ``Unsupported``, and ``ContractCoding/encode(_:)`` then uses Foundation's encoder.
/// Tests compare both encoders' bytes over every sample event.
struct ContractEncoder {
    struct Unsupported: Error {}

    /// Dates as contract timestamps (ISO-8601 text); when false a `Date` is ``Unsupported``
    /// (Foundation's default writes a number, and API responses use that default).
    var timestampDates = true

    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let slot = Slot()
        try TreeEncoder(slot: slot, codingPath: [], timestampDates: timestampDates).encodeValue(value)
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        slot.write(to: &out)
        return out
    }
}

/// Where one encoded value goes.
private final class Slot {
    enum Value {
        case empty
        case raw([UInt8])
        case object(ObjectStore)
        case array(ArrayStore)
    }
    var value: Value = .empty

    func write(to out: inout [UInt8]) {
        switch value {
        case .empty: out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        case .raw(let bytes): out.append(contentsOf: bytes)
        case .object(let store):
            out.append(UInt8(ascii: "{"))
            // Foundation's .sortedKeys order: by code point (UTF-8 bytes).
            let keys = store.members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (position, key) in keys.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                store.members[key]!.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let store):
            out.append(UInt8(ascii: "["))
            for (position, item) in store.items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }
}

private final class ObjectStore { var members: [String: Slot] = [:] }
private final class ArrayStore { var items: [Slot] = [] }

/// JSON text pieces, written as Foundation writes them.
enum JSONText {
    /// A quoted string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or
    /// `\u00xx`; `/` and everything else (non-ASCII included) as is.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func string(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &out)
        return out
    }

    static func integer<I: FixedWidthInteger>(_ value: I) -> [UInt8] { Array(String(value).utf8) }

    static func byteArray(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(bytes.count * 4 + 2)
        for (position, byte) in bytes.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            if byte >= 100 { out.append(UInt8(ascii: "0") + byte / 100) }
            if byte >= 10 { out.append(UInt8(ascii: "0") + (byte / 10) % 10) }
            out.append(UInt8(ascii: "0") + byte % 10)
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var timestampDates = true
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func encodeValue<T: Encodable>(_ value: T) throws {
        // Type comparisons, not dynamic casts: this runs for every value.
        if T.self == [UInt8].self { slot.value = .raw(JSONText.byteArray(value as! [UInt8])) }
        else if T.self == String.self { slot.value = .raw(JSONText.string(value as! String)) }
        else if T.self == Int.self { slot.value = .raw(JSONText.integer(value as! Int)) }
        else if T.self == Bool.self { slot.value = .raw(Array((value as! Bool ? "true" : "false").utf8)) }
        else if T.self == UUID.self { slot.value = .raw(JSONText.string((value as! UUID).uuidString)) }
        else if T.self == Date.self {
            guard timestampDates else { throw ContractEncoder.Unsupported() }
            slot.value = .raw(JSONText.string(Timestamp.format(value as! Date)))
        }
        else if T.self == Double.self || T.self == Float.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw ContractEncoder.Unsupported()
        } else {
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let store: ObjectStore
        if case .object(let existing) = slot.value { store = existing } else {
            store = ObjectStore()
            slot.value = .object(store)
        }
        return KeyedEncodingContainer(KeyedEncoding<Key>(store: store, codingPath: codingPath, timestampDates: timestampDates))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let store: ArrayStore
        if case .array(let existing) = slot.value { store = existing } else {
            store = ArrayStore()
            slot.value = .array(store)
        }
        return UnkeyedEncoding(store: store, codingPath: codingPath, timestampDates: timestampDates)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleEncoding(encoder: self) }
}


private struct KeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let store: ObjectStore
    let codingPath: [any CodingKey]
    let timestampDates: Bool

    func slot(_ key: Key) -> Slot {
        let slot = Slot()
        store.members[key.stringValue] = slot
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = .raw(Array("null".utf8)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).value = .raw(Array((value ? "true" : "false").utf8)) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot(key).value = .raw(JSONText.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw ContractEncoder.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw ContractEncoder.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot(key).value = .raw(JSONText.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try TreeEncoder(slot: slot(key), codingPath: codingPath + [key], timestampDates: timestampDates).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(slot: slot(key), codingPath: codingPath + [key], timestampDates: timestampDates).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(slot: slot(key), codingPath: codingPath + [key], timestampDates: timestampDates).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: slot(Key(stringValue: "super")!), codingPath: codingPath, timestampDates: timestampDates) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(slot: slot(key), codingPath: codingPath + [key], timestampDates: timestampDates) }
}

private struct UnkeyedEncoding: UnkeyedEncodingContainer {
    let store: ArrayStore
    let codingPath: [any CodingKey]
    let timestampDates: Bool
    var count: Int { store.items.count }

    func slot() -> Slot {
        let slot = Slot()
        store.items.append(slot)
        return slot
    }

    mutating func encodeNil() throws { slot().value = .raw(Array("null".utf8)) }
    mutating func encode(_ value: Bool) throws { slot().value = .raw(Array((value ? "true" : "false").utf8)) }
    mutating func encode(_ value: String) throws { slot().value = .raw(JSONText.string(value)) }
    mutating func encode(_ value: Double) throws { throw ContractEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw ContractEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int8) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int16) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int32) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int64) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt8) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt16) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt32) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt64) throws { slot().value = .raw(JSONText.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try TreeEncoder(slot: slot(), codingPath: codingPath + [IndexKey(intValue: count - 1)], timestampDates: timestampDates).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(slot: slot(), codingPath: codingPath, timestampDates: timestampDates).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { TreeEncoder(slot: slot(), codingPath: codingPath, timestampDates: timestampDates).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { TreeEncoder(slot: slot(), codingPath: codingPath, timestampDates: timestampDates) }
}

private struct SingleEncoding: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.slot.value = .raw(Array("null".utf8)) }
    mutating func encode(_ value: Bool) throws { encoder.slot.value = .raw(Array((value ? "true" : "false").utf8)) }
    mutating func encode(_ value: String) throws { encoder.slot.value = .raw(JSONText.string(value)) }
    mutating func encode(_ value: Double) throws { throw ContractEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw ContractEncoder.Unsupported() }
    mutating func encode(_ value: Int) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int8) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int16) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int32) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: Int64) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.slot.value = .raw(JSONText.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
