/// Why a personal code was rejected. Messages never contain the code itself (privacy:
/// DOMAIN.md §3, the personal code never appears in a message, a log line or an export).
public enum PersonalCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing was entered.
    case empty
    /// A character other than digits and one hyphen.
    case invalidCharacters
    /// The hyphen is not between the sixth and seventh digit, or there are several.
    case misplacedHyphen
    /// Not eleven digits; carries the number of digits found.
    case wrongLength(Int)
    /// The first six digits are not a real date (e.g. 31 February).
    case invalidBirthDate
    /// The seventh digit of an old-format code is not 0, 1 or 2 (the century).
    case invalidCentury
    /// The birth date is after today.
    case futureBirthDate
    /// The last digit does not match the check digit of the first ten.
    case checksumMismatch

    /// A stable code for logs and APIs.
    public var code: String {
        switch self {
        case .empty: "personal_code.empty"
        case .invalidCharacters: "personal_code.invalid_characters"
        case .misplacedHyphen: "personal_code.misplaced_hyphen"
        case .wrongLength: "personal_code.wrong_length"
        case .invalidBirthDate: "personal_code.invalid_birth_date"
        case .invalidCentury: "personal_code.invalid_century"
        case .futureBirthDate: "personal_code.future_birth_date"
        case .checksumMismatch: "personal_code.checksum"
        }
    }

    /// What is wrong and what to do, in Latvian and English.
    public var message: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(lv: "Ievadiet personas kodu (11 cipari, piemēram, DDMMGG-CNNNN).",
                          en: "Enter the personal code (11 digits, e.g. DDMMYY-CNNNN).")
        case .invalidCharacters:
            LocalizedText(lv: "Personas kodā drīkst būt tikai cipari un viena defise.",
                          en: "A personal code may contain only digits and one hyphen.")
        case .misplacedHyphen:
            LocalizedText(lv: "Defise drīkst būt tikai pēc sestā cipara (DDMMGG-CNNNN).",
                          en: "The hyphen may only follow the sixth digit (DDMMYY-CNNNN).")
        case .wrongLength(let count):
            LocalizedText(lv: "Personas kodā jābūt 11 cipariem, ievadīti \(count).",
                          en: "A personal code has 11 digits; \(count) were entered.")
        case .invalidBirthDate:
            LocalizedText(lv: "Pirmie seši cipari nav reāls dzimšanas datums (DDMMGG).",
                          en: "The first six digits are not a real birth date (DDMMYY).")
        case .invalidCentury:
            LocalizedText(lv: "Septītajam ciparam (gadsimts) jābūt 0, 1 vai 2.",
                          en: "The seventh digit (the century) must be 0, 1 or 2.")
        case .futureBirthDate:
            LocalizedText(lv: "Dzimšanas datums personas kodā ir nākotnē.",
                          en: "The birth date in the personal code is in the future.")
        case .checksumMismatch:
            LocalizedText(lv: "Personas koda kontrolcipars nesakrīt: pārbaudiet, vai cipari ievadīti pareizi.",
                          en: "The check digit does not match: check that every digit was entered correctly.")
        }
    }

    /// The English message (never the code).
    public var description: String { message.en }
}
