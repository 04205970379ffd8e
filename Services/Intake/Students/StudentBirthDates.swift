import Foundation
import Postgres
import Rules

/// Students' birth dates as intake stores them: AES-GCM sealed in `students.birth_date_sealed`
/// (issue #17 item 8), like the personal code. The plaintext `birth_date` column is only read for
/// rows written before migration 120, and `sealLegacy` moves those into the sealed column.
public struct StudentBirthDates: Sendable {
    let vault: PersonalCodeVault

    /// Creates the store over `vault` (intake's keys).
    public init(vault: PersonalCodeVault) { self.vault = vault }

    /// The student's birth date, if known: the sealed value, else a not-yet-sealed plaintext one.
    public func birthDate(of studentId: UUID, on connection: PostgresConnection) throws -> CalendarDate? {
        guard let row = try connection.query(
            "SELECT birth_date_sealed, birth_date::text AS plain FROM students WHERE id = $1", [studentId]).first else { return nil }
        if let sealed = try row.decode("birth_date_sealed", as: [UInt8]?.self) {
            return try vault.openBirthDate(sealed, studentId: studentId)
        }
        return try row.decode("plain", as: String?.self).flatMap(CalendarDate.init(iso:))
    }

    /// Records `date` for a student whose birth date is not known yet (never over a known one).
    public func recordIfUnknown(_ date: CalendarDate, for studentId: UUID, on connection: PostgresConnection) throws {
        try connection.execute("""
            UPDATE students SET birth_date_sealed = $2 WHERE id = $1 AND birth_date IS NULL AND birth_date_sealed IS NULL
            """, [studentId, try vault.sealBirthDate(date, studentId: studentId)])
    }

    /// Seals up to `limit` birth dates still stored in plaintext (rows from before migration 120)
    /// and clears the plaintext; returns how many it sealed. Safe to run on every instance at once: rows
    /// are locked and skipped when another instance has them.
    @discardableResult
    public func sealLegacy(limit: Int = 500, on connection: PostgresConnection) throws -> Int {
        let rows = try connection.query("""
            SELECT id, birth_date::text AS plain FROM students WHERE birth_date IS NOT NULL
            ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
            """, [limit])
        var sealed = 0
        for row in rows {
            let id = try row.decode("id", as: UUID.self)
            // Not counted when unreadable, so a caller looping until 0 cannot spin on it.
            guard let date = CalendarDate(iso: try row.decode("plain", as: String.self)) else { continue }
            // A sealed value already there (written since) wins; the plaintext goes either way.
            try connection.execute("""
                UPDATE students SET birth_date_sealed = coalesce(birth_date_sealed, $2), birth_date = NULL WHERE id = $1
                """, [id, try vault.sealBirthDate(date, studentId: id)])
            sealed += 1
        }
        return sealed
    }
}
