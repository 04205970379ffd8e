import Foundation

/// How every message names a plan: ids and the student's pseudonymous code, never the
/// personal code (which does not leave the intake service).
public struct PlanReference: Codable, Sendable, Hashable {
    /// Plan id.
    public var planId: UUID
    /// Plan revision; handlers ignore messages about an older revision than they hold.
    public var revision: Int
    /// The student's stable pseudonymous code (e.g. `S-7K2M9Q4XTB`).
    public var studentCode: String
    /// Institution.
    public var institutionId: UUID
    /// Semester, `2024/2025-1`.
    public var semester: String

    /// Creates a reference.
    public init(planId: UUID, revision: Int, studentCode: String, institutionId: UUID, semester: String) {
        self.planId = planId
        self.revision = revision
        self.studentCode = studentCode
        self.institutionId = institutionId
        self.semester = semester
    }
}

/// A validation finding as carried in messages (rule id, severity, field path, LV + EN text).
public struct FindingPayload: Codable, Sendable, Hashable {
    /// Stable rule id, e.g. `risk.justification.vague`.
    public var ruleId: String
    /// `error` or `warning`.
    public var severity: String
    /// Field path, e.g. `risks[1].justification`.
    public var path: String
    /// Latvian message.
    public var messageLv: String
    /// English message.
    public var messageEn: String

    /// Creates a finding.
    public init(ruleId: String, severity: String, path: String, messageLv: String, messageEn: String) {
        self.ruleId = ruleId
        self.severity = severity
        self.path = path
        self.messageLv = messageLv
        self.messageEn = messageEn
    }
}

/// Who did something, as messages carry it.
public struct ActorPayload: Codable, Sendable, Hashable {
    /// Person id in the directory.
    public var personId: UUID
    /// Role used, e.g. `institution_head`.
    public var role: String
    /// When acting for someone under a delegation: the delegator's person id.
    public var actingFor: UUID?

    /// Creates an actor.
    public init(personId: UUID, role: String, actingFor: UUID? = nil) {
        self.personId = personId
        self.role = role
        self.actingFor = actingFor
    }
}
