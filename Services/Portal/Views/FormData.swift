import Foundation

/// A submitted HTML form (`application/x-www-form-urlencoded`): every value of every name, in
/// order. Pure.
public struct FormData: Sendable, Equatable {
    public private(set) var values: [String: [String]] = [:]

    public init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(String(parts[0]))
            let value = parts.count > 1 ? Self.decode(String(parts[1])) : ""
            values[name, default: []].append(value)
        }
    }

    /// The first value, trimmed; nil when absent or blank.
    public subscript(_ name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    public func all(_ name: String) -> [String] { values[name] ?? [] }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }
}
