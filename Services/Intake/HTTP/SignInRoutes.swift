import Auth
import Crypto
import Foundation
import Hummingbird
import Postgres
import ServiceKit

/// `POST /directory/sign-in`: the staff portal asks who a signed-in person is, by the identity
/// provider's subject (at sign-in) or by person id (on every later request, so rights are always
/// the current ones). The caller is the portal itself, with its service credential
/// (`Authorization: Bearer <PUMPURS_PORTAL_DIRECTORY_SECRET>`), not a person's token: at sign-in
/// nobody has a token yet. The subject is a personal code under Latvija.lv, so it is accepted only
/// in the body (never a URL) and used only as a keyed hash.
extension IntakeAPI {
    struct SignInLookup: Codable, Sendable {
        var subject: String?
        var personId: UUID?
    }

    func registerSignIn(on router: Router<AuthenticatedRequestContext>) {
        // An IKVD administrator links a sign-in subject to a person registered before (body only:
        // the subject may be a personal code).
        router.group("directory").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: DirectoryAssignments(pool: pool)))
            .put("people/:personId/sign-in-subject") { request, context in
                let actor = try context.requireRole([.ikvdAdmin])
                let personId = try context.parameters.requireUUID("personId")
                let input = try await BoundedBody.decode(SignInLookup.self, from: request, limit: 4 * 1024, personalCodeFields: ["subject"])
                guard input.personId == nil, let subject = input.subject.flatMap(SignInSubject.normalized) else {
                    throw CommonProblems.invalidField("subject", "person.sign_in_subject", lv: "Pieteikšanās identifikators: 1–255 rakstzīmes.",
                                                      en: "Sign-in subject: 1–255 characters.")
                }
                try await pool.withTransaction { connection in
                    try SignInDirectory().link(personId: personId, subjectHash: SignInSubject.hash(subject, key: lookupKey), actor: actor,
                                               correlationId: RequestCorrelation.id(of: request), on: connection)
                }
                return Response(status: .noContent)
            }
        router.post("directory/sign-in") { request, _ in
            guard let portalSecret else { throw CommonProblems.notFound("Ceļš / Route") }
            guard Self.presents(portalSecret, in: request) else {
                throw ProblemDetails(status: .unauthorized, type: "urn:pumpurs:problem:auth", title: "Nepieciešama portāla pilnvara / The portal's credential is required")
            }
            let input = try await BoundedBody.decode(SignInLookup.self, from: request, limit: 4 * 1024, personalCodeFields: ["subject"])
            let directory = SignInDirectory()
            let found: SignedInPerson? = try await pool.withConnection { connection in
                switch (input.subject.flatMap(SignInSubject.normalized), input.personId) {
                case (let subject?, nil): try directory.person(subjectHash: SignInSubject.hash(subject, key: lookupKey), on: connection)
                case (nil, let id?): try directory.person(id: id, on: connection)
                default:
                    throw CommonProblems.invalidField("subject", "sign_in.lookup", lv: "Norādiet vai nu subject, vai personId.",
                                                      en: "Give either subject or personId.")
                }
            }
            guard let found else { throw CommonProblems.notFound("Persona / Person") }
            return try JSONResponse.make(.ok, found)
        }
    }

    /// Whether the request carries the portal's credential (compared in constant time).
    static func presents(_ secret: String, in request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        let offered = SHA256.hash(data: Data(header.dropFirst("Bearer ".count).utf8))
        let expected = SHA256.hash(data: Data(secret.utf8))
        return offered == expected   // digests of equal length; SHA256Digest's == does not stop at the first difference
    }
}
