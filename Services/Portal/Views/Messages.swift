import Foundation

/// Every string a person reads, one catalogue per language: `Messages/lv.json` and `Messages/en.json`,
/// plus one pair per area of work (`Messages/finance.lv.json`, …) so a page's strings live beside
/// each other. A key defined twice is refused at start-up. Latvian is the default; a key missing in
/// English falls back to Latvian (a test checks both catalogues have the same keys).
public struct Messages: Sendable {
    public let catalogues: [String: [String: String]]

    public static let languages = ["lv", "en"]

    public init(catalogues: [String: [String: String]]) {
        self.catalogues = catalogues
    }

    /// The catalogues shipped with the portal.
    public static func bundled(directory: String) throws -> Messages {
        var catalogues: [String: [String: String]] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        for language in languages {
            var catalogue: [String: String] = [:]
            for file in files where file == "\(language).json" || file.hasSuffix(".\(language).json") {
                let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file))
                for (key, value) in try JSONDecoder().decode([String: String].self, from: data) {
                    guard catalogue.updateValue(value, forKey: key) == nil else { throw DuplicateKey(key: key, file: file) }
                }
            }
            catalogues[language] = catalogue
        }
        return Messages(catalogues: catalogues)
    }

    /// The same key in two catalogue files of one language: one of them would silently win.
    public struct DuplicateKey: Error, CustomStringConvertible {
        public let key: String
        public let file: String
        public var description: String { "message key \(key) is defined twice (again in \(file))" }
    }

    /// All strings of `language` (Latvian underneath, so nothing is ever blank).
    public func table(_ language: String) -> [String: String] {
        let latvian = catalogues["lv"] ?? [:]
        guard language != "lv", let other = catalogues[language] else { return latvian }
        return latvian.merging(other) { $1 }
    }

    public func text(_ key: String, _ language: String) -> String {
        catalogues[language]?[key] ?? catalogues["lv"]?[key] ?? key
    }

    /// `lv` or `en` from a preference; anything else is Latvian.
    public static func language(_ preference: String?) -> String {
        preference == "en" ? "en" : "lv"
    }
}
