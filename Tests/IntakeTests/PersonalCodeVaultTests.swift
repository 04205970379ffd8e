import Foundation
import Intake
import Rules
import Testing

@Suite("Personal code vault")
struct PersonalCodeVaultTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!
    static let keys = StudentKeys.generate()

    func vault(_ keys: (encryptionBase64: String, lookupBase64: String) = PersonalCodeVaultTests.keys) throws -> PersonalCodeVault {
        PersonalCodeVault(keys: try StudentKeys(encryptionBase64: keys.encryptionBase64, lookupBase64: keys.lookupBase64))
    }

    func code(_ text: String) throws -> PersonalCode { try PersonalCode.parse(text, today: Self.today) }

    @Test("protect → reveal gives the digits back; the ciphertext does not contain them")
    func roundTrip() throws {
        let vault = try vault()
        let protected = try vault.protect(try code("161175-19997"))
        #expect(try vault.reveal(protected.ciphertext) == "16117519997")
        let asText = String(decoding: protected.ciphertext, as: UTF8.self)
        #expect(!asText.contains("16117519997") && !asText.contains("161175"))
        #expect(protected.lookupHash.count == 32)
    }

    @Test("the same code encrypts differently each time but hashes and pseudonymises the same")
    func stableLookupAndPseudonym() throws {
        let vault = try vault()
        let a = try vault.protect(try code("161175-19997"))
        let b = try vault.protect(try code("16117519997"))
        #expect(a.ciphertext != b.ciphertext)
        #expect(a.lookupHash == b.lookupHash)
        #expect(a.studentCode == b.studentCode)
        #expect(StudentCode.isValid(a.studentCode.value))
        let other = try vault.protect(try code("328673-00679"))
        #expect(other.lookupHash != a.lookupHash)
        #expect(other.studentCode != a.studentCode)
    }

    @Test("the pseudonym depends on the key, and is not the look-up hash")
    func keyedPseudonym() throws {
        let c = try code("161175-19997")
        let first = try vault().protect(c)
        let second = try vault(StudentKeys.generate()).protect(c)
        #expect(first.studentCode != second.studentCode)
        #expect(first.lookupHash != second.lookupHash)
        let hashAsPseudonym = try StudentCode.derive(fromDigest: first.lookupHash)
        #expect(hashAsPseudonym != first.studentCode)
    }

    @Test("a tampered ciphertext or a wrong key does not decrypt")
    func tamperingDetected() throws {
        let vault = try vault()
        var protected = try vault.protect(try code("161175-19997"))
        protected.ciphertext[protected.ciphertext.count / 2] ^= 0x01
        #expect(throws: (any Error).self) { try vault.reveal(protected.ciphertext) }
        let intact = try vault.protect(try code("161175-19997"))
        #expect(throws: (any Error).self) { try self.vault(StudentKeys.generate()).reveal(intact.ciphertext) }
    }

    @Test("keys must be 32 bytes of base64 and must differ", arguments: [
        ("", "x"), ("AAAA", Data(count: 32).base64EncodedString()), ("not base64!", Data(count: 32).base64EncodedString()),
    ])
    func badKeys(_ encryption: String, _ lookup: String) {
        #expect(throws: StudentKeyError.self) { try StudentKeys(encryptionBase64: encryption, lookupBase64: lookup) }
    }

    @Test("identical keys are refused, and errors never echo a key")
    func identicalKeys() {
        let same = Data(repeating: 7, count: 32).base64EncodedString()
        #expect(throws: StudentKeyError.identical) { try StudentKeys(encryptionBase64: same, lookupBase64: same) }
        #expect(!StudentKeyError.invalid("PUMPURS_INTAKE_LOOKUP_KEY").description.contains(same))
    }
}
