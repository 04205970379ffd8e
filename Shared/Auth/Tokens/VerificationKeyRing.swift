import Foundation
import JWTKit
import Synchronization

/// The keys a ``TokenVerifier`` trusts now, and how to read them again.
///
/// An identity provider rotates its signing key by publishing the new key in its JWKS before
/// signing with it. A token naming a `kid` we do not know therefore means "read the JWKS again",
/// at most once per ``reloadInterval`` (so a stream of forged kids cannot make us hammer the
/// provider), after which the token is verified or refused as usual.
final class VerificationKeyRing: Sendable {
    struct Snapshot: Sendable {
        var collection: JWTKeyCollection
        var keyIds: Set<String>
    }

    /// Reads the keys again (the JWKS file or URL); nil for a fixed set.
    let reload: (@Sendable () async throws -> VerificationKeys)?
    /// The shortest time between two reloads.
    let reloadInterval: Duration
    private let current: Mutex<Snapshot>
    private let lastReload = Mutex<ContinuousClock.Instant?>(nil)

    init(_ keys: VerificationKeys, reload: (@Sendable () async throws -> VerificationKeys)? = nil,
         reloadInterval: Duration = .seconds(30)) async {
        self.reload = reload
        self.reloadInterval = reloadInterval
        self.current = Mutex(await Self.snapshot(of: keys))
    }

    static func snapshot(of keys: VerificationKeys) async -> Snapshot {
        let collection = JWTKeyCollection()
        for entry in keys.entries {
            await collection.add(ecdsa: entry.key, kid: JWKIdentifier(string: entry.keyId))
        }
        return Snapshot(collection: collection, keyIds: Set(keys.entries.map(\.keyId)))
    }

    var snapshot: Snapshot { current.withLock { $0 } }

    /// The keys to verify a token naming `kid` with: the current ones, or, for an unknown kid,
    /// the ones read again (when a reload is configured and due). A failed reload keeps the old keys.
    func keys(for kid: String?) async -> Snapshot {
        let now = snapshot
        guard let kid, !now.keyIds.contains(kid), let reload else { return now }
        let due: Bool = lastReload.withLock { last in
            let clock = ContinuousClock.now
            if let last, last.duration(to: clock) < reloadInterval { return false }
            last = clock
            return true
        }
        guard due, let fresh = try? await reload() else { return now }
        let next = await Self.snapshot(of: fresh)
        current.withLock { $0 = next }
        return next
    }
}
