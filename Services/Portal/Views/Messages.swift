import Foundation

/// Every string a person reads, one catalogue per language (`Messages/lv.json`, `Messages/en.json`).
/// Latvian is the default; a key missing in English falls back to Latvian (a test checks both
/// catalogues have the same keys).
public struct Messages: Sendable {
    public let catalogues: [String: [String: String]]

    public static let languages = ["lv", "en"]

    public init(catalogues: [String: [String: String]]) {
        self.catalogues = catalogues
    }

    /// The catalogues shipped with the portal.
    public static func bundled(directory: String) throws -> Messages {
        var catalogues: [String: [String: String]] = [:]
        for language in languages {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/\(language).json"))
            catalogues[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Messages(catalogues: catalogues)
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
