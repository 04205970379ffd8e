/// International Bank Account Numbers (ISO 13616) and BICs (ISO 9362), checked before an account
/// goes into a bank file.
public enum IBAN {
    /// IBAN lengths of the SEPA countries (SWIFT IBAN registry). A country not listed is accepted
    /// with any length in `unknownCountryLengths` if the check digits hold.
    public static let lengths: [String: Int] = [
        // EU
        "AT": 20, "BE": 16, "BG": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
        "FI": 18, "FR": 27, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IT": 27, "LT": 20, "LU": 20,
        "LV": 21, "MT": 31, "NL": 18, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24,
        // EEA outside the EU
        "IS": 26, "LI": 21, "NO": 15,
        // other SEPA members
        "AD": 24, "AL": 28, "CH": 21, "GB": 22, "GI": 23, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
        "RS": 22, "SM": 27, "VA": 22,
    ]

    /// The lengths any IBAN may have.
    public static let unknownCountryLengths = 15...34

    /// The IBAN in electronic form (no spaces, upper case) if it is well formed: two letters of
    /// country, two check digits (02–98), then letters and digits, of the country's length, with
    /// the ISO 7064 MOD 97-10 check equal to 1. `nil` otherwise.
    public static func normalized(_ text: String) -> String? {
        var chars: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }  // the printed form groups by four
            guard scalar.isASCII else { return nil }
            chars.append(upper(UInt8(scalar.value)))
        }
        guard chars.count >= 4, isLetter(chars[0]), isLetter(chars[1]), isDigit(chars[2]), isDigit(chars[3]),
              chars[4...].allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        let country = String(decoding: chars[0..<2], as: UTF8.self)
        if let length = lengths[country] {
            guard chars.count == length else { return nil }
        } else {
            guard unknownCountryLengths.contains(chars.count) else { return nil }
        }
        // Latvia's BBAN is a four-letter bank code and thirteen letters or digits.
        if country == "LV", !chars[4..<8].allSatisfy(isLetter) { return nil }
        let check = Int(chars[2] - 48) * 10 + Int(chars[3] - 48)
        guard (2...98).contains(check), mod97(chars) == 1 else { return nil }
        return String(decoding: chars, as: UTF8.self)
    }

    /// Whether `text` is a valid IBAN (see `normalized`).
    public static func isValid(_ text: String) -> Bool { normalized(text) != nil }

    /// Whether `text` is a BIC: four letters of bank, two letters of country, two letters or
    /// digits of location and optionally three of branch (8 or 11 characters; spaces and case ignored).
    public static func isValidBIC(_ text: String) -> Bool { normalizedBIC(text) != nil }

    /// The BIC without spaces in upper case if `isValidBIC`, else `nil`.
    public static func normalizedBIC(_ text: String) -> String? {
        var chars: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            guard scalar.isASCII else { return nil }
            chars.append(upper(UInt8(scalar.value)))
        }
        guard chars.count == 8 || chars.count == 11,
              chars[0..<6].allSatisfy(isLetter),
              chars[6...].allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        return String(decoding: chars, as: UTF8.self)
    }

    /// The remainder modulo 97 of the IBAN moved four characters left with letters as 10…35,
    /// folded digit by digit so it never needs more than a few digits of arithmetic.
    static func mod97(_ chars: [UInt8]) -> Int {
        var remainder = 0
        for char in chars[4...] + chars[..<4] {
            if isDigit(char) {
                remainder = (remainder * 10 + Int(char - 48)) % 97
            } else {
                remainder = (remainder * 100 + Int(char - 65) + 10) % 97
            }
        }
        return remainder
    }

    private static func upper(_ byte: UInt8) -> UInt8 { (97...122).contains(byte) ? byte - 32 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
