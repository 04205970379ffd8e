import HTTPTypes
import Hummingbird
import Rules
import ServiceKit

/// A refusal thrown from a route becomes its RFC 9457 problem: the field and rule named, Latvian
/// first, and for a conflict the current state and version, so the loser of a race sees them.
extension Refusal: HTTPResponseError {
    var problem: ProblemDetails {
        let error = ProblemDetails.FieldError(field: field, rule: rule, message: message.lv, messageEn: message.en)
        switch kind {
        case .invalid:
            return ProblemDetails(status: .unprocessableContent, type: "urn:pumpurs:problem:invalid-request",
                                  title: "Nederīgs pieprasījums / Invalid request", detail: "\(message.lv) / \(message.en)", errors: [error])
        case .conflict:
            let now = currentState.map { state in
                " Pašreizējais statuss: \(state) (versija \(currentVersion ?? 0)). / Current state: \(state) (version \(currentVersion ?? 0))."
            } ?? ""
            return ProblemDetails(status: .conflict, type: "urn:pumpurs:problem:conflict",
                                  title: "Konflikts ar pašreizējo stāvokli / Conflict with the current state",
                                  detail: "\(message.lv) / \(message.en)\(now)", errors: [error])
        case .forbidden:
            return ProblemDetails(status: .forbidden, type: "urn:pumpurs:problem:forbidden", title: "Aizliegts / Forbidden",
                                  detail: "\(message.lv) / \(message.en)", errors: [error])
        case .notFound:
            var problem = CommonProblems.notFound(field == "planId" ? "Plāns / Plan" : field == "entryId" ? "Ieraksts / Entry" : "Darba uzskaite / Work record")
            problem.errors = [error]
            return problem
        }
    }

    /// The problem's status.
    var status: HTTPResponse.Status { problem.status }

    /// Writes the problem.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        try problem.response(from: request, context: context)
    }
}
