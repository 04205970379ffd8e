import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// Bank details of whoever is paid. Finance sees a payee reference (`P-…`), never a personal
/// code; the SEPA file carries the name and IBAN snapshotted when a payout is released.
struct PayeeInput: Codable, Sendable {
    var name: String
    var iban: String
    var bic: String?
}

struct Payees: Sendable {
    /// Serialises, per staff member, the two writers that decide whether their held pay can be
    /// released: registering their bank details and recording pay from an approved month. Without
    /// it, each transaction misses the other's uncommitted row (the month's payout is held for
    /// missing details; the registration finds nothing held) and the pay stays held for ever.
    /// Both take this lock before any plan lock, so the two cannot deadlock.
    static func lockStaffMember(_ personId: UUID, on connection: PostgresConnection) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", ["staff-payee|" + personId.uuidString.lowercased()])
    }

    /// A claimant's account as the claiming school knows it: found by the school and IBAN (the
    /// same account keeps one reference there) or created. Per school (review #17): with one row
    /// per IBAN, a claim from another school renamed this school's payee.
    func claimant(_ input: PayeeInput, institution: UUID, by actor: UUID, on connection: PostgresConnection) throws -> String {
        let (name, iban, bic) = try Self.checked(input, field: "payee.")
        let find = "SELECT reference FROM payees WHERE institution_id = $1 AND iban = $2 AND person_id IS NULL"
        if let row = try connection.query(find, [institution, iban]).first {
            let reference: String = try row.decode("reference")
            try update(reference, name: name, iban: iban, bic: bic, by: actor, on: connection)
            return reference
        }
        let reference = Self.newReference()
        try connection.execute("""
            INSERT INTO payees (reference, institution_id, name, iban, bic) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (institution_id, iban) WHERE person_id IS NULL AND institution_id IS NOT NULL DO NOTHING
            """, [reference, institution, name, iban, bic])
        let stored: String = try connection.query(find, [institution, iban]).single().decode("reference")
        try connection.execute("INSERT INTO payee_history (reference, name, iban, bic, changed_by) VALUES ($1, $2, $3, $4, $5)",
                               [stored, name, iban, bic, actor])
        return stored
    }

    private func update(_ reference: String, name: String, iban: String, bic: String?, by actor: UUID, on connection: PostgresConnection) throws {
        let changed = try connection.execute("""
            UPDATE payees SET name = $2, iban = $3, bic = $4, updated_at = now()
            WHERE reference = $1 AND (name, iban, COALESCE(bic, '')) IS DISTINCT FROM ($2, $3, COALESCE($4, ''))
            """, [reference, name, iban, bic])
        if changed > 0 {
            try connection.execute("INSERT INTO payee_history (reference, name, iban, bic, changed_by) VALUES ($1, $2, $3, $4, $5)",
                                   [reference, name, iban, bic, actor])
        }
    }

    /// The checked name, compact IBAN and BIC; errors name `<field>name`, `<field>iban`, `<field>bic`.
    static func checked(_ input: PayeeInput, field: String) throws -> (String, String, String?) {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...70).contains(name.count), !StrictJSON.hasForbiddenControl(name, allowLineBreaks: false),
              !ExportText.sepaText(name, maxLength: 70).isEmpty else {
            throw CommonProblems.invalidField(field + "name", "payee.name", lv: "Saņēmēja vārds: 2–70 rakstzīmes vienā rindā.",
                                              en: "Payee name: 2–70 characters on one line.")
        }
        // A name goes into the bank file and the CSV: never a personal code.
        guard !PersonalCode.occurs(in: name) else {
            throw CommonProblems.invalidField(field + "name", "text.personal_code", lv: "Vārdā nedrīkst rakstīt personas kodu.",
                                              en: "Do not write a personal code in the name.")
        }
        guard let iban = IBAN.normalized(input.iban) else {
            throw CommonProblems.invalidField(field + "iban", "payee.iban", lv: "Nederīgs IBAN (pārbaudiet valsts kodu, garumu un kontrolciparus).",
                                              en: "Invalid IBAN (check the country code, length and check digits).")
        }
        var bic: String?
        if let text = input.bic?.trimmingCharacters(in: .whitespaces).uppercased(), !text.isEmpty {
            guard IBAN.isValidBIC(text) else {
                throw CommonProblems.invalidField(field + "bic", "payee.bic", lv: "Nederīgs BIC (8 vai 11 rakstzīmes).",
                                                  en: "Invalid BIC (8 or 11 characters).")
            }
            bic = text
        }
        return (name, iban, bic)
    }

    /// `P-` and 12 random base-32 characters: no meaning, nothing to guess from.
    static func newReference() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return "P-" + String((0..<12).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
