/// A user-facing text in Latvian (the programme's working language) and English.
public struct LocalizedText: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The Latvian text; always present and shown first.
    public var lv: String
    /// The English text.
    public var en: String

    /// Creates a bilingual text.
    public init(lv: String, en: String) {
        self.lv = lv
        self.en = en
    }

    /// Both languages, Latvian first, for logs and test output.
    public var description: String { "\(lv) / \(en)" }
}
