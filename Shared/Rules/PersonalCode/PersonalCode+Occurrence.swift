extension PersonalCode {
    /// Whether `text` contains something that is a personal code: eleven digits (a hyphen after the
    /// sixth allowed) not part of a longer number, whose check digit is right. Free text written by
    /// people (justifications, comments, names) is checked with this so that a code typed into it
    /// never travels on in events, emails or audit views.
    public static func occurs(in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && ("0"..."9").contains(scalars[i]) }
        var start = 0
        while start < scalars.count {
            guard isDigit(start), !isDigit(start - 1) else { start += 1; continue }
            var digits: [Int] = []
            var i = start
            while digits.count < 11, i < scalars.count {
                if isDigit(i) {
                    digits.append(Int(scalars[i].value) - 48)
                } else if scalars[i] == "-", digits.count == 6 {
                    // the usual hyphen
                } else {
                    break
                }
                i += 1
            }
            if digits.count == 11, !isDigit(i), checkDigit(of: Array(digits.prefix(10))) == digits[10] { return true }
            start += 1
        }
        return false
    }
}
