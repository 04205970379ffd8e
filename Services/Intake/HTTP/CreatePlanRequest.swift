import Foundation
import Rules

/// `POST /plans` body. The personal code is read here and never leaves the service.
struct CreatePlanRequest: Codable, Sendable {
    var institutionId: UUID
    var personalCode: String
    /// `2026/2027-1`.
    var semester: String
    /// The birth date, for a new-format personal code (which carries none).
    var birthDate: CalendarDate?
}

/// `POST /plans/{id}/copy-forward` body.
struct CopyForwardRequest: Codable, Sendable {
    /// The later semester, `2026/2027-2`.
    var semester: String
}
