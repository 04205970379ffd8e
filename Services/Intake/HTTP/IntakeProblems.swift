import HTTPTypes
import Rules
import ServiceKit

/// The intake API's own problem+json errors (Latvian first, English too; field and rule named).
enum IntakeProblems {
    static func personalCode(_ error: PersonalCodeError) -> ProblemDetails {
        CommonProblems.invalidField("personalCode", error.code, lv: error.message.lv, en: error.message.en)
    }

    static let semesterFormat = CommonProblems.invalidField("semester", "semester.format", lv: "Semestris jānorāda kā 2026/2027-1.",
                                                            en: "Give the semester as 2026/2027-1.")

    static let outOfScope = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:out-of-scope",
        title: "Ārpus jūsu darbības jomas / Outside your scope",
        detail: "Jūs varat veidot plānus tikai savā iestādē. / You can only create plans in your own institution.",
        errors: [.init(field: "institutionId", rule: "scope.institution", message: "Tikai savā iestādē.",
                       messageEn: "Only in your own institution.")])

    static func duplicate(existing: String) -> ProblemDetails {
        ProblemDetails(status: .conflict, type: "urn:pumpurs:problem:plan-exists",
                       title: "Plāns jau pastāv / Plan already exists",
                       detail: "Šim izglītojamajam šajā iestādē un semestrī jau ir plāns \(existing). / This student already has plan \(existing) in this institution and semester.",
                       errors: [.init(field: "semester", rule: "plan.duplicate_in_semester",
                                      message: "Viens plāns vienam izglītojamajam iestādē semestrī.",
                                      messageEn: "One plan per student per institution per semester.")])
    }

    /// Submission refused: every finding (errors and warnings) with its field and rule.
    static func submissionRefused(_ findings: [Finding]) -> ProblemDetails {
        ProblemDetails(status: .unprocessableContent, type: "urn:pumpurs:problem:plan-rules",
                       title: "Plāns neatbilst programmas noteikumiem / The plan does not follow the programme rules",
                       detail: "Izlabojiet kļūdas un iesniedziet vēlreiz. / Fix the errors and submit again.",
                       errors: findings.map { .init(field: $0.path, rule: $0.ruleId.rawValue, message: $0.message.lv, messageEn: $0.message.en,
                                                         severity: $0.severity.rawValue) })
    }
}
