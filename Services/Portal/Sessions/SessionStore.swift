import Foundation
import Postgres

/// A signed-in person's session as a request sees it.
public struct PortalSession: Sendable, Equatable {
    public var id: UUID
    public var personId: UUID
    public var assignmentId: UUID?
    public var language: String
    /// The per-session token every form carries (cross-site request forgery).
    public var formToken: String
    public var idToken: String?
    public var createdAt: Date
    public var lastSeenAt: Date
}

/// Sessions and sign-in attempts in the portal's schema. The cookie holds a random token; only
/// its SHA-256 is stored, so the table alone opens nothing.
public struct SessionStore: Sendable {
    let pool: PostgresPool
    let rules: SessionRules

    /// How stale the stored last-seen time may get before a request writes it again.
    public static let touchInterval: TimeInterval = 30

    public init(pool: PostgresPool, rules: SessionRules = SessionRules()) {
        self.pool = pool
        self.rules = rules
    }

    // MARK: sign-in attempts

    public func begin(_ attempt: SignInAttempt, language: String, returnTo: String? = nil) async throws {
        try await pool.withConnection { connection in
            try connection.execute("""
                INSERT INTO sign_in_attempts (state_hash, nonce, code_verifier, language, return_to) VALUES ($1, $2, $3, $4, $5)
                """, [RandomToken.hash(attempt.state), attempt.nonce, attempt.codeVerifier, language, ReturnPath.safe(returnTo)])
        }
    }

    /// The attempt `state` names, marked used in the same statement (a replayed state finds nothing).
    public func consume(state: String, now: Date = Date()) async throws -> (attempt: SignInAttempt, language: String, returnTo: String?)? {
        try await pool.withTransaction { connection in
            guard let row = try connection.query("""
                SELECT nonce, code_verifier, language, return_to, created_at, used_at FROM sign_in_attempts WHERE state_hash = $1 FOR UPDATE
                """, [RandomToken.hash(state)]).first else { return nil }
            let createdAt: Date = try row.decode("created_at")
            let usedAt: Date? = try row.decode("used_at", as: Date?.self)
            guard SignInAttemptRules.usable(createdAt: createdAt, usedAt: usedAt, now: now) else { return nil }
            try connection.execute("UPDATE sign_in_attempts SET used_at = now() WHERE state_hash = $1", [RandomToken.hash(state)])
            return (SignInAttempt(state: state, nonce: try row.decode("nonce"), codeVerifier: try row.decode("code_verifier")),
                    try row.decode("language"), try row.decode("return_to", as: String?.self))
        }
    }

    // MARK: sessions

    /// A new session (a new id: the id is never carried over from before sign-in). Returns the cookie token.
    public func open(personId: UUID, assignmentId: UUID?, language: String, idToken: String?) async throws -> String {
        let token = RandomToken.make()
        try await pool.withConnection { connection in
            try connection.execute("""
                INSERT INTO sessions (id, token_hash, person_id, assignment_id, language, form_token, id_token)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [UUID(), RandomToken.hash(token), personId, assignmentId, language, RandomToken.make(), idToken])
        }
        return token
    }

    public enum Lookup: Sendable, Equatable {
        case active(PortalSession)
        case ended(SessionRules.Verdict?)
        case unknown
    }

    /// The session for a cookie token; an expired one is ended here (and reported as such). The
    /// last-seen time is written at most every `touchInterval` (the idle limit is 30 minutes: a
    /// write per click would only load the database).
    public func find(token: String, now: Date = Date()) async throws -> Lookup {
        try await pool.withConnection { connection in
            guard let row = try connection.query("""
                SELECT id, person_id, assignment_id, language, form_token, id_token, created_at, last_seen_at, ended_at
                FROM sessions WHERE token_hash = $1
                """, [RandomToken.hash(token)]).first else { return .unknown }
            if try row.decode("ended_at", as: Date?.self) != nil { return .ended(nil) }
            let session = PortalSession(id: try row.decode("id"), personId: try row.decode("person_id"),
                                        assignmentId: try row.decode("assignment_id", as: UUID?.self), language: try row.decode("language"),
                                        formToken: try row.decode("form_token"), idToken: try row.decode("id_token", as: String?.self),
                                        createdAt: try row.decode("created_at"), lastSeenAt: try row.decode("last_seen_at"))
            let verdict = rules.verdict(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now)
            guard verdict == .active else {
                try connection.execute("UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL",
                                       [session.id, verdict.rawValue])
                return .ended(verdict)
            }
            if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
                // Only while still open: a sign-out in between is not undone.
                try connection.execute("UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND ended_at IS NULL", [session.id])
            }
            return .active(session)
        }
    }

    public func choose(assignment: UUID?, for session: UUID) async throws {
        try await pool.withConnection { try $0.execute("UPDATE sessions SET assignment_id = $2 WHERE id = $1", [session, assignment]) }
    }

    public func setLanguage(_ language: String, for session: UUID) async throws {
        try await pool.withConnection { try $0.execute("UPDATE sessions SET language = $2 WHERE id = $1", [session, language]) }
    }

    public func end(_ session: UUID, reason: String) async throws {
        try await pool.withConnection {
            try $0.execute("UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL", [session, reason])
        }
    }

    /// Ends every open session of the person (sign out everywhere). Returns how many ended.
    @discardableResult
    public func endAll(personId: UUID) async throws -> Int {
        try await pool.withConnection { connection in
            try connection.query("""
                UPDATE sessions SET ended_at = now(), end_reason = 'sign_out_everywhere'
                WHERE person_id = $1 AND ended_at IS NULL RETURNING id
                """, [personId]).count
        }
    }

    /// Ages a session (tests of expiry without waiting half an hour).
    public func backdate(_ session: UUID, lastSeenSecondsAgo: Int, createdSecondsAgo: Int) async throws {
        try await pool.withConnection {
            try $0.execute("""
                UPDATE sessions SET last_seen_at = now() - make_interval(secs => $2), created_at = now() - make_interval(secs => $3) WHERE id = $1
                """, [session, lastSeenSecondsAgo, createdSecondsAgo])
        }
    }
}
