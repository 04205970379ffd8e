import HTTPTypes

/// The problems every service's API shares (Latvian first, English too; field and rule named).
public enum CommonProblems {
    /// 413 before any decoding.
    public static func bodyTooLarge(limit: Int) -> ProblemDetails {
        ProblemDetails(status: .contentTooLarge, type: "urn:pumpurs:problem:body-too-large",
                       title: "Pieprasījums ir par lielu / Request body too large",
                       detail: "Atļauts līdz \(limit) baitiem. / At most \(limit) bytes are accepted.",
                       errors: [.init(field: "(body)", rule: "request.size_limit",
                                      message: "Atļauts līdz \(limit) baitiem.", messageEn: "At most \(limit) bytes are accepted.")])
    }

    /// 422 for one field and rule.
    public static func invalidField(_ field: String, _ rule: String, lv: String, en: String) -> ProblemDetails {
        ProblemDetails(status: .unprocessableContent, type: "urn:pumpurs:problem:invalid-request",
                       title: "Nederīgs pieprasījums / Invalid request", detail: "\(lv) / \(en)",
                       errors: [.init(field: field, rule: rule, message: lv, messageEn: en)])
    }

    /// 404: the object does not exist *or* is outside the caller's scope (the two are not told apart).
    public static func notFound(_ what: String) -> ProblemDetails {
        ProblemDetails(status: .notFound, type: "urn:pumpurs:problem:not-found",
                       title: "Nav atrasts / Not found",
                       detail: "\(what) nav atrasts vai nav jūsu darbības jomā. / \(what) was not found or is outside your scope.")
    }

    /// 409 with the current state.
    public static func conflict(_ rule: String, field: String, lv: String, en: String) -> ProblemDetails {
        ProblemDetails(status: .conflict, type: "urn:pumpurs:problem:conflict",
                       title: "Konflikts ar pašreizējo stāvokli / Conflict with the current state", detail: "\(lv) / \(en)",
                       errors: [.init(field: field, rule: rule, message: lv, messageEn: en)])
    }

    /// 503 when the clock cannot be read.
    public static let clockUnavailable = ProblemDetails(
        status: .serviceUnavailable, type: "urn:pumpurs:problem:clock",
        title: "Pakalpojums īslaicīgi nav pieejams / Service temporarily unavailable")
}
