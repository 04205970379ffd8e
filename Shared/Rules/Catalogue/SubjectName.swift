/// A school subject as the statistics count it (`matemātika`): subjects are free text a person
/// typed, so the same subject must be written one way before it is counted, and text that holds
/// a personal code must never be counted (nor travel on in a message). Used by timesheets (the
/// subjects of delivered consultations in `worklog.approved`) and reporting (the subjects of
/// planned ones), so both count "Matemātika " and "matemātika" as one.
public enum SubjectName {
    /// The longest subject kept; longer text is cut (a subject is a short name, not a note).
    public static let maximumLength = 80

    /// `text` trimmed, inner white space collapsed, lower case, at most ``maximumLength``
    /// characters; nil when nothing is left, or it holds a personal code or a control character.
    public static func normalised(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let joined = words.joined(separator: " ").lowercased()
        guard !joined.isEmpty, !PersonalCode.occurs(in: joined),
              !joined.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        return String(joined.prefix(maximumLength))
    }
}
