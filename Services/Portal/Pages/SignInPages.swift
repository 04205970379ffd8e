import Auth
import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient
import Logging

/// Sign-in (authorization code flow with PKCE, `state` and `nonce`), sign-out (here and at the
/// provider), sign-out everywhere, the role switcher, the language switch, and working out who
/// is visiting on every request.
extension PortalApp {
    func registerSignIn(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let back = ReturnPath.safe(request.uri.queryParameters["return"].map(String.init))
            if (try? await visit(request)) != nil { return Response.redirect(to: back ?? "/plans", type: .found) }
            var page: [String: Any] = ["title": renderer.text("landing.title", language(request)), "path": "/"]
            page["signInHref"] = back.map { "/sign-in?return=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? "/sign-in"
            return renderer.response("landing", page, language: language(request))
        }
        router.get("sign-in") { request, _ in
            let attempt = SignInAttempt.random()
            let language = language(request)
            do {
                let (metadata, _) = try await metadata.current()
                try await sessions.begin(attempt, language: language, returnTo: request.uri.queryParameters["return"].map(String.init))
                return Response.redirect(to: attempt.authorizationURL(endpoint: metadata.authorizationEndpoint, clientId: configuration.clientId,
                                                                      redirectURI: configuration.redirectURI, language: language), type: .found)
            } catch {
                logger.error("sign-in could not start", metadata: ["error": "\(type(of: error))"])
                return message(request, "unavailable.title", "unavailable.text", status: .serviceUnavailable)
            }
        }
        router.get("auth/callback") { request, _ in
            let query = request.uri.queryParameters
            guard let state = query["state"].map(String.init), let code = query["code"].map(String.init),
                  let (attempt, language, returnTo) = try await sessions.consume(state: state) else {
                logger.warning("sign-in refused: unknown, used or stale state, or no code")
                return message(request, "signin.failed_title", "signin.failed", status: .badRequest, again: true)
            }
            let claims: IDTokenClaims
            let idToken: String
            do {
                let (found, verifier) = try await metadata.current()
                idToken = try await provider.idToken(code: code, codeVerifier: attempt.codeVerifier, redirectURI: configuration.redirectURI,
                                                     metadata: found)
                do {
                    claims = try await verifier.verify(idToken, nonce: attempt.nonce)
                } catch IDTokenProblem.unknownKey {
                    // The provider may have rotated its keys: read them again once.
                    claims = try await metadata.current(refresh: true).verifier.verify(idToken, nonce: attempt.nonce)
                }
            } catch {
                logger.warning("sign-in refused: the ID token failed a check", metadata: ["reason": "\(error)"])
                return message(request, "signin.failed_title", "signin.failed", status: .badRequest, again: true)
            }
            guard let person = try await directory.person(subject: claims.sub) else {
                logger.notice("sign-in by a subject the directory does not know")
                return message(request, "signin.failed_title", "signin.unknown_person", status: .forbidden, language: language)
            }
            guard let role = person.roles.first else {
                return message(request, "signin.failed_title", "signin.no_roles", status: .forbidden, language: language)
            }
            // A new session id at every sign-in; whatever cookie came in is not reused.
            let token = try await sessions.open(personId: person.personId, assignmentId: role.assignmentId,
                                                language: Messages.language(person.language == "en" ? "en" : language), idToken: idToken)
            logger.info("signed in", metadata: ["person": "\(person.personId)"])
            var response = Response.redirect(to: returnTo ?? "/plans", type: .found)
            response.setCookie(SessionCookie.set(token))
            return response
        }
        router.post("sign-out") { request, _ in
            guard let found = try await openSession(request) else { return signedOutResponse(request, "signout.done") }
            let form = try await formData(request)
            guard crossSiteAllowed(request, form["form_token"], found) else { return refused(request, language: found.language) }
            try await sessions.end(found.id, reason: "sign_out")
            let (metadata, _) = try await metadata.current()
            var response: Response
            if let logout = provider.logoutURL(metadata, idToken: found.idToken, returnTo: configuration.publicURL + "/signed-out") {
                response = Response.redirect(to: logout, type: .normal)
            } else {
                response = Response.redirect(to: "/signed-out", type: .normal)
            }
            response.setCookie(SessionCookie.clear())
            return response
        }
        router.get("signed-out") { request, _ in signedOutResponse(request, "signout.done") }
        router.post("sign-out-everywhere") { request, _ in
            guard let found = try await openSession(request) else { return signedOutResponse(request, "signout.done") }
            let form = try await formData(request)
            guard crossSiteAllowed(request, form["form_token"], found) else { return refused(request, language: found.language) }
            let ended = try await sessions.endAll(personId: found.personId)
            logger.info("signed out everywhere", metadata: ["person": "\(found.personId)", "sessions": "\(ended)"])
            return signedOutResponse(request, "signout.everywhere_done", language: found.language)
        }
        router.post("role") { request, _ in
            let visit = try await visitOrRedirect(request)
            guard case .success(let visit) = visit else { return visit.failureResponse }
            let form = try await formData(request)
            guard crossSiteAllowed(request, form["form_token"], visit.session) else { return refused(request, language: visit.language) }
            if let chosen = form["assignment"].flatMap(UUID.init(uuidString:)), visit.person.roles.contains(where: { $0.assignmentId == chosen }) {
                try await sessions.choose(assignment: chosen, for: visit.session.id)
            }
            return Response.redirect(to: "/plans", type: .normal)
        }
        router.post("language") { request, _ in
            let form = try await formData(request)
            let session = try await openSession(request)
            guard crossSiteAllowed(request, form["form_token"], session) else { return refused(request, language: language(request)) }
            let chosen = Messages.language(form["language"])
            if let session { try await sessions.setLanguage(chosen, for: session.id) }
            let back = form["return_to"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
            var response = Response.redirect(to: back, type: .normal)
            response.setCookie(SessionCookie.language(chosen))
            return response
        }
        router.get(".well-known/jwks.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: publicJWKS)))
        }
        router.get("health/live") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
        router.get("health/ready") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
    }

    // MARK: who is visiting

    /// The session the cookie names, if open (an expired one is ended on the way).
    func openSession(_ request: Request) async throws -> PortalSession? {
        guard let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty else { return nil }
        if case .active(let session) = try await sessions.find(token: token) { return session }
        return nil
    }

    enum VisitResult {
        case success(Visit)
        case failure(Response)

        var failureResponse: Response {
            if case .failure(let response) = self { return response }
            return Response(status: .internalServerError)
        }
    }

    /// The visit, or the page a person without one gets (signed out, session ended, no role left).
    func visitOrRedirect(_ request: Request) async throws -> VisitResult {
        do {
            return .success(try await visit(request))
        } catch VisitProblem.signedOut {
            // A link from an email lands here signed out: after signing in, the person gets the page.
            let path = request.uri.path
            let back = request.method == .get && path != "/" ? "/?return=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : "/"
            return .failure(Response.redirect(to: back, type: .found))
        } catch VisitProblem.ended(let verdict) {
            let key = verdict == .idle ? "session.idle" : verdict == .absolute ? "session.absolute" : "session.ended"
            var response = message(request, "session.ended_title", key, status: .unauthorized, again: true)
            response.setCookie(SessionCookie.clear())
            return .failure(response)
        } catch VisitProblem.noRoles {
            return .failure(message(request, "forbidden.title", "signin.no_roles", status: .forbidden))
        }
    }

    func visit(_ request: Request) async throws -> Visit {
        guard let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty else { throw VisitProblem.signedOut }
        let session: PortalSession
        switch try await sessions.find(token: token) {
        case .active(let found): session = found
        case .ended(let verdict): throw VisitProblem.ended(verdict)
        case .unknown: throw VisitProblem.signedOut
        }
        // Rights as the directory says now: a revoked role is gone at this click.
        guard let person = try await directory.person(id: session.personId), let role = person.current(session.assignmentId),
              let principal = ServiceGateway.principal(person: person.personId, role: role) else {
            try await sessions.end(session.id, reason: "no_roles")
            throw VisitProblem.noRoles
        }
        return Visit(session: session, person: person, role: role, principal: principal, token: token)
    }

    // MARK: helpers

    func language(_ request: Request) -> String {
        Messages.language(request.cookies[SessionCookie.languageName]?.value)
    }

    func formData(_ request: Request) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: 256 * 1024)
        return FormData(urlEncoded: String(buffer: buffer))
    }

    func crossSiteAllowed(_ request: Request, _ formToken: String?, _ session: PortalSession?) -> Bool {
        CrossSiteCheck.allows(secFetchSite: request.headers[values: HTTPField.Name("Sec-Fetch-Site")!].first,
                              origin: request.headers[.origin], expectedOrigin: configuration.origin,
                              formToken: formToken, sessionFormToken: session?.formToken)
    }

    func refused(_ request: Request, language: String) -> Response {
        logger.warning("cross-site or stale form refused", metadata: ["path": "\(request.uri.path)"])
        return message(request, "csrf.title", "csrf.text", status: .forbidden, language: language)
    }

    func signedOutResponse(_ request: Request, _ key: String, language: String? = nil) -> Response {
        var response = message(request, "signout.title", key, status: .ok, again: true, language: language)
        response.setCookie(SessionCookie.clear())
        return response
    }

    /// A page with a heading and one paragraph (and a sign-in link when `again`).
    func message(_ request: Request, _ title: String, _ text: String, status: HTTPResponse.Status, again: Bool = false,
                 language: String? = nil) -> Response {
        let language = language ?? self.language(request)
        var page: [String: Any] = ["title": renderer.text(title, language), "heading": renderer.text(title, language),
                                   "text": renderer.text(text, language), "path": "/"]
        if again {
            page["action"] = true
            page["actionId"] = "sign-in"
            page["actionHref"] = "/sign-in"
            page["actionLabel"] = renderer.text("signin.again", language)
        }
        return renderer.response("message", page, language: language, status: status)
    }
}
