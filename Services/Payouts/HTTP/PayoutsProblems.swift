import HTTPTypes
import Rules
import ServiceKit

/// The payouts API's own problems (Latvian first, English too; field and rule named).
enum PayoutsProblems {
    static let notYourInstitution = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:scope", title: "Ārpus jūsu tiesībām / Outside your scope",
        errors: [.init(field: "(token)", rule: "scope.institution", message: "Darbība pieejama tikai iestādes darbiniekam.",
                       messageEn: "Only an institution's staff may do this.")])

    static let planNotOpen = CommonProblems.conflict(
        "claim.plan_not_open", field: "planId",
        lv: "Plānam izdevumus vēl (vai vairs) nevar pieteikt: īstenošana nav sākta, plāns ir apturēts, dzēsts vai piekrišana atsaukta.",
        en: "Expenses cannot be claimed on this plan now: implementation has not started, or the plan is suspended, deleted or consent was revoked.")

    static let receiptUsed = CommonProblems.conflict(
        "claim.duplicate_receipt", field: "receiptId",
        lv: "Šī kvīts jau ir pieteikta (tā pati kvīts netiek apmaksāta divreiz).",
        en: "This receipt has already been claimed (the same receipt is never paid twice).")

    /// 422 listing every error finding (the warnings are in the successful answer instead).
    static func findings(_ findings: [Finding]) -> ProblemDetails {
        ProblemDetails(status: .unprocessableContent, type: "urn:pumpurs:problem:claim-rules",
                       title: "Pieteikums neatbilst noteikumiem / The claim breaks the programme's rules",
                       errors: findings.map {
                           .init(field: $0.path, rule: $0.ruleId.rawValue, message: $0.message.lv, messageEn: $0.message.en,
                                 severity: $0.severity.rawValue)
                       })
    }
}
