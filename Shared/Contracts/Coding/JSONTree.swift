/// A parsed JSON document, as the contract decoder and the API's strict request reader see it.
///
/// Numbers keep their text (the decoder converts them to the type asked for, exactly);
/// objects keep their members by key. A repeated key is refused in strict mode (request
/// bodies: two parsers that disagree on which copy wins let a checked copy hide an unchecked
/// one); otherwise the last one wins, as in Foundation.
package indirect enum JSONTree: Sendable {
    case null
    case bool(Bool)
    /// A number written as a plain integer that fits 64 bits (no fraction, no exponent).
    case integer(Int64)
    /// Any other number, as written.
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// One step of a path into a document.
    package enum PathElement: Sendable, Equatable {
        /// An object member.
        case key(String)
        /// An array element.
        case index(Int)
    }

    /// Why a document was refused: where, and for a repeated key, the path of its second copy.
    package struct SyntaxError: Error, Sendable {
        /// Byte offset of the refusal.
        package var offset: Int
        /// In strict mode, the path of a key that occurs twice in one object.
        package var duplicateKey: [PathElement]? = nil
    }

    /// Parses `bytes` (UTF-8) as one JSON value with nothing but whitespace around it, by
    /// RFC 8259's grammar (no trailing commas, no comments, no bare words).
    /// - Parameter refusingDuplicateKeys: strict mode: an object with a repeated key is an error.
    package static func parse(_ bytes: [UInt8], refusingDuplicateKeys: Bool = false) throws(SyntaxError) -> JSONTree {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SyntaxError) -> JSONTree in
            var parser = Parser(bytes: buffer, refusesDuplicateKeys: refusingDuplicateKeys)
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw SyntaxError(offset: parser.index) }
            return value
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let refusesDuplicateKeys: Bool
        var index = 0
        /// Deeper documents are refused (no contract nests beyond a few levels).
        static let maximumDepth = 256

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        func fail() -> SyntaxError { SyntaxError(offset: index) }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONTree {
            guard depth < Self.maximumDepth else { throw fail() }
            skipWhitespace()
            guard index < bytes.count else { throw fail() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail() }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw fail() }
            index += count
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONTree {
            index += 1
            var members: [String: JSONTree] = [:]
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail() }
                let keyOffset = index
                let key = try string()
                if refusesDuplicateKeys, members[key] != nil {
                    throw SyntaxError(offset: keyOffset, duplicateKey: [.key(key)])
                }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail() }
                index += 1
                do throws(SyntaxError) {
                    members[key] = try value(depth: depth + 1)
                } catch {
                    throw error.inside(.key(key))
                }
                skipWhitespace()
                guard index < bytes.count else { throw fail() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "}") else { throw fail() }
                index += 1
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONTree {
            index += 1
            var items: [JSONTree] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                do throws(SyntaxError) {
                    items.append(try value(depth: depth + 1))
                } catch {
                    throw error.inside(.index(items.count))
                }
                skipWhitespace()
                guard index < bytes.count else { throw fail() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "]") else { throw fail() }
                index += 1
                return .array(items)
            }
        }

        /// A number, checked against JSON's grammar: a plain integer that fits as such (most
        /// numbers in contracts are byte values and counts), anything else as its text.
        mutating func number() throws(SyntaxError) -> JSONTree {
            let start = index
            let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
            var magnitude: UInt64 = 0
            var overflow = false
            if bytes[index] == UInt8(ascii: "0") { index += 1 } else {
                while index < bytes.count, isDigit(bytes[index]) {
                    let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (plus, o2) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                    magnitude = plus
                    overflow = overflow || o1 || o2
                    index += 1
                }
            }
            let integral = index >= bytes.count || (bytes[index] != UInt8(ascii: ".") && bytes[index] != UInt8(ascii: "e") && bytes[index] != UInt8(ascii: "E"))
            if integral && !overflow {
                // (-0 stays text: as a Double it is negative zero.)
                if negative, magnitude != 0, magnitude <= UInt64(Int64.max) + 1 {
                    return .integer(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
                }
                if !negative, magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail() }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        /// A string (the opening quote at `index`), unescaped; invalid UTF-8 or a lone surrogate is an error.
        mutating func string() throws(SyntaxError) -> String {
            index += 1
            let start = index
            // Fast path: no escapes.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    guard let text = String(validating: slice, as: UTF8.self) else { throw SyntaxError(offset: start) }
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                guard byte >= 0x20 else { throw fail() }
                index += 1
            }
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    guard let text = String(validating: out, as: UTF8.self) else { throw SyntaxError(offset: start) }
                    return text
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw fail() }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { throw fail() }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail() }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw fail()
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw fail() }
                        out.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default:
                        throw fail()
                    }
                default:
                    guard byte >= 0x20 else { throw fail() }
                    out.append(byte)
                    index += 1
                }
            }
            throw fail()
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw fail() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw fail()
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}

extension JSONTree.SyntaxError {
    /// The same error seen from the enclosing value (a repeated key's path grows outwards).
    func inside(_ element: JSONTree.PathElement) -> Self {
        guard let path = duplicateKey else { return self }
        var copy = self
        copy.duplicateKey = [element] + path
        return copy
    }
}
