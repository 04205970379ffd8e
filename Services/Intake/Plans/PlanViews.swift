import Foundation
import Rules

/// A finding as the API shows it (the same shape as in problem+json `errors`).
struct FindingView: Codable, Sendable, Equatable {
    var rule: String
    var severity: String
    var field: String
    var message: String
    var messageEn: String

    init(rule: String, severity: String, field: String, message: String, messageEn: String) {
        self.rule = rule
        self.severity = severity
        self.field = field
        self.message = message
        self.messageEn = messageEn
    }

    init(_ finding: Finding) {
        rule = finding.ruleId.rawValue
        severity = finding.severity.rawValue
        field = finding.path
        message = finding.message.lv
        messageEn = finding.message.en
    }
}

/// A status with its Latvian and English label.
struct StatusView: Codable, Sendable, Equatable {
    var code: String
    var label: String
    var labelEn: String

    init(_ state: PlanState) {
        code = state.rawValue
        label = state.label.lv
        labelEn = state.label.en
    }
}

/// A stored document's metadata (never its bytes).
struct DocumentView: Codable, Sendable, Equatable {
    var id: UUID
    var purpose: String
    var kind: String
    var mediaType: String
    var sizeBytes: Int
    var sha256: String
    var uploadedAt: String
    /// The last day the document says it is valid, if it says so.
    var validUntil: String?
    /// The original, for a document carried forward from an earlier plan.
    var carriedFrom: UUID?
}

/// The consent on file.
struct ConsentView: Codable, Sendable, Equatable {
    var id: UUID
    var signer: String
    var signedOn: String
    var documentId: UUID
    var revoked: Bool
    var revokeReason: String?
}

/// One state change.
struct HistoryView: Codable, Sendable, Equatable {
    var from: String?
    var to: String
    var at: String
    var actor: UUID
    var reason: String?
}

/// `GET /plans/{id}`: everything about the plan except the personal code.
struct PlanView: Codable, Sendable {
    var id: UUID
    var institutionId: UUID
    var studentCode: String
    var semester: String
    var status: StatusView
    var revision: Int
    var editable: Bool
    var content: PlanContent?
    var esfDeclarations: [OtherESFSupport]
    /// The latest findings: validation errors after a refused or failed submission, warnings after a pass.
    var findings: [FindingView]
    /// The approver's comment or the suspension reason, when the status has one.
    var statusNote: String?
    var implementationMayStart: Bool
    var copiedFrom: UUID?
    var consent: ConsentView?
    var documents: [DocumentView]
    var history: [HistoryView]
}

/// One row of `GET /plans`.
struct PlanSummaryView: Codable, Sendable {
    var id: UUID
    var institutionId: UUID
    var studentCode: String
    var semester: String
    var status: StatusView
    var revision: Int
    var riskCodes: [String]
    var updatedAt: String
}
