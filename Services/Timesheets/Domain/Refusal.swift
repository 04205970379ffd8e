import Rules

/// Why the service refuses a request, as the pure rules say it: which field, which rule, what to
/// do (Latvian first). The HTTP edge turns it into an RFC 9457 problem (`TimesheetsProblems`);
/// the rules themselves never build HTTP values.
struct Refusal: Error, Sendable, Hashable {
    /// How the refusal maps onto HTTP: 422, 409, 403 or 404.
    enum Kind: Sendable, Hashable {
        /// The request itself is wrong (422).
        case invalid
        /// The request is fine but the current state does not allow it (409, with that state).
        case conflict
        /// The caller may see the object but may not do this to it (403).
        case forbidden
        /// The object does not exist or is outside the caller's scope (404; never told apart).
        case notFound
    }

    var kind: Kind
    /// JSON path of the field, e.g. `minutes`, `workDate`, `state`.
    var field: String
    /// Stable rule id, e.g. `hours.delivered.exceeds_planned`.
    var rule: String
    var message: LocalizedText
    /// For conflicts: the state and version the object is in now, so the loser of a race sees them.
    var currentState: String?
    var currentVersion: Int?

    static func invalid(_ field: String, _ rule: String, lv: String, en: String) -> Refusal {
        Refusal(kind: .invalid, field: field, rule: rule, message: LocalizedText(lv: lv, en: en))
    }

    static func conflict(_ field: String, _ rule: String, lv: String, en: String) -> Refusal {
        Refusal(kind: .conflict, field: field, rule: rule, message: LocalizedText(lv: lv, en: en))
    }

    static func forbidden(_ field: String, _ rule: String, lv: String, en: String) -> Refusal {
        Refusal(kind: .forbidden, field: field, rule: rule, message: LocalizedText(lv: lv, en: en))
    }

    static func notFound(_ field: String, _ rule: String, lv: String, en: String) -> Refusal {
        Refusal(kind: .notFound, field: field, rule: rule, message: LocalizedText(lv: lv, en: en))
    }

    /// The first error of a rules-library check, as a refusal of `field` (nil when it passed).
    static func firstError(of findings: [Finding], field: String) -> Refusal? {
        findings.errors.first.map { .invalid(field, $0.ruleId.rawValue, lv: $0.message.lv, en: $0.message.en) }
    }

    /// The same refusal, telling the object's current state and version.
    func at(state: String, version: Int) -> Refusal {
        var copy = self
        copy.currentState = state
        copy.currentVersion = version
        return copy
    }
}
