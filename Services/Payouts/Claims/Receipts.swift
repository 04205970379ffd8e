import Auth
import Contracts
import Crypto
import Foundation
import Postgres
import ServiceKit

/// Receipts (the evidence of an expense) are uploaded as they are (PDF, JPEG or PNG, checked by
/// content) before the claim that names them; one receipt backs one claim.
struct Receipts: Sendable {
    static let maxBytes = 5 * 1024 * 1024

    struct View: Codable, Sendable {
        var id: UUID
        var mediaType: String
        var sizeBytes: Int
        var sha256: String
        var uploadedAt: String
    }

    func upload(_ bytes: [UInt8], declaredType: String?, by principal: Principal, on connection: PostgresConnection) throws -> View {
        guard case .institution(let institution) = principal.scope else { throw PayoutsProblems.notYourInstitution }
        guard !bytes.isEmpty else {
            throw CommonProblems.invalidField("(body)", "receipt.empty", lv: "Kvīts fails ir tukšs.", en: "The receipt file is empty.")
        }
        let mediaType = try MediaSniffer.require(bytes, declared: declaredType)
        let digest = Array(SHA256.hash(data: bytes))
        let id = UUID.timeOrdered()
        let row = try connection.query("""
            INSERT INTO receipts (id, institution_id, media_type, size_bytes, sha256, content, uploaded_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING uploaded_at
            """, [id, institution, mediaType, bytes.count, digest, bytes, principal.personId]).single()
        return View(id: id, mediaType: mediaType, sizeBytes: bytes.count, sha256: Self.hex(digest),
                    uploadedAt: Timestamp.format(try row.decode("uploaded_at", as: Date.self)))
    }

    /// The receipt's bytes and type, for callers who may see the claim's plan.
    func download(_ id: UUID, for principal: Principal, on connection: PostgresConnection) throws -> (mediaType: String, bytes: [UInt8]) {
        guard let row = try connection.query("""
            SELECT r.media_type, r.content, r.institution_id, i.municipality_id, i.region
            FROM receipts r LEFT JOIN replica_institutions i ON i.id = r.institution_id WHERE r.id = $1
            """, [id]).first,
            principal.covers(institution: InstitutionScopeFacts(institutionId: try row.decode("institution_id"),
                                                                municipalityId: try row.decode("municipality_id"),
                                                                region: try row.decode("region", as: String?.self) ?? "")) else {
            throw CommonProblems.notFound("Kvīts / Receipt")
        }
        return (try row.decode("media_type"), try row.decode("content"))
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
