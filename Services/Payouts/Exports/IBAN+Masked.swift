extension IBAN {
    /// The IBAN as it may be shown outside finance (an email, an audit row, an event): the country
    /// code and the last four characters, every other character a `*`, in groups of four with the
    /// last four kept together: `LV80BANK0000435195001` → `LV** **** **** **** *5001`. Enough for
    /// the owner to recognise their account, too little to pay into it. Whitespace in the input is
    /// ignored; a text of six characters or fewer shows only its first two.
    public static func masked(_ iban: String) -> String {
        let chars = Array(iban.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        let tail = chars.count > 6 ? 4 : 0
        let head = chars.prefix(chars.count - tail).enumerated().map { $0.offset < 2 ? $0.element : "*" }
        var groups = stride(from: 0, to: head.count, by: 4).map { String(head[$0..<min($0 + 4, head.count)]) }
        let last = String(chars.suffix(tail))
        if let partial = groups.last, partial.count < 4, !last.isEmpty {
            groups[groups.count - 1] = partial + last
        } else if !last.isEmpty {
            groups.append(last)
        }
        return groups.joined(separator: " ")
    }
}
