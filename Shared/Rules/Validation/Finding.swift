/// How serious a finding is.
public enum Severity: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Shown to approvers; the plan may still go ahead.
    case warning
    /// The plan cannot be approved (or the record accepted) until it is fixed.
    case error

    /// `warning` < `error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// One explainable result of a rule: which rule, how serious, where, and what to fix.
/// Also an `Error`, so single-rule checks can return `Result<Value, Finding>`.
public struct Finding: Error, Codable, Sendable, Hashable, CustomStringConvertible {
    /// The rule that produced it.
    public var ruleId: RuleID
    /// Error or warning.
    public var severity: Severity
    /// The field it is about, e.g. `risks[2].justification`, `measures[0].plannedMinutes`.
    public var path: String
    /// What is wrong and what to do, in Latvian and English.
    public var message: LocalizedText

    /// Creates a finding.
    public init(ruleId: RuleID, severity: Severity, path: String, message: LocalizedText) {
        self.ruleId = ruleId
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// An error finding.
    public static func error(_ rule: RuleID, _ path: String, lv: String, en: String) -> Finding {
        Finding(ruleId: rule, severity: .error, path: path, message: LocalizedText(lv: lv, en: en))
    }

    /// A warning finding.
    public static func warning(_ rule: RuleID, _ path: String, lv: String, en: String) -> Finding {
        Finding(ruleId: rule, severity: .warning, path: path, message: LocalizedText(lv: lv, en: en))
    }

    /// `error risk.justification.vague at risks[0].justification: …` (English).
    public var description: String { "\(severity.rawValue) \(ruleId.rawValue) at \(path): \(message.en)" }
}

extension Array where Element == Finding {
    /// Whether any finding is an error (the plan cannot proceed).
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// Only the errors.
    public var errors: [Finding] { filter { $0.severity == .error } }
    /// Only the warnings.
    public var warnings: [Finding] { filter { $0.severity == .warning } }
}
