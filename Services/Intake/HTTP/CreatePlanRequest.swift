import Foundation
import Rules

/// `POST /plans` body. Decoding is strict: unknown fields are refused (they could never change
/// role, scope or ids, but a typo should not pass silently either).
struct CreatePlanRequest: Decodable {
    var institutionId: UUID
    var personalCode: String
    /// `2026/2027-1`.
    var semester: String

    enum CodingKeys: String, CodingKey, CaseIterable { case institutionId, personalCode, semester }

    init(from decoder: any Decoder) throws {
        let known = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = known.allKeys.first(where: { CodingKeys(rawValue: $0.stringValue) == nil }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: known, debugDescription: "unknown field")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        institutionId = try c.decode(UUID.self, forKey: .institutionId)
        personalCode = try c.decode(String.self, forKey: .personalCode)
        semester = try c.decode(String.self, forKey: .semester)
    }

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

/// Any JSON key (to find unknown ones).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
}
