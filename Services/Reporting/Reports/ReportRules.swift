import Foundation
import Rules
import ServiceKit

/// How a risk came out over the semester.
public enum RiskOutcome: String, Codable, Sendable, CaseIterable, Hashable {
    /// The risk is smaller.
    case reduced
    /// No change.
    case unchanged
    /// The risk grew.
    case worse
}

/// The report's part for one risk: what was done and how it came out, with a sentence.
public struct RiskReport: Codable, Sendable, Hashable {
    /// The plan's risk code.
    public var riskCode: String
    /// What was done about it.
    public var done: String
    /// The outcome.
    public var outcome: RiskOutcome
    /// A sentence on the outcome.
    public var comment: String

    /// Creates a risk's part.
    public init(riskCode: String, done: String, outcome: RiskOutcome, comment: String) {
        self.riskCode = riskCode
        self.done = done
        self.outcome = outcome
        self.comment = comment
    }
}

/// What the preparer writes (`PUT /reports/{planId}`).
public struct ReportInput: Codable, Sendable, Hashable {
    /// One part per risk of the plan.
    public var risks: [RiskReport]
    /// An optional overall remark.
    public var summary: String?

    /// Creates the input.
    public init(risks: [RiskReport], summary: String? = nil) {
        self.risks = risks
        self.summary = summary
    }
}

/// Where a report is: written (and rewritable) by the preparer, submitted, confirmed by the head.
public enum ReportState: String, Codable, Sendable, CaseIterable, Hashable {
    /// Being written.
    case draft
    /// Submitted; the plan is `reported` once approval routing has recorded it.
    case submitted
    /// Confirmed by the institution head; the plan is `closed`.
    case confirmed
}

/// Why a report action is refused (409, or 403 for `report.own_report`).
public struct ReportRefusal: Error, Sendable, Hashable {
    /// Stable rule id.
    public var rule: String
    /// The field the refusal is about.
    public var field: String
    /// Latvian.
    public var lv: String
    /// English.
    public var en: String
}

/// The implementation report's rules: pure, no IO.
public enum ReportRules {
    /// Plan statuses in which the report may be written and submitted (`Rules.PlanLifecycle`'s `.report`).
    public static let reportablePlanStates: Set<PlanState> = [.approved, .inImplementation, .suspended]
    /// Longest texts.
    public static let doneLimit = 2000, commentLimit = 1000, summaryLimit = 4000

    /// Problems with what was written, whenever it is saved: unknown or repeated risks, empty,
    /// one-word or too long texts.
    public static func contentErrors(_ input: ReportInput, planRisks: [String]) -> [ProblemDetails.FieldError] {
        var errors: [ProblemDetails.FieldError] = []
        var seen: Set<String> = []
        for (index, risk) in input.risks.enumerated() {
            let at = "risks[\(index)]"
            if !planRisks.contains(risk.riskCode) {
                errors.append(.init(field: "\(at).riskCode", rule: "report.risk_unknown",
                                    message: "Plānā nav riska \(risk.riskCode).", messageEn: "The plan has no risk \(risk.riskCode)."))
            } else if !seen.insert(risk.riskCode).inserted {
                errors.append(.init(field: "\(at).riskCode", rule: "report.risk_duplicate",
                                    message: "Risks \(risk.riskCode) jau ir aprakstīts.", messageEn: "Risk \(risk.riskCode) is already reported."))
            }
            errors += text(risk.done, field: "\(at).done", limit: doneLimit,
                           lv: "Aprakstiet, kas tika darīts (vismaz divi vārdi).", en: "Say what was done (at least two words).")
            errors += text(risk.comment, field: "\(at).comment", limit: commentLimit,
                           lv: "Pamatojiet rezultātu ar teikumu (vismaz divi vārdi).", en: "Explain the outcome in a sentence (at least two words).")
        }
        if let summary = input.summary, summary.count > summaryLimit {
            errors.append(.init(field: "summary", rule: "report.text_too_long", message: "Kopsavilkums: līdz \(summaryLimit) rakstzīmēm.",
                                messageEn: "Summary: at most \(summaryLimit) characters."))
        }
        return errors
    }

    /// Problems that block submission: every risk of the plan needs its part.
    public static func completenessErrors(_ input: ReportInput, planRisks: [String]) -> [ProblemDetails.FieldError] {
        let written = Set(input.risks.map(\.riskCode))
        return planRisks.filter { !written.contains($0) }.map { code in
            .init(field: "risks", rule: "report.risk_missing", message: "Nav aprakstīts risks \(code): kas darīts un ar kādu rezultātu.",
                  messageEn: "Risk \(code) is not reported: what was done and how it came out.")
        }
    }

    /// Whether the preparer may (re)write the report now.
    public static func write(state: ReportState?, planStatus: PlanState) -> ReportRefusal? {
        if let state, state != .draft { return notEditable(state) }
        return reportable(planStatus)
    }

    /// Whether the preparer may submit the report now.
    public static func submit(state: ReportState?, planStatus: PlanState) -> ReportRefusal? {
        guard let state else {
            return ReportRefusal(rule: "report.not_written", field: "state", lv: "Atskaite vēl nav uzrakstīta.",
                                 en: "The report has not been written yet.")
        }
        guard state == .draft else { return notEditable(state) }
        return reportable(planStatus)
    }

    /// Whether the head may confirm the report now (someone other than who submitted it).
    public static func confirm(state: ReportState?, planStatus: PlanState, submittedBy: UUID?, confirmer: UUID) -> ReportRefusal? {
        switch state {
        case nil, .draft?:
            return ReportRefusal(rule: "report.not_submitted", field: "state", lv: "Atskaite vēl nav iesniegta.",
                                 en: "The report has not been submitted yet.")
        case .confirmed?:
            return ReportRefusal(rule: "report.already_confirmed", field: "state", lv: "Atskaite jau ir apstiprināta.",
                                 en: "The report is already confirmed.")
        case .submitted?:
            break
        }
        if submittedBy == confirmer {
            return ReportRefusal(rule: "report.own_report", field: "(token)", lv: "Paša iesniegtu atskaiti apstiprināt nevar.",
                                 en: "Nobody confirms a report they submitted.")
        }
        guard planStatus == .reported else {
            return ReportRefusal(rule: "report.plan_not_reported", field: "planStatus",
                                 lv: "Plāns vēl nav atzīmēts kā “Atskaite iesniegta” (statuss: \(planStatus.rawValue)); mēģiniet vēlreiz pēc brīža.",
                                 en: "The plan is not yet marked reported (status: \(planStatus.rawValue)); try again shortly.")
        }
        return nil
    }

    static func reportable(_ planStatus: PlanState) -> ReportRefusal? {
        guard reportablePlanStates.contains(planStatus) else {
            return ReportRefusal(rule: "report.plan_not_reportable", field: "planStatus",
                                 lv: "Atskaiti raksta apstiprinātam, īstenošanā esošam vai apturētam plānam (statuss: \(planStatus.rawValue)).",
                                 en: "A report is written for an approved, in-implementation or suspended plan (status: \(planStatus.rawValue)).")
        }
        return nil
    }

    static func notEditable(_ state: ReportState) -> ReportRefusal {
        ReportRefusal(rule: "report.not_editable", field: "state", lv: "Atskaite jau ir iesniegta (\(state.rawValue)); to vairs nevar mainīt.",
                      en: "The report is already \(state.rawValue); it can no longer be changed.")
    }

    static func text(_ value: String, field: String, limit: Int, lv: String, en: String) -> [ProblemDetails.FieldError] {
        let words = value.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).count
        if words < 2 { return [.init(field: field, rule: "report.text_required", message: lv, messageEn: en)] }
        if value.count > limit {
            return [.init(field: field, rule: "report.text_too_long", message: "Līdz \(limit) rakstzīmēm.", messageEn: "At most \(limit) characters.")]
        }
        return []
    }
}
