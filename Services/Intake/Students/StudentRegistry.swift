import Contracts
import Foundation
import Postgres
import Rules

/// A student as intake knows them outside the vault: an id and the pseudonymous code.
public struct RegisteredStudent: Sendable, Equatable {
    /// Student id.
    public var id: UUID
    /// Pseudonymous code used in every message and screen outside intake.
    public var studentCode: StudentCode
    /// True when this call created the student.
    public var created: Bool
}

/// Finds or creates students by personal code, storing only what `PersonalCodeVault` produces.
public struct StudentRegistry: Sendable {
    let vault: PersonalCodeVault

    /// Creates a registry over `vault`.
    public init(vault: PersonalCodeVault) { self.vault = vault }

    /// The student with this personal code, created on first sight. Safe under concurrency:
    /// the look-up hash is unique, so two sessions registering the same code get one student.
    public func register(_ code: PersonalCode, on connection: PostgresConnection) throws -> RegisteredStudent {
        let protected = try vault.protect(code)
        let id = UUID.timeOrdered()
        // The birth date (old-format codes carry it) is stored sealed only; `birth_date` stays NULL.
        let birthDate = try code.birthDate.map { try vault.sealBirthDate($0, studentId: id) }
        let inserted = try connection.query("""
            INSERT INTO students (id, lookup_hash, ciphertext, student_code, birth_date_sealed)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (lookup_hash) DO NOTHING
            RETURNING id
            """, [id, protected.lookupHash, protected.ciphertext, protected.studentCode.value, birthDate])
        if let row = inserted.first {
            return RegisteredStudent(id: try row.decode("id", as: UUID.self), studentCode: protected.studentCode, created: true)
        }
        guard let existing = try find(code, on: connection) else {
            throw PostgresError(code: .queryFailed, message: "student vanished between insert and select")
        }
        return existing
    }

    /// The student with this personal code, if registered.
    public func find(_ code: PersonalCode, on connection: PostgresConnection) throws -> RegisteredStudent? {
        let rows = try connection.query("SELECT id, student_code FROM students WHERE lookup_hash = $1", [vault.lookupHash(code)])
        guard let row = rows.first else { return nil }
        let studentCode = try StudentCode(validating: try row.decode("student_code", as: String.self))
        return RegisteredStudent(id: try row.decode("id", as: UUID.self), studentCode: studentCode, created: false)
    }
}
