import Auth
import Foundation
import Rules
import ServiceKit

/// The statistics as the API returns them (JSON, and the same figures as CSV): every table as
/// the caller may see it.
struct StatisticsDocument: Encodable, Sendable {
    struct SuppressionInfo: Encodable, Sendable {
        var applied: Bool
        var threshold: Int
        var marker: String
    }

    var semester: String?
    var schoolYear: String?
    var groupBy: String
    var scope: String
    var suppression: SuppressionInfo
    var tables: [PublishedTable]

    /// The document for `plans` (every plan of the request's school year) as `principal` may see it.
    init(_ request: StatisticsRequest, plans: [PlanFacts], for principal: Principal) {
        let suppress = Suppression.applies(to: principal.role)
        semester = request.semester
        schoolYear = request.schoolYear
        groupBy = request.grouping.rawValue
        scope = Self.scopeText(principal.scope)
        suppression = SuppressionInfo(applied: suppress, threshold: Suppression.threshold, marker: Suppression.marker)
        let slice = StatisticsSlice(request.period, request.grouping)
        tables = PublishedStatistics.slice(slice, plans: plans, suppress: suppress).map { table in
            var published = table
            // With one group the totals repeat the rows.
            if request.grouping == .total { published.totals = [] }
            return published
        }
    }

    /// The caller's scope as the documents name it.
    static func scopeText(_ scope: Scope) -> String {
        switch scope {
        case .national: "national"
        case .region(let name): "region:\(name)"
        case .municipality(let id): "municipality:\(id.uuidString.lowercased())"
        case .institution(let id): "institution:\(id.uuidString.lowercased())"
        }
    }

    /// The CSV columns, in order.
    static let csvColumns = ["semester", "school_year", "group_by", "table", "group_key", "group_name", "category", "column", "value"]

    /// RFC 4180 CSV, one record per figure (long format: pivot it in a spreadsheet), group rows
    /// first and then the totals (group key `total`) of each table. Hidden figures are `<5`; a
    /// column that does not apply to a row is an empty field.
    var csv: String {
        var out = CSVText.header(Self.csvColumns)
        for table in tables {
            for row in table.rows + table.totals {
                for (column, cell) in zip(table.columns, row.cells) {
                    out += CSVText.row([
                        .text(semester ?? ""), .text(schoolYear ?? ""), .text(groupBy), .text(table.name), .text(row.group.key),
                        .text(row.group.name), .text(row.category), .text(column), .number(cell.csvText),
                    ])
                }
            }
        }
        return out
    }

    enum CodingKeys: String, CodingKey { case semester, schoolYear, groupBy, scope, suppression, tables }
}

extension PublishedCell {
    /// The figure as CSV text: the number, `<5`, or empty.
    var csvText: String {
        switch self {
        case .value(let value): String(value)
        case .suppressed: Suppression.marker
        case .notApplicable: ""
        }
    }
}

extension PublishedTable: Encodable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `{name, category, columns, rows, totals}`; each row `{groupKey, groupName, category,
    /// categoryLabel?, <column>: number | "<5" | null}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(name, forKey: Key("name"))
        try container.encode(categoryName, forKey: Key("category"))
        try container.encode(columns, forKey: Key("columns"))
        var rowsContainer = container.nestedUnkeyedContainer(forKey: Key("rows"))
        for row in rows { try encode(row, into: &rowsContainer) }
        if !totals.isEmpty {
            var totalsContainer = container.nestedUnkeyedContainer(forKey: Key("totals"))
            for row in totals { try encode(row, into: &totalsContainer) }
        }
    }

    private func encode(_ row: PublishedRow, into container: inout any UnkeyedEncodingContainer) throws {
        var object = container.nestedContainer(keyedBy: Key.self)
        try object.encode(row.group.key, forKey: Key("groupKey"))
        try object.encode(row.group.name, forKey: Key("groupName"))
        try object.encode(row.category, forKey: Key("category"))
        if let label = CategoryLabels.label(categoryName, row.category) { try object.encode(label, forKey: Key("categoryLabel")) }
        for (column, cell) in zip(columns, row.cells) {
            switch cell {
            case .value(let value): try object.encode(value, forKey: Key(column))
            case .suppressed: try object.encode(Suppression.marker, forKey: Key(column))
            case .notApplicable: try object.encodeNil(forKey: Key(column))
            }
        }
    }
}

/// Names of the categories the catalogue knows (subjects are shown as written).
enum CategoryLabels {
    static func label(_ categoryName: String, _ code: String) -> LocalizedText? {
        switch categoryName {
        case "status": PlanState(rawValue: code)?.label
        case "risk": RiskCode(rawValue: code)?.label
        case "riskGroup": RiskGroup(rawValue: code)?.label
        case "measure":
            code == "staff_pay" ? LocalizedText(lv: "Darbinieku atlīdzība", en: "Staff pay") : MeasureType(rawValue: code)?.label
        case "provider": ProviderType(rawValue: code)?.label
        case "partnerKind":
            switch code {
            case "municipality": LocalizedText(lv: "Pašvaldību izglītības iestādes", en: "Municipal institutions")
            case "vpii": LocalizedText(lv: "Valsts profesionālās izglītības iestādes (VPII)", en: "State vocational institutions (VPII)")
            default: LocalizedText(lv: "Nezināms", en: "Unknown")
            }
        case "subject":
            code == Suppression.hiddenCategory ? LocalizedText(lv: "Slēpti priekšmeti (<5)", en: "Hidden subjects (<5)") : nil
        case "work":
            switch code {
            case "consultation": LocalizedText(lv: "Konsultācijas", en: "Consultations")
            case "preparer": LocalizedText(lv: "IAP sagatavotāja darbs", en: "Preparer's work")
            default: nil
            }
        default: nil
        }
    }
}
