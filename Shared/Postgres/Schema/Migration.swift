/// One versioned schema change of a service, shipped in code.
///
/// `sql` may hold several statements; it runs inside the migration's transaction, so it must not
/// contain `BEGIN`/`COMMIT` or statements that refuse transactions (`CREATE INDEX CONCURRENTLY`).
/// Unqualified names resolve to the service's schema. Never edit an applied migration: the
/// checksum check refuses to start; add a new version instead.
public struct Migration: Sendable, Equatable {
    /// A positive, unique version; migrations apply in ascending order.
    public var version: Int
    /// A short description, stored with the applied row.
    public var name: String
    /// The SQL to run.
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// A stable fingerprint of `sql` (64-bit FNV-1a, hex): detects edits, not tampering.
    public var checksum: String {
        "fnv1a64:" + String(Self.fnv1a64(sql), radix: 16)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

