import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// A plan row with what scope checks need (its institution's municipality and region).
struct PlanRecord: Sendable {
    var id: UUID
    var institutionId: UUID
    var studentId: UUID
    var studentCode: String
    var semester: SemesterRef
    var status: PlanState
    var revision: Int
    var content: PlanContent?
    var esfDeclarations: [OtherESFSupport]
    var findings: [FindingView]
    var statusNote: String?
    var implementationMayStart: Bool
    var copiedFrom: UUID?
    var createdBy: UUID
    var institution: InstitutionScopeFacts

    /// States in which the preparer may still change the plan.
    static let editableStates: Set<PlanState> = [.draft, .rejectedByValidation, .returned, .underReview]

    var isEditable: Bool { Self.editableStates.contains(status) }

    /// `2026/2027-1`.
    var semesterText: String { semester.code }

    static let selectSQL = """
        SELECT p.*, s.student_code, i.municipality_id AS i_municipality_id, i.region AS i_region
        FROM plans p JOIN students s ON s.id = p.student_id LEFT JOIN institutions i ON i.id = p.institution_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        institutionId = try row.decode("institution_id")
        studentId = try row.decode("student_id")
        studentCode = try row.decode("student_code")
        semester = SemesterRef(schoolYear: try row.decode("school_year"),
                               number: SemesterNumber(rawValue: try row.decode("semester", as: Int.self)) ?? .first)
        status = PlanState(rawValue: try row.decode("status", as: String.self)) ?? .draft
        revision = try row.decode("revision")
        content = try row.decode("content", as: String?.self).map { try Self.decodeJSON(PlanContent.self, $0) }
        esfDeclarations = try Self.decodeJSON([OtherESFSupport].self, try row.decode("esf_declarations", as: String.self))
        findings = try Self.decodeJSON([FindingView].self, try row.decode("findings", as: String.self))
        statusNote = try row.decode("status_note")
        implementationMayStart = try row.decode("implementation_may_start")
        copiedFrom = try row.decode("copied_from")
        createdBy = try row.decode("created_by")
        institution = InstitutionScopeFacts(institutionId: institutionId, municipalityId: try row.decode("i_municipality_id"),
                                            region: try row.decode("i_region", as: String?.self) ?? "")
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    static func encodeJSON(_ value: some Encodable) throws -> String {
        String(decoding: try JSONResponse.encode(value), as: UTF8.self)
    }
}

/// Loads plans for a principal: a plan outside the caller's scope is reported exactly like a
/// plan that does not exist (404), so its existence is never revealed.
struct PlanAccess: Sendable {
    /// Roles that may read plans (finance and administrators do not read plan content).
    static let readers: Set<Role> = [.preparer, .institutionHead, .institutionCoordinator, .specialist,
                                     .municipalityCoordinator, .vpiiCoordinator, .ikvdExpert]
    /// Roles that write plan content and submit.
    static let authors: Set<Role> = [.preparer, .institutionHead]
    /// Roles that submit: the authors, and the institution coordinator, who may forward a plan a
    /// teacher prepared for approval (seed 000 item 6; recorded as "forwarded by").
    static let submitters: Set<Role> = authors.union([.institutionCoordinator])
    /// Roles that may attach documents and record consent.
    static let documentKeepers: Set<Role> = [.preparer, .institutionHead, .institutionCoordinator]

    /// The plan, locked for update when `forUpdate`, if it exists and the principal's scope reaches it.
    static func load(_ id: UUID, for principal: Principal, forUpdate: Bool = false,
                     on connection: PostgresConnection) throws -> PlanRecord {
        let sql = PlanRecord.selectSQL + " WHERE p.id = $1" + (forUpdate ? " FOR UPDATE OF p" : "")
        guard let row = try connection.query(sql, [id]).first else { throw CommonProblems.notFound("Plāns / Plan") }
        let record = try PlanRecord(row: row)
        guard principal.covers(institution: record.institution) else { throw CommonProblems.notFound("Plāns / Plan") }
        return record
    }

    /// 409 unless the plan may still be edited.
    static func requireEditable(_ record: PlanRecord) throws {
        guard record.isEditable else {
            throw CommonProblems.conflict("plan.not_editable", field: "status",
                                          lv: "Plānu statusā \"\(record.status.label.lv)\" labot nevar.",
                                          en: "A plan in status \"\(record.status.label.en)\" cannot be changed.")
        }
    }
}
