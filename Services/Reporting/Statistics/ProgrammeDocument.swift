import Auth
import Foundation
import Rules
import ServiceKit

/// The programme's report as the API returns it: JSON (every table, or one), and one table as a
/// CSV laid out as the programme printed it.
struct ProgrammeDocument: Encodable, Sendable {
    var semester: String?
    var schoolYear: String?
    var scope: String
    var suppression: StatisticsDocument.SuppressionInfo
    var tables: [ProgrammeTable]

    /// RFC 4180 CSV of the first table, wide: a code column, the row heading, then one column per
    /// figure, headings `latviski / in English`; the totals row last. Hidden figures are `<5`, a
    /// figure that does not apply is empty.
    var csv: String {
        guard let table = tables.first else { return "" }
        var out = CSVText.header(["Kods / Code", Self.heading(table.rowHeading)] + table.columns.map { Self.heading($0.title) })
        for row in table.rows + (table.total.map { [$0] } ?? []) {
            out += CSVText.row([.text(row.key), .text(Self.heading(row.label))] + row.cells.map { .number($0.csvText) })
        }
        return out
    }

    /// `Latviski / English`, or one of them when both read the same (a region's name).
    static func heading(_ text: LocalizedText) -> String { text.lv == text.en ? text.lv : "\(text.lv) / \(text.en)" }

    enum CodingKeys: String, CodingKey { case semester, schoolYear, scope, suppression, tables }
}

extension ProgrammeDocument {
    /// The report for `plans` (every plan of the request's school year) as `principal` may see it.
    init(_ request: StatisticsRequest, table: String?, plans: [PlanFacts], for principal: Principal) {
        let suppress = Suppression.applies(to: principal.role)
        semester = request.semester
        schoolYear = request.schoolYear
        scope = StatisticsDocument.scopeText(principal.scope)
        suppression = StatisticsDocument.SuppressionInfo(applied: suppress, threshold: Suppression.threshold, marker: Suppression.marker)
        tables = ProgrammeStatistics.tables(plans, period: request.period, suppress: suppress, only: table)
    }
}

extension ProgrammeTable: Encodable {
    enum CodingKeys: String, CodingKey { case name, title, rowHeading, columns, rows, total }

    /// `{name, title, rowHeading, columns: [{key, title}], rows: [{key, label, <column>: number | "<5" | null}], total}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(title, forKey: .title)
        try container.encode(rowHeading, forKey: .rowHeading)
        try container.encode(columns.map { ["key": $0.key, "lv": $0.title.lv, "en": $0.title.en] }, forKey: .columns)
        var rowsContainer = container.nestedUnkeyedContainer(forKey: .rows)
        for row in rows { try encode(row, into: rowsContainer.nestedContainer(keyedBy: PublishedTable.Key.self)) }
        if let total { try encode(total, into: container.nestedContainer(keyedBy: PublishedTable.Key.self, forKey: .total)) }
    }

    private func encode(_ row: Row, into container: KeyedEncodingContainer<PublishedTable.Key>) throws {
        var object = container
        try object.encode(row.key, forKey: PublishedTable.Key("key"))
        try object.encode(row.label, forKey: PublishedTable.Key("label"))
        for (column, cell) in zip(columns, row.cells) {
            switch cell {
            case .value(let value): try object.encode(value, forKey: PublishedTable.Key(column.key))
            case .suppressed: try object.encode(Suppression.marker, forKey: PublishedTable.Key(column.key))
            case .notApplicable: try object.encodeNil(forKey: PublishedTable.Key(column.key))
            }
        }
    }
}
