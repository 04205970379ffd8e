import Foundation

/// Messages shown beside the fields they concern, in the person's language: from a service's
/// RFC 9457 problem (`errors[].field`), from the programme rules' findings (`field`), or from
/// the portal's own form reading. Field paths (`risks[0].justification`) become element ids
/// (`risks-0-justification`); the rules call the student card `general`, the form calls it `card`.
public struct FieldErrors: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var anchor: String
        public var message: String
        public var severity: String
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }
    public var hasErrors: Bool { entries.contains { $0.severity == "error" } }

    public mutating func add(_ path: String, _ message: String, severity: String = "error") {
        entries.append(Entry(anchor: Self.anchor(path), message: message, severity: severity))
    }

    /// `risks[0].justification` → `risks-0-justification`; `general.goal` → `card-goal`.
    public static func anchor(_ path: String) -> String {
        var text = path
        if text.hasPrefix("general.") { text = "card." + text.dropFirst("general.".count) }
        if text == "general" { text = "card" }
        var result = ""
        for character in text {
            if character.isLetter || character.isNumber { result.append(character) } else if result.last != "-" { result.append("-") }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "form" : result
    }

    /// These messages beside `path` when none of them names a field of its own (a refusal about
    /// the request as a whole belongs next to the field the person typed into).
    public func placing(unplacedAt path: String) -> FieldErrors {
        guard entries.allSatisfy({ $0.anchor == "form" }) else { return self }
        return placing(allAt: path)
    }

    /// All these messages beside `path`.
    public func placing(allAt path: String) -> FieldErrors {
        var moved = FieldErrors()
        for entry in entries { moved.add(path, entry.message, severity: entry.severity) }
        return moved
    }

    /// The messages for one field.
    public func messages(for anchor: String) -> [Entry] { entries.filter { $0.anchor == anchor } }

    /// From a service's problem+json body (the message in `language`; the title when no field).
    public static func problem(_ body: Data, language: String) -> FieldErrors {
        var errors = FieldErrors()
        guard let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            errors.add("form", language == "en" ? "The service did not answer as expected. Please try again." :
                "Pakalpojums neatbildēja, kā gaidīts. Lūdzu, mēģiniet vēlreiz.")
            return errors
        }
        let fields = json["errors"] as? [[String: Any]] ?? []
        for field in fields {
            let message = (language == "en" ? field["messageEn"] : field["message"]) as? String ?? field["message"] as? String ?? ""
            errors.add(field["field"] as? String ?? "form", message, severity: field["severity"] as? String ?? "error")
        }
        if fields.isEmpty {
            let title = json["title"] as? String ?? ""
            // Titles are "Latvian / English".
            let halves = title.components(separatedBy: " / ")
            errors.add("form", language == "en" && halves.count == 2 ? halves[1] : halves[0])
        }
        return errors
    }

    /// From a plan's findings (`[{rule, severity, field, message, messageEn}]`).
    public static func findings(_ list: [[String: Any]], language: String) -> FieldErrors {
        var errors = FieldErrors()
        for finding in list {
            let message = (language == "en" ? finding["messageEn"] : finding["message"]) as? String ?? ""
            let rule = finding["rule"] as? String ?? ""
            errors.add(finding["field"] as? String ?? "form", rule.isEmpty ? message : "\(message) (\(rule))",
                       severity: finding["severity"] as? String ?? "error")
        }
        return errors
    }
}
