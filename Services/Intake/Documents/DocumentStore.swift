import Auth
import Contracts
import Crypto
import Foundation
import HTTPTypes
import Postgres
import Rules
import ServiceKit

/// What a document is for.
enum DocumentPurpose: String, Sendable, CaseIterable {
    /// Evidence for a risk or a status certificate (kinds: the rules library's `EvidenceKind`).
    case evidence
    /// The scanned, signed consent form (kind `consent_form`).
    case consent
}

/// Evidence documents and scanned consent forms: checked by content, stored with their SHA-256,
/// never deleted, downloadable only within the plan's scope.
struct DocumentStore: Sendable {
    /// Documents per plan and uploads per person per day.
    var quota = UploadQuota()

    /// Stores a document for the plan after checking purpose, kind, content and the quotas.
    func upload(planId: UUID, purpose: DocumentPurpose, kind: String, declaredType: String?, bytes: [UInt8],
                validUntil: CalendarDate? = nil, actor: Principal, correlationId: UUID,
                on connection: PostgresConnection) throws -> DocumentView {
        let record = try PlanAccess.load(planId, for: actor, forUpdate: true, on: connection)
        guard !record.status.isFinal else {
            throw CommonProblems.conflict("plan.final", field: "status", lv: "Noslēgtam vai dzēstam plānam dokumentus nepievieno.",
                                          en: "Documents cannot be added to a closed or deleted plan.")
        }
        switch purpose {
        case .evidence:
            guard EvidenceKind(rawValue: kind) != nil else {
                throw CommonProblems.invalidField("kind", "document.kind_unknown",
                                                  lv: "Nezināms dokumenta veids. Atļauti: \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                                                  en: "Unknown document kind. Allowed: \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        case .consent:
            guard kind == "consent_form" else {
                throw CommonProblems.invalidField("kind", "document.kind_unknown", lv: "Piekrišanas dokumenta veids: consent_form.",
                                                  en: "A consent document's kind is consent_form.")
            }
            guard validUntil == nil else {
                throw CommonProblems.invalidField("validUntil", "document.valid_until_evidence_only",
                                                  lv: "Derīguma termiņu norāda tikai pierādījuma dokumentiem.",
                                                  en: "Only evidence documents have a validity end date.")
            }
        }
        let actual = try MediaSniffer.require(bytes, declared: declaredType)
        try quota.check(planId: planId, person: actor.personId, size: bytes.count, on: connection)
        let digest = Array(SHA256.hash(data: bytes))
        let id = UUID.timeOrdered()
        let rows = try connection.query("""
            INSERT INTO documents (id, plan_id, purpose, kind, media_type, size_bytes, sha256, content, uploaded_by, valid_until)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date) RETURNING uploaded_at
            """, [id, planId, purpose.rawValue, kind, actual, bytes.count, digest, bytes, actor.personId, validUntil?.iso])
        try Audit.record(actor: actor, action: "document.upload", subject: "document:\(id.lowercased)",
                         correlationId: correlationId, on: connection)
        return DocumentView(id: id, purpose: purpose.rawValue, kind: kind, mediaType: actual, sizeBytes: bytes.count,
                            sha256: Self.hex(digest), uploadedAt: Self.timestamp(try rows.single().decode("uploaded_at", as: Date.self)),
                            validUntil: validUntil?.iso, carriedFrom: nil)
    }

    /// Copy forward (issue #19 item 1): the earlier plan's evidence documents go to the new plan
    /// as documents, with their original upload date and validity, pointing at the original (whose
    /// bytes they share). Whether each still counts is the rules' decision (`EvidenceValidity`).
    func carryForward(from source: UUID, to target: UUID, on connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO documents (id, plan_id, purpose, kind, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at,
                                   valid_until, carried_from)
            SELECT gen_random_uuid(), $2, purpose, kind, media_type, size_bytes, sha256, NULL, uploaded_by, uploaded_at,
                   valid_until, COALESCE(carried_from, id)
            FROM documents WHERE plan_id = $1 AND purpose = 'evidence'
            ORDER BY uploaded_at, id
            """, [source, target])
    }

    /// The plan's documents' metadata.
    func list(planId: UUID, on connection: PostgresConnection) throws -> [DocumentView] {
        try connection.query("""
            SELECT id, purpose, kind, media_type, size_bytes, sha256, uploaded_at, valid_until::text AS valid_until, carried_from
            FROM documents WHERE plan_id = $1
            ORDER BY uploaded_at, id
            """, [planId]).map(Self.view(from:))
    }

    /// The document's bytes and metadata, audited as a read of personal data.
    func download(planId: UUID, documentId: UUID, actor: Principal, correlationId: UUID,
                  on connection: PostgresConnection) throws -> (DocumentView, [UInt8]) {
        _ = try PlanAccess.load(planId, for: actor, on: connection)
        guard let row = try connection.query("""
            SELECT d.id, d.purpose, d.kind, d.media_type, d.size_bytes, d.sha256, d.uploaded_at, d.valid_until::text AS valid_until,
                   d.carried_from, COALESCE(d.content, o.content) AS content
            FROM documents d LEFT JOIN documents o ON o.id = d.carried_from
            WHERE d.id = $1 AND d.plan_id = $2
            """, [documentId, planId]).first else {
            throw CommonProblems.notFound("Dokuments / Document")
        }
        try Audit.record(actor: actor, action: "document.read", subject: "document:\(documentId.lowercased)",
                         correlationId: correlationId, on: connection)
        return (try Self.view(from: row), try row.decode("content", as: [UInt8].self))
    }

    static func view(from row: PostgresRow) throws -> DocumentView {
        DocumentView(id: try row.decode("id"), purpose: try row.decode("purpose"), kind: try row.decode("kind"),
                     mediaType: try row.decode("media_type"), sizeBytes: try row.decode("size_bytes"),
                     sha256: hex(try row.decode("sha256", as: [UInt8].self)),
                     uploadedAt: timestamp(try row.decode("uploaded_at", as: Date.self)), validUntil: try row.decode("valid_until"),
                     carriedFrom: try row.decode("carried_from"))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// UTC, ISO 8601 with milliseconds (the contracts' format).
    static func timestamp(_ date: Date) -> String { Timestamp.format(date) }
}
