import Foundation

/// A `multipart/form-data` body (a form with a file input), parsed from bytes. Pure; the caller
/// has already bounded the body's size.
public struct MultipartForm: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var filename: String
        public var contentType: String
        public var bytes: [UInt8]
    }

    public var fields: FormData
    public var files: [String: File]

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` header.
    public static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// nil when the body is not well-formed multipart.
    public init?(bytes: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        var values: [String: [String]] = [:]
        var files: [String: File] = [:]
        var starts: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: bytes, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        guard starts.count >= 2 else { return nil }
        for (number, start) in starts.dropLast().enumerated() {
            var partStart = start + delimiter.count
            guard partStart + 2 <= bytes.count, bytes[partStart] == 13, bytes[partStart + 1] == 10 else { return nil }
            partStart += 2
            var partEnd = starts[number + 1]
            guard partEnd - 2 >= partStart, bytes[partEnd - 2] == 13, bytes[partEnd - 1] == 10 else { return nil }
            partEnd -= 2
            let part = Array(bytes[partStart..<partEnd])
            guard let split = Self.find([13, 10, 13, 10], in: part, from: 0) else { return nil }
            let head = String(decoding: part[..<split], as: UTF8.self)
            let body = Array(part[(split + 4)...])
            var name: String?
            var filename: String?
            var contentType = "application/octet-stream"
            for line in head.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = Self.parameter("name", in: line)
                    filename = Self.parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { return nil }
            if let filename {
                files[name] = File(filename: filename, contentType: contentType, bytes: body)
            } else {
                values[name, default: []].append(String(decoding: body, as: UTF8.self))
            }
        }
        self.fields = FormData(values)
        self.files = files
    }

    static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
