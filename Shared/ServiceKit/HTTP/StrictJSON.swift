import Contracts
import Foundation
import HTTPTypes
import Rules

/// Strict JSON decoding for request bodies: the body must be JSON by RFC 8259 (no trailing
/// comma, no comment, no key twice in one object), no text may hold control characters other
/// than tab and line breaks (NUL included), every field must decode into the declared type, and
/// fields the type does not know are refused rather than ignored (so an extra `role`, `scope` or
/// `id` can never look as if it had been accepted).
///
/// The checks and the decoding read one and the same document: a repeated key is refused
/// before either runs, because parsers disagree on which copy wins (Foundation's tree keeps the
/// last, its decoder the first), and a personal code in the copy one of them skips would pass
/// the check and still be stored.
///
/// Errors are problem+json naming the field path (`risks[0].justification`) and the rule, never
/// the offending value (it may be personal data).
public enum StrictJSON {
    /// Decodes `T` from `bytes`, or throws a 422 problem. Text that contains a personal code is
    /// refused (`text.personal_code`) in every field but `personalCodeFields` (the one field of
    /// the one route that takes a code), so a code typed into a comment never travels on.
    public static func decode<T: Codable>(_ type: T.Type, from bytes: [UInt8],
                                          personalCodeFields: Set<String> = []) throws(ProblemDetails) -> T {
        let tree = try document(bytes)
        if let path = firstControlCharacter(in: tree, path: []) {
            throw CommonProblems.invalidField(render(path), "text.control_character",
                                              lv: "Teksts satur neatļautas vadības rakstzīmes (piem., NUL).",
                                              en: "The text contains control characters that are not allowed (e.g. NUL).")
        }
        if let path = firstPersonalCode(in: tree, path: [], allowed: personalCodeFields) {
            throw CommonProblems.invalidField(render(path), "text.personal_code",
                                              lv: "Tekstā nedrīkst rakstīt personas kodu: izglītojamo apzīmē pseidonīmais kods.",
                                              en: "Do not write a personal code in text: the student is named by the pseudonymous code.")
        }
        let value: T
        do {
            value = try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw CommonProblems.invalidField(fieldPath(of: error), "request.schema",
                                              lv: "Lauks trūkst vai tam ir nepareizs tips vai vērtība.",
                                              en: "A field is missing or has the wrong type or value.")
        }
        // Unknown fields: whatever the input holds that the decoded value does not write back.
        if let encoded = try? JSONEncoder().encode(value),
           let known = try? JSONTree.parse(Array(encoded)),
           let path = firstUnknownKey(in: tree, known: known, path: []) {
            throw CommonProblems.invalidField(render(path), "request.unknown_field",
                                              lv: "Šāds lauks nav paredzēts.", en: "This field is not expected.")
        }
        return value
    }

    /// The body as one JSON document, or 400: not JSON by RFC 8259, or a key twice in one object.
    static func document(_ bytes: [UInt8]) throws(ProblemDetails) -> JSONTree {
        do {
            return try JSONTree.parse(bytes, refusingDuplicateKeys: true)
        } catch {
            if let path = error.duplicateKey {
                throw malformed(render(path), "request.duplicate_key",
                                lv: "Lauks JSON objektā atkārtojas; katru lauku drīkst norādīt tikai vienreiz.",
                                en: "A field occurs twice in one JSON object; give each field once.")
            }
            throw malformed("(body)", "request.json", lv: "Pieprasījums nav derīgs JSON.",
                            en: "The request body is not valid JSON.")
        }
    }

    /// 400: the body cannot be read as one JSON document (RFC 9110 §15.5.1: malformed syntax).
    static func malformed(_ field: String, _ rule: String, lv: String, en: String) -> ProblemDetails {
        ProblemDetails(status: .badRequest, type: "urn:pumpurs:problem:malformed-request",
                       title: "Nolasāms JSON nav / The request is not readable JSON", detail: "\(lv) / \(en)",
                       errors: [.init(field: field, rule: rule, message: lv, messageEn: en)])
    }

    /// A command without parameters accepts an empty body or `{}`; anything else is refused
    /// (so a client that thinks it sends options learns that it does not).
    public static func requireEmptyObject(_ bytes: [UInt8]) throws(ProblemDetails) {
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return }
        _ = try decode(EmptyObject.self, from: bytes)
    }

    /// `{}`.
    struct EmptyObject: Codable {}

    /// Whether `text` holds a character the API never accepts in text: C0 controls other than
    /// tab, LF and CR, DEL, and C1 controls.
    public static func hasForbiddenControl(_ text: String, allowLineBreaks: Bool = true) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09: return !allowLineBreaks
            case 0x0A, 0x0D: return !allowLineBreaks
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return false
            }
        }
    }

    typealias PathElement = JSONTree.PathElement

    static func render(_ path: [PathElement]) -> String {
        guard !path.isEmpty else { return "(body)" }
        var out = ""
        for element in path {
            switch element {
            case .key(let key): out += out.isEmpty ? key : ".\(key)"
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }

    static func firstControlCharacter(in node: JSONTree, path: [PathElement]) -> [PathElement]? {
        switch node {
        case .string(let text):
            return hasForbiddenControl(text) ? path : nil
        case .object(let members):
            for key in members.keys.sorted() {
                if hasForbiddenControl(key) { return path + [.key("(key)")] }
                if let value = members[key], let found = firstControlCharacter(in: value, path: path + [.key(key)]) { return found }
            }
            return nil
        case .array(let items):
            for (index, element) in items.enumerated() {
                if let found = firstControlCharacter(in: element, path: path + [.index(index)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    static func firstPersonalCode(in node: JSONTree, path: [PathElement], allowed: Set<String>) -> [PathElement]? {
        switch node {
        case .string(let text):
            // An identifier is not free text: a UUID's hex can hold eleven digits in a row that
            // pass the check digit (1 in ~100 ids), and refusing it would refuse the request.
            if UUID(uuidString: text) != nil { return nil }
            return !allowed.contains(render(path)) && PersonalCode.occurs(in: text) ? path : nil
        case .object(let members):
            for key in members.keys.sorted() {
                if let value = members[key], let found = firstPersonalCode(in: value, path: path + [.key(key)], allowed: allowed) {
                    return found
                }
            }
            return nil
        case .array(let items):
            for (index, element) in items.enumerated() {
                if let found = firstPersonalCode(in: element, path: path + [.index(index)], allowed: allowed) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    static func firstUnknownKey(in input: JSONTree, known: JSONTree, path: [PathElement]) -> [PathElement]? {
        switch (input, known) {
        case let (.object(members), .object(knownMembers)):
            for key in members.keys.sorted() {
                guard let value = members[key] else { continue }
                guard let knownValue = knownMembers[key] else {
                    if case .null = value { continue } // an explicit null for an absent optional
                    return path + [.key(key)]
                }
                if let found = firstUnknownKey(in: value, known: knownValue, path: path + [.key(key)]) { return found }
            }
            return nil
        case let (.array(items), .array(knownItems)):
            for (index, element) in items.enumerated() where index < knownItems.count {
                if let found = firstUnknownKey(in: element, known: knownItems[index], path: path + [.index(index)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The JSON path a decoding error is about (never its value).
    public static func fieldPath(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "(body)" }
        let keys: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): keys = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            keys = context.codingPath
        @unknown default: keys = []
        }
        return render(keys.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) })
    }
}
