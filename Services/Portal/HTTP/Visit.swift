import Auth
import Foundation
import Hummingbird

/// One request by a signed-in person: their session, who they are now, the role they act in.
struct Visit: Sendable {
    var session: PortalSession
    var person: SignedInPerson
    var role: SignedInPerson.Role
    var principal: Principal
    var token: String

    var language: String { session.language }
}

/// Why a request has no visit.
enum VisitProblem: Error {
    case signedOut
    case ended(SessionRules.Verdict?)
    case noRoles
}

/// The session cookie: `__Host-` prefixed (no Domain, Path=/, Secure), HttpOnly, SameSite=Lax.
enum SessionCookie {
    static let name = "__Host-pumpurs"
    static let languageName = "pumpurs_lang"

    static func set(_ token: String) -> Cookie {
        Cookie(name: name, value: token, path: "/", secure: true, httpOnly: true, sameSite: .lax)
    }

    static func clear() -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: true, httpOnly: true, sameSite: .lax)
    }

    static func language(_ code: String) -> Cookie {
        Cookie(name: languageName, value: code, maxAge: 365 * 86_400, path: "/", secure: true, httpOnly: true, sameSite: .lax)
    }
}
