import Foundation
import HTTPTypes
import Rules

/// Strict JSON decoding for request bodies: the body must be JSON, no text may hold control
/// characters other than tab and line breaks (NUL included), every field must decode into the
/// declared type, and fields the type does not know are refused rather than ignored (so an extra
/// `role`, `scope` or `id` can never look as if it had been accepted).
///
/// Errors are problem+json naming the field path (`risks[0].justification`) and the rule, never
/// the offending value (it may be personal data).
public enum StrictJSON {
    /// Decodes `T` from `bytes`, or throws a 422 problem. Text that contains a personal code is
    /// refused (`text.personal_code`) in every field but `personalCodeFields` (the one field of
    /// the one route that takes a code), so a code typed into a comment never travels on.
    public static func decode<T: Codable>(_ type: T.Type, from bytes: [UInt8],
                                          personalCodeFields: Set<String> = []) throws(ProblemDetails) -> T {
        let data = Data(bytes)
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw CommonProblems.invalidField("(body)", "request.json", lv: "Pieprasījums nav derīgs JSON.",
                                              en: "The request body is not valid JSON.")
        }
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
            value = try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw CommonProblems.invalidField(fieldPath(of: error), "request.schema",
                                              lv: "Lauks trūkst vai tam ir nepareizs tips vai vērtība.",
                                              en: "A field is missing or has the wrong type or value.")
        }
        // Unknown fields: whatever the input holds that the decoded value does not write back.
        if let encoded = try? JSONEncoder().encode(value),
           let known = try? JSONSerialization.jsonObject(with: encoded, options: [.fragmentsAllowed]),
           let path = firstUnknownKey(in: tree, known: known, path: []) {
            throw CommonProblems.invalidField(render(path), "request.unknown_field",
                                              lv: "Šāds lauks nav paredzēts.", en: "This field is not expected.")
        }
        return value
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

    enum PathElement { case key(String), index(Int) }

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

    static func firstControlCharacter(in node: Any, path: [PathElement]) -> [PathElement]? {
        switch node {
        case let text as String:
            return hasForbiddenControl(text) ? path : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if hasForbiddenControl(key) { return path + [.key("(key)")] }
                if let found = firstControlCharacter(in: object[key]!, path: path + [.key(key)]) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstControlCharacter(in: element, path: path + [.index(index)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    static func firstPersonalCode(in node: Any, path: [PathElement], allowed: Set<String>) -> [PathElement]? {
        switch node {
        case let text as String:
            // An identifier is not free text: a UUID's hex can hold eleven digits in a row that
            // pass the check digit (1 in ~100 ids), and refusing it would refuse the request.
            if UUID(uuidString: text) != nil { return nil }
            return !allowed.contains(render(path)) && PersonalCode.occurs(in: text) ? path : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = firstPersonalCode(in: object[key]!, path: path + [.key(key)], allowed: allowed) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstPersonalCode(in: element, path: path + [.index(index)], allowed: allowed) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    static func firstUnknownKey(in input: Any, known: Any, path: [PathElement]) -> [PathElement]? {
        switch (input, known) {
        case let (object as [String: Any], knownObject as [String: Any]):
            for key in object.keys.sorted() {
                let value = object[key]!
                guard let knownValue = knownObject[key] else {
                    if value is NSNull { continue } // an explicit null for an absent optional
                    return path + [.key(key)]
                }
                if let found = firstUnknownKey(in: value, known: knownValue, path: path + [.key(key)]) { return found }
            }
            return nil
        case let (array as [Any], knownArray as [Any]):
            for (index, element) in array.enumerated() where index < knownArray.count {
                if let found = firstUnknownKey(in: element, known: knownArray[index], path: path + [.index(index)]) { return found }
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
