import CRabbitMQ
import Foundation

/// Owns the C strings and arrays handed to rabbitmq-c for one call, and frees them afterwards.
///
/// rabbitmq-c only borrows `amqp_bytes_t` and tables during a call, so an arena that lives for
/// the call is enough; `withArena` guarantees the free.
final class CArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    deinit { for p in allocations { free(p) } }

    /// `amqp_bytes_t` viewing a copy of `string`'s UTF-8 bytes.
    func bytes(_ string: String) -> amqp_bytes_t {
        bytes(Array(string.utf8))
    }

    /// `amqp_bytes_t` viewing a copy of `data`.
    func bytes(_ data: [UInt8]) -> amqp_bytes_t {
        guard !data.isEmpty, let p = malloc(data.count) else { return amqp_empty_bytes }
        data.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: data.count) }
        allocations.append(p)
        return amqp_bytes_t(len: data.count, bytes: p)
    }

    /// A NUL-terminated copy of `string`.
    func cString(_ string: String) -> UnsafePointer<CChar> {
        let p = strdup(string)!
        allocations.append(UnsafeMutableRawPointer(p))
        return UnsafePointer(p)
    }

    /// An `amqp_table_t` for the given entries (in key order, so encoding is deterministic).
    func table(_ entries: [String: AMQPFieldValue]) -> amqp_table_t {
        guard !entries.isEmpty else { return amqp_empty_table }
        let count = entries.count
        let raw = malloc(MemoryLayout<amqp_table_entry_t>.stride * count)!
        allocations.append(raw)
        let buffer = raw.bindMemory(to: amqp_table_entry_t.self, capacity: count)
        for (i, key) in entries.keys.sorted().enumerated() {
            buffer[i] = amqp_table_entry_t(key: bytes(key), value: field(entries[key]!))
        }
        return amqp_table_t(num_entries: Int32(count), entries: buffer)
    }

    private func field(_ value: AMQPFieldValue) -> amqp_field_value_t {
        var f = amqp_field_value_t()
        switch value {
        case .string(let s):
            f.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue); f.value.bytes = bytes(s)
        case .int(let i):
            f.kind = UInt8(AMQP_FIELD_KIND_I64.rawValue); f.value.i64 = i
        case .bool(let b):
            f.kind = UInt8(AMQP_FIELD_KIND_BOOLEAN.rawValue); f.value.boolean = b ? 1 : 0
        case .bytes(let b):
            f.kind = UInt8(AMQP_FIELD_KIND_BYTES.rawValue); f.value.bytes = bytes(b)
        case .table(let t):
            f.kind = UInt8(AMQP_FIELD_KIND_TABLE.rawValue); f.value.table = table(t)
        case .array, .unsupported:
            // Never sent by this client; encode as void rather than fail.
            f.kind = UInt8(AMQP_FIELD_KIND_VOID.rawValue)
        }
        return f
    }
}

extension amqp_bytes_t {
    /// A Swift copy of the bytes.
    var array: [UInt8] {
        guard len > 0, let bytes else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: len))
    }

    /// The bytes as a String (lossy for invalid UTF-8, which brokers never send in names).
    var string: String { String(decoding: array, as: UTF8.self) }
}

extension amqp_table_t {
    /// The table as a Swift dictionary.
    var dictionary: [String: AMQPFieldValue] {
        guard num_entries > 0, let entries else { return [:] }
        var result: [String: AMQPFieldValue] = [:]
        for i in 0..<Int(num_entries) {
            result[entries[i].key.string] = entries[i].value.swiftValue
        }
        return result
    }
}

extension amqp_field_value_t {
    /// The value in Swift terms.
    var swiftValue: AMQPFieldValue {
        switch UInt32(kind) {
        case AMQP_FIELD_KIND_UTF8.rawValue: .string(value.bytes.string)
        case AMQP_FIELD_KIND_BYTES.rawValue: .bytes(value.bytes.array)
        case AMQP_FIELD_KIND_BOOLEAN.rawValue: .bool(value.boolean != 0)
        case AMQP_FIELD_KIND_I8.rawValue: .int(Int64(value.i8))
        case AMQP_FIELD_KIND_U8.rawValue: .int(Int64(value.u8))
        case AMQP_FIELD_KIND_I16.rawValue: .int(Int64(value.i16))
        case AMQP_FIELD_KIND_U16.rawValue: .int(Int64(value.u16))
        case AMQP_FIELD_KIND_I32.rawValue: .int(Int64(value.i32))
        case AMQP_FIELD_KIND_U32.rawValue: .int(Int64(value.u32))
        case AMQP_FIELD_KIND_I64.rawValue: .int(value.i64)
        case AMQP_FIELD_KIND_U64.rawValue, AMQP_FIELD_KIND_TIMESTAMP.rawValue: .int(Int64(truncatingIfNeeded: value.u64))
        case AMQP_FIELD_KIND_TABLE.rawValue: .table(value.table.dictionary)
        case AMQP_FIELD_KIND_ARRAY.rawValue:
            .array((0..<Int(max(0, value.array.num_entries))).map { value.array.entries[$0].swiftValue })
        default: .unsupported
        }
    }
}
