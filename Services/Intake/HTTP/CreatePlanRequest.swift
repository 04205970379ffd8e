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

    /// Parses `YYYY/YYYY+1-N`.
    static func parseSemester(_ text: String) -> SemesterRef? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let n = Int(parts[1]), let number = SemesterNumber(rawValue: n) else { return nil }
        let years = parts[0].split(separator: "/")
        guard years.count == 2, let first = Int(years[0]), let second = Int(years[1]), second == first + 1,
              (2000...2100).contains(first) else { return nil }
        return SemesterRef(schoolYear: first, number: number)
    }
}

/// `POST /plans/{id}/copy-forward` body.
struct CopyForwardRequest: Codable, Sendable {
    /// The later semester, `2026/2027-2`.
    var semester: String
}
