/// RFC 4180 CSV for downloads that people open in a spreadsheet: UTF-8, one record per line with
/// CRLF, fields quoted only when they must be (comma, quote, CR, LF; inner quotes doubled).
///
/// Text that comes from people (names, subjects, descriptions) is written as a `.text` cell, which
/// gets a leading apostrophe when a spreadsheet would otherwise run it as a formula; figures the
/// code formatted itself are `.number` cells and are never changed (a negative amount stays `-5`).
public enum CSVText {
    /// A cell: free text (neutralised against formulas) or a figure this code formatted itself.
    public enum Cell: Sendable, Hashable {
        /// Text from outside the code; neutralised.
        case text(String)
        /// A number (or another value the code produced, such as `<5`); written as it is.
        case number(String)
    }

    /// One record with its CRLF.
    public static func row(_ cells: [Cell]) -> String {
        cells.map { cell in
            switch cell {
            case .text(let value): quoted(neutralised(value))
            case .number(let value): quoted(value)
            }
        }.joined(separator: ",") + "\r\n"
    }

    /// A header record of plain column names.
    public static func header(_ columns: [String]) -> String {
        row(columns.map { .text($0) })
    }

    /// The value with a leading apostrophe if a spreadsheet would run it as a formula
    /// (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return).
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + value
        default: return value
        }
    }

    /// The value in double quotes (inner quotes doubled) if it holds a comma, quote, CR or LF.
    public static func quoted(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in value.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }
}
