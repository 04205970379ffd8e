import Foundation
import Rules
import ServiceKit

/// Shape checks of the youth-project forms, each a 422 naming its field (Latvian first). The
/// programme's conditions are `YouthProjectRules`; these only say a field is unreadable.
enum YouthText {
    /// Trimmed one-line text of `range` characters.
    static func line(_ text: String, field: String, range: ClosedRange<Int>, lv: String, en: String) throws -> String {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard range.contains(value.count), !value.contains(where: \.isNewline) else {
            throw CommonProblems.invalidField(field, "youth.text.length", lv: "\(lv): \(range.lowerBound)–\(range.upperBound) rakstzīmes vienā rindā.",
                                              en: "\(en): \(range.lowerBound)–\(range.upperBound) characters on one line.")
        }
        return value
    }

    /// Trimmed text of at most `limit` characters (line breaks allowed; may be short: the rules judge content).
    static func text(_ text: String, field: String, limit: Int, lv: String, en: String) throws -> String {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard value.count <= limit else {
            throw CommonProblems.invalidField(field, "youth.text.length", lv: "\(lv): ne vairāk kā \(limit) rakstzīmes.",
                                              en: "\(en): at most \(limit) characters.")
        }
        return value
    }

    /// A calendar date `YYYY-MM-DD`.
    static func date(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw CommonProblems.invalidField(field, "youth.date", lv: "Datums formātā GGGG-MM-DD.", en: "A date as YYYY-MM-DD.")
        }
        return date
    }
}
