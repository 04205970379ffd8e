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
        lv: "Plānam izdevumus vēl (vai vairs) nevar pieteikt: īstenošana nav sākta, piekrišana vēl nav reģistrēta vai ir atsaukta, vai plāns ir apturēts vai dzēsts.",
        en: "Expenses cannot be claimed on this plan now: implementation has not started, consent is not on file yet or was revoked, or the plan is suspended or deleted.")

    static let receiptUsed = CommonProblems.conflict(
        "claim.duplicate_receipt", field: "receiptId",
        lv: "Šī kvīts jau ir pieteikta (tā pati kvīts netiek apmaksāta divreiz).",
        en: "This receipt has already been claimed (the same receipt is never paid twice).")

    static let ownAccountOnly = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:payee-own-account", title: "Tikai savu kontu / Your own account only",
        errors: [.init(field: "personId", rule: "payee.own_account_only",
                       message: "Algas kontu var norādīt tikai pati persona. Ja tas nav iespējams, izmaiņas ierosina finanšu nodaļa, un tās apstiprina otrs finanšu darbinieks.",
                       messageEn: "Only the person can set the account their pay goes to. If they cannot, finance proposes the change and a second finance officer confirms it.")])

    static let proposerCannotConfirm = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:four-eyes", title: "Vajag otru personu / A second person is needed",
        errors: [.init(field: "(token)", rule: "payee_change.same_person",
                       message: "Izmaiņas apstiprina cits finanšu darbinieks, nevis tas, kurš tās ierosināja.",
                       messageEn: "Another finance officer confirms the change, not the one who proposed it.")])

    static let changeNotPending = CommonProblems.conflict(
        "payee_change.not_pending", field: "changeId",
        lv: "Šīs izmaiņas vairs negaida apstiprinājumu (tās jau apstiprinātas vai aizstātas ar jaunākām).",
        en: "This change no longer awaits confirmation (it was confirmed or replaced by a newer one).")

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
