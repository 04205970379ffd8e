/// The emergency rules (seed 004) with stable dotted codes, kept apart from ``RuleID`` (the
/// plan validation catalogue): these judge a consultation entry or an expense claim made while an
/// emergency period lasts, not a plan.
public enum EmergencyRule: String, Codable, Sendable, CaseIterable, Hashable {
    /// During an emergency only remote consultations are recorded ("konsultācijas tiek sniegtas attālināti").
    case consultationRemoteOnly = "emergency.consultation.remote_only"
    /// Meals delivered home, paid from the period's date for grades 5–12 whose plan already included meals.
    case mealsDeliveredHome = "emergency.meals.delivered_home"
    /// Vocational students on placement keep transport, lodging and meals if their plan predates the emergency.
    case placementSupportKept = "emergency.placement.support_kept"
    /// Any other compensation for a paused plan during the emergency is not paid.
    case claimPaused = "emergency.claim.paused"
}

/// One explained result of an emergency rule: which rule, whether it allowed or refused, the
/// field it is about, and why (Latvian first).
public struct EmergencyFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule.
    public var rule: EmergencyRule
    /// `error` refuses; `warning` allows and tells why.
    public var severity: Severity
    /// The field of the request it is about, e.g. `remote`, `deliveredHome`.
    public var path: String
    /// Why, in Latvian and English.
    public var message: LocalizedText

    /// Creates a finding.
    public init(rule: EmergencyRule, severity: Severity, path: String, message: LocalizedText) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.message = message
    }

    static func error(_ rule: EmergencyRule, _ path: String, lv: String, en: String) -> EmergencyFinding {
        EmergencyFinding(rule: rule, severity: .error, path: path, message: LocalizedText(lv: lv, en: en))
    }

    static func allowed(_ rule: EmergencyRule, _ path: String, lv: String, en: String) -> EmergencyFinding {
        EmergencyFinding(rule: rule, severity: .warning, path: path, message: LocalizedText(lv: lv, en: en))
    }

    /// `error emergency.claim.paused at measureId: …` (English).
    public var description: String { "\(severity.rawValue) \(rule.rawValue) at \(path): \(message.en)" }
}
