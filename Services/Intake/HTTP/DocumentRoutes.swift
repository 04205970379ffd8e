import Auth
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Rules
import ServiceKit

/// `/plans/{id}/documents`: upload (raw body; PDF, JPEG or PNG by content), list, download.
extension IntakeAPI {
    func registerDocuments(on router: Router<AuthenticatedRequestContext>) {
        let plans = router.group("plans").add(middleware: AuthenticationMiddleware(verifier: verifier, assignments: DirectoryAssignments(pool: pool)))
        plans.post(":planId/documents") { request, context in
            let actor = try context.requireRole(PlanAccess.documentKeepers)
            let id = try context.parameters.requireUUID("planId")
            let query = request.uri.queryParameters
            guard let purpose = DocumentPurpose(rawValue: query["purpose"].map(String.init) ?? "evidence") else {
                throw CommonProblems.invalidField("purpose", "document.purpose", lv: "Mērķis: evidence vai consent.",
                                                  en: "Purpose: evidence or consent.")
            }
            guard let kind = query["kind"].map(String.init), !kind.isEmpty else {
                throw CommonProblems.invalidField("kind", "document.kind_required", lv: "Norādiet dokumenta veidu.",
                                                  en: "Give the document kind.")
            }
            let validUntil = try query["validUntil"].map { text -> CalendarDate in
                guard let date = CalendarDate(iso: String(text)) else {
                    throw CommonProblems.invalidField("validUntil", "document.valid_until_format",
                                                      lv: "Derīguma termiņš jānorāda kā datums GGGG-MM-DD.",
                                                      en: "Give the validity end date as YYYY-MM-DD.")
                }
                return date
            }
            let bytes = try await BoundedBody.read(request, limit: limits.document)
            guard !bytes.isEmpty else {
                throw CommonProblems.invalidField("(body)", "document.empty", lv: "Fails ir tukšs.", en: "The file is empty.")
            }
            let declared = MediaSniffer.declared(request.headers[.contentType])
            return try await idempotent.perform(request, actor: actor.personId,
                                                route: "POST /plans/\(id)/documents?\(purpose.rawValue)&\(kind)&\(validUntil?.iso ?? "")",
                                                body: bytes) { connection in
                let view = try documents.upload(planId: id, purpose: purpose, kind: kind, declaredType: declared, bytes: bytes,
                                                validUntil: validUntil, actor: actor, correlationId: RequestCorrelation.id(of: request), on: connection)
                return try StoredResponse(status: .created, json: view, location: "/plans/\(id.lowercased)/documents/\(view.id.lowercased)")
            }
        }
        plans.get(":planId/documents") { request, context in
            let principal = try context.requireRole(PlanAccess.readers)
            let id = try context.parameters.requireUUID("planId")
            let list = try await pool.withConnection { connection in
                _ = try PlanAccess.load(id, for: principal, on: connection)
                return try documents.list(planId: id, on: connection)
            }
            return try JSONResponse.make(.ok, list)
        }
        plans.get(":planId/documents/:documentId") { request, context in
            let principal = try context.requireRole(PlanAccess.readers)
            let planId = try context.parameters.requireUUID("planId")
            let documentId = try context.parameters.requireUUID("documentId")
            let (view, bytes) = try await pool.withTransaction { connection in
                try documents.download(planId: planId, documentId: documentId, actor: principal,
                                       correlationId: RequestCorrelation.id(of: request), on: connection)
            }
            let digest = Data(SHA256.hash(data: bytes)).base64EncodedString()
            let extensionName = switch view.mediaType {
            case "application/pdf": "pdf"
            case "image/png": "png"
            default: "jpg"
            }
            var headers: HTTPFields = [.contentType: view.mediaType,
                                       .contentDisposition: "attachment; filename=\"\(view.id.lowercased).\(extensionName)\"",
                                       .cacheControl: "private, no-store"]
            headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
            headers[HTTPField.Name("Repr-Digest")!] = "sha-256=:\(digest):"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
