import Synchronization

/// Tokens whose signature this process has already checked, with their claims.
///
/// A preparer or approver sends the same token with every request for hours, and checking an
/// ES256 signature is the most expensive thing a small request does. The cache keeps the claims
/// of a token whose *signature* verified; the time, issuer and audience checks still run on
/// every request, so an expired token is refused exactly as before. The key is the whole token
/// text, so a token that differs in any byte is verified afresh. Bounded: when full it is
/// emptied (tokens are re-verified once; no entry outlives the keys it was verified with,
/// because each verifier has its own cache).
final class VerifiedTokenCache: Sendable {
    private let entries = Mutex<[String: AccessClaims]>([:])
    let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
    }

    func claims(for token: String) -> AccessClaims? {
        entries.withLock { $0[token] }
    }

    func store(_ claims: AccessClaims, for token: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = claims
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
