import Rules

/// The conditions of the programme's youth initiative projects (seed 001, "Jaunatnes iniciatīvu
/// projekti"; seed 003, "līdz 4600 eur/projektam"): up to 4,600 EUR a project, 3–18 months, at
/// least 10 % of the participants students at risk of leaving school early. The seeds state them,
/// so `seed` is the default; they are a value passed to the rules (not constants inside them) so a
/// later call with other terms changes configuration, not code.
struct YouthProjectTerms: Sendable, Hashable {
    /// "Projektu finansējums – 4600 EUR": the most one project is awarded, in cents.
    var maxAwardCents: Int64 = 460_000
    /// "Projekta īstenošanas termiņš 3-18 mēneši".
    var minMonths = 3
    var maxMonths = 18
    /// "Vismaz 10 % no projekta dalībniekiem jābūt PMP riska izglītojamo".
    var minAtRiskPercent = 10

    /// The terms as the seeds state them.
    static let seed = YouthProjectTerms()
}

/// The stable codes of the youth-project rules (problem+json `rule`, stored findings). Never
/// renamed: clients and stored applications refer to them.
enum YouthProjectRule: String, Codable, Sendable, CaseIterable, Hashable {
    /// The applicant is a youth NGO or an NGO that works with young people (seed 001).
    case applicantWorksWithYouth = "youth.applicant.works_with_youth"
    /// The application reached the partner within the competition's call period.
    case callPeriod = "youth.call_period"
    /// The requested amount is at most the per-project maximum (4,600 EUR).
    case amountLimit = "youth.amount.limit"
    /// The project runs 3 to 18 months.
    case duration = "youth.duration"
    /// At least 10 % of the planned participants are students at risk (declared counts only).
    case atRiskShare = "youth.participants.at_risk_share"
    /// The project uses the principles and methods of non-formal education.
    case nonFormalMethods = "youth.methods.non_formal"
    /// The project follows the partner's medium-term plan for reducing early school leaving.
    case planAlignment = "youth.plan_alignment"
    /// An award is at most what was requested and within the per-project maximum.
    case awardAmount = "youth.award.amount"
    /// The competition's awards stay within its budget.
    case competitionBudget = "youth.competition.budget"
    /// A project's payments never add up to more than its award.
    case paymentAboveAward = "youth.payment.above_award"
    /// Nothing is paid after the final payment.
    case paymentAfterFinal = "youth.payment.after_final"
}

/// One explainable result of a youth-project rule: which rule, how serious, which field, and what
/// to do, Latvian first.
struct YouthFinding: Codable, Sendable, Hashable {
    var rule: YouthProjectRule
    var severity: Severity
    var field: String
    var message: LocalizedText

    static func error(_ rule: YouthProjectRule, _ field: String, lv: String, en: String) -> YouthFinding {
        YouthFinding(rule: rule, severity: .error, field: field, message: LocalizedText(lv: lv, en: en))
    }
}

extension Array where Element == YouthFinding {
    /// Whether any finding stops an award.
    var hasErrors: Bool { contains { $0.severity == .error } }
}
