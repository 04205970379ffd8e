import HTTPTypes
import Rules
import ServiceKit

/// The intake API's problem+json errors (Latvian first, English too; field and rule named).
enum IntakeProblems {
    static func bodyTooLarge(limit: Int) -> ProblemDetails {
        ProblemDetails(status: .contentTooLarge, type: "urn:pumpurs:problem:body-too-large",
                       title: "Pieprasījums ir par lielu / Request body too large",
                       detail: "Atļauts līdz \(limit) baitiem / At most \(limit) bytes are accepted.")
    }

    static func invalidBody(_ field: String, _ rule: String, lv: String, en: String) -> ProblemDetails {
        ProblemDetails(status: .unprocessableContent, type: "urn:pumpurs:problem:invalid-request",
                       title: "Nederīgs pieprasījums / Invalid request", detail: "\(lv) / \(en)",
                       errors: [.init(field: field, rule: rule, message: lv, messageEn: en)])
    }

    static func personalCode(_ error: PersonalCodeError) -> ProblemDetails {
        invalidBody("personalCode", error.code, lv: error.message.lv, en: error.message.en)
    }

    static let clockUnavailable = ProblemDetails(
        status: .serviceUnavailable, type: "urn:pumpurs:problem:clock",
        title: "Pakalpojums īslaicīgi nav pieejams / Service temporarily unavailable")

    static let outOfScope = ProblemDetails(
        status: .forbidden, type: "urn:pumpurs:problem:out-of-scope",
        title: "Ārpus jūsu darbības jomas / Outside your scope",
        detail: "Jūs varat veidot plānus tikai savā iestādē. / You can only create plans in your own institution.")

    static func duplicate(existing: String) -> ProblemDetails {
        ProblemDetails(status: .conflict, type: "urn:pumpurs:problem:plan-exists",
                       title: "Plāns jau pastāv / Plan already exists",
                       detail: "Šim izglītojamajam šajā iestādē un semestrī jau ir plāns \(existing). / This student already has plan \(existing) in this institution and semester.",
                       errors: [.init(field: "semester", rule: "plan.duplicate_in_semester",
                                      message: "Viens plāns vienam izglītojamajam iestādē semestrī.",
                                      messageEn: "One plan per student per institution per semester.")])
    }
}
