import Hummingbird
import HTTPTypes

/// Headers on every portal response: a strict Content-Security-Policy (our own script and
/// stylesheet only, no inline code, no framing), no referrer beyond our origin, no caching of
/// pages (they show personal data), no MIME sniffing.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy's text. Forms post to the portal only; `providerOrigin` is allowed as a form
    /// target because signing out redirects (after the form's POST) to the provider's logout.
    public let policy: String

    public init(providerOrigin: String) {
        policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self' \(providerOrigin); "
            + "frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = policy
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[.xContentTypeOptions] = "nosniff"
        if !request.uri.path.hasPrefix("/assets/") {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
