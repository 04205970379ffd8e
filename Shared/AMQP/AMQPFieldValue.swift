/// A value in an AMQP field table (queue arguments, message headers), in Swift terms.
public enum AMQPFieldValue: Sendable, Hashable {
    /// UTF-8 string (`S`).
    case string(String)
    /// 64-bit signed integer (`l`).
    case int(Int64)
    /// Boolean (`t`).
    case bool(Bool)
    /// Raw bytes (`x`).
    case bytes([UInt8])
    /// A nested table (`F`), as found in `x-death`.
    case table([String: AMQPFieldValue])
    /// An array (`A`), as found in `x-death`.
    case array([AMQPFieldValue])
    /// A kind this client does not interpret.
    case unsupported

    /// The value as a string, when it is one (or UTF-8 bytes).
    public var stringValue: String? {
        switch self {
        case .string(let s): s
        case .bytes(let b): String(validating: b, as: UTF8.self)
        default: nil
        }
    }

    /// The value as an integer, when it is one.
    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }
}
