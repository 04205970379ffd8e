import Foundation

/// The staff portal's pages an email opens, in one place: every link a template carries comes
/// from here, and the browser test `Tests/Browser/test_email_links.py` follows one of each kind
/// as its recipient. The portal serves these paths (signing the person in first when needed).
struct PortalLinks: Sendable {
    /// The portal's public address, without a trailing slash (`PUMPURS_PORTAL_URL`).
    let base: String

    init(base: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
    }

    /// A plan's page (approvers decide there; the preparer sees findings and comments).
    func plan(_ id: UUID) -> String { base + "/plans/" + id.uuidString.lowercased() }
    /// A month's work record (the coordinator approves or returns it; its author sees why).
    func workLog(_ id: UUID) -> String { base + "/worklogs/" + id.uuidString.lowercased() }
    /// A payout batch for finance (its lines, the SEPA file, marking it sent).
    func payoutBatch(_ id: UUID) -> String { base + "/finance/batches/" + id.uuidString.lowercased() }
    /// The approver's queue (the daily digest lists what waits there).
    var queue: String { base + "/queue" }
}
