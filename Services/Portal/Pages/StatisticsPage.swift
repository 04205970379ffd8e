import Foundation
import HTTPTypes
import Hummingbird
import PlatformClient

/// The programme's statistics for everyone the reporting service lets read them (issue #20):
/// for a semester or a school year, grouped as the person picks, each table as a bar chart drawn
/// here as SVG (no script; its text alternative names every figure) with the data table under
/// it and a CSV download. Figures are shown exactly as the service gives them: "<5" where it
/// hid one, nothing recomputed.
extension PortalApp {
    /// Who may read statistics (as the reporting service decides: `ReportingAPI.statisticsRoles`).
    static let statisticsReaders: Set<String> = ["ikvd_admin", "ikvd_expert", "finance", "municipality_coordinator", "vpii_coordinator",
                                                 "institution_head", "institution_coordinator"]

    func registerStatistics(on router: Router<BasicRequestContext>) {
        router.get("statistics", use: signedIn { request, _, visit in try await statisticsPage(request, visit) })
        router.get("statistics/download", use: signedIn { request, _, visit in
            let query = request.uri.queryParameters
            guard Self.statisticsReaders.contains(visit.role.role), let reporting = services.endpoints.reporting,
                  let period = query["period"].flatMap({ StatisticsChoice.period(String($0)) }),
                  let source = query["groupBy"].flatMap({ StatisticsChoice.source(of: String($0)) }) else {
                return serviceFailure(request, visit, 404)
            }
            let table = query["table"].map(String.init) ?? ""
            let periodQuery = "\(period.name)=\(Self.escaped(period.value))"
            let url: String
            switch source {
            case .programme(let tables):
                guard tables.contains(table) else { return serviceFailure(request, visit, 404) }
                url = reporting + "/statistics/programme.csv?\(periodQuery)&table=\(table)"
            case .grouped(let grouping): url = reporting + "/statistics.csv?\(periodQuery)&groupBy=\(grouping)"
            }
            let reply = try await services.call(visit.principal, "GET", url)
            guard reply.status == 200 else { return serviceFailure(request, visit, reply.status == 401 ? 503 : reply.status) }
            let name = "pumpurs-\(period.value.replacingOccurrences(of: "/", with: "-"))-\(table.isEmpty ? query["groupBy"].map(String.init) ?? "" : table).csv"
            var headers: HTTPFields = [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                                       .cacheControl: "no-store"]
            if let nosniff = HTTPField.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
        })
    }

    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    func statisticsPage(_ request: Request, _ visit: Visit) async throws -> Response {
        let language = visit.language
        func t(_ key: String, _ values: [String: String] = [:]) -> String { renderer.text(key, language, values) }
        guard Self.statisticsReaders.contains(visit.role.role) else {
            return message(request, "stats.title", "stats.not_for_role", status: .forbidden, language: language)
        }
        guard let reporting = services.endpoints.reporting else { return serviceFailure(request, visit, 503) }
        let query = request.uri.queryParameters
        let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        let periodText = query["period"].map(String.init) ?? StatisticsChoice.schoolYear(year: now.year ?? 2026, month: now.month ?? 1)
        let grouping = query["groupBy"].map(String.init).flatMap { StatisticsChoice.source(of: $0) == nil ? nil : $0 } ?? "region"
        var errors = FieldErrors()
        var page = layout(visit, title: t("stats.title"), path: "/statistics", notice: notice(request, language))
        var tables: [[String: Any]] = []
        if let period = StatisticsChoice.period(periodText), let source = StatisticsChoice.source(of: grouping) {
            let periodQuery = "\(period.name)=\(Self.escaped(period.value))"
            let csvBase = "/statistics/download?period=\(Self.escaped(period.value))&groupBy=\(grouping)"
            let reply: PlatformHTTP.Reply
            switch source {
            case .programme: reply = try await services.call(visit.principal, "GET", reporting + "/statistics/programme?\(periodQuery)")
            case .grouped(let by): reply = try await services.call(visit.principal, "GET", reporting + "/statistics?\(periodQuery)&groupBy=\(by)")
            }
            if reply.status == 422 {
                errors = FieldErrors.problem(reply.body, language: language).placing(allAt: "period")
            } else if reply.status != 200 {
                return serviceFailure(request, visit, reply.status == 401 ? 503 : reply.status)
            } else {
                page["hidden"] = (reply.json["suppression"] as? [String: Any])?["applied"] as? Bool ?? false
                switch source {
                case .programme(let names):
                    for table in reply.json["tables"] as? [[String: Any]] ?? [] {
                        guard let name = table["name"] as? String, names.contains(name) else { continue }
                        tables.append(programmeTable(table, csv: csvBase + "&table=\(name)", language: language))
                    }
                case .grouped:
                    if let table = (reply.json["tables"] as? [[String: Any]] ?? []).first(where: { $0["name"] as? String == "plans_by_partner_kind" }) {
                        tables.append(groupedTable(table, grouping: grouping, csv: csvBase, language: language))
                    }
                }
            }
        } else {
            errors.add("period", t("stats.period_invalid"))
        }
        page["tables"] = tables
        page["hasTables"] = !tables.isEmpty
        let fields = [
            FieldView(path: "period", label: t("stats.period"), hint: t("stats.period_hint"), value: periodText),
            FieldView(path: "groupBy", label: t("stats.group_by"), value: grouping,
                      control: .select(StatisticsChoice.groupings.map { ($0, t("stats.by_\($0)")) })),
        ]
        page["fields"] = fields.map { $0.context(errors, prefixes: prefixes(language)) }
        page.merge(ErrorSummary.context(errors, anchors: Set(fields.map(\.anchor)))) { $1 }
        return renderer.response("statistics", page, language: language, status: errors.hasErrors ? .unprocessableContent : .ok)
    }

    /// A figure as the service gave it: a number, its "<5", or a dash where it does not apply.
    static func figure(_ value: Any?) -> (text: String, number: Int?) {
        if let number = value as? Int { return (String(number), number) }
        if let text = value as? String { return (text, nil) }
        return ("—", nil)
    }

    func localized(_ value: Any?, _ language: String) -> String {
        let text = value as? [String: Any]
        return (language == "en" ? text?["en"] : text?["lv"]) as? String ?? text?["lv"] as? String ?? ""
    }

    /// One of the programme's tables: a row per region, risk, …, one column per figure; the chart draws the first column.
    func programmeTable(_ table: [String: Any], csv: String, language: String) -> [String: Any] {
        let columns = table["columns"] as? [[String: Any]] ?? []
        let keys = columns.map { $0["key"] as? String ?? "" }
        let rows = (table["rows"] as? [[String: Any]] ?? []).map { row in
            (label: row["key"] as? String == "hidden" ? renderer.text("stats.hidden_subjects", language) : localized(row["label"], language),
             figures: keys.map { Self.figure(row[$0]) })
        }
        let total = (table["total"] as? [String: Any]).map { row in keys.map { Self.figure(row[$0]).text } }
        return tableContext(name: table["name"] as? String ?? "table", title: localized(table["title"], language),
                            rowHeading: localized(table["rowHeading"], language),
                            columns: columns.map { (language == "en" ? $0["en"] : $0["lv"]) as? String ?? "" }, rows: rows, total: total,
                            csv: csv, language: language)
    }

    /// `plans_by_partner_kind` of `GET /statistics?groupBy=partner|institution`: a row per group and kind.
    func groupedTable(_ table: [String: Any], grouping: String, csv: String, language: String) -> [String: Any] {
        let rows = (table["rows"] as? [[String: Any]] ?? []).map { row in
            (label: "\(row["groupName"] as? String ?? "") (\(localized(row["categoryLabel"], language)))", figures: [Self.figure(row["plans"])])
        }
        return tableContext(name: "plans_by_\(grouping)", title: renderer.text("stats.plans_by_\(grouping)", language),
                            rowHeading: renderer.text("stats.by_\(grouping)", language), columns: [renderer.text("stats.plans", language)],
                            rows: rows, total: nil, csv: csv, language: language)
    }

    /// The chart's geometry and the table's cells. Bars for the first column (BarChart scales them).
    func tableContext(name: String, title: String, rowHeading: String, columns: [String], rows: [(label: String, figures: [(text: String, number: Int?)])],
                      total: [String]?, csv: String, language: String) -> [String: Any] {
        let barArea = 380, labelWidth = 300, rowHeight = 26, top = 8
        let lengths = BarChart.lengths(rows.map { $0.figures.first?.number }, width: barArea)
        let bars = rows.enumerated().map { index, row -> [String: Any] in
            let y = top + index * rowHeight
            return ["y": y, "textY": y + 17, "label": row.label, "width": lengths[index], "valueX": labelWidth + lengths[index] + 6,
                    "value": row.figures.first?.text ?? ""]
        }
        let description = rows.map { "\($0.label): \($0.figures.first?.text ?? "")" }.joined(separator: "; ")
        var context: [String: Any] = [
            "name": name, "title": title, "rowHeading": rowHeading, "columns": columns, "csv": csv,
            "chartTitle": renderer.text("stats.chart_of", language, ["title": title, "column": columns.first ?? ""]),
            "chartDescription": description, "bars": bars, "labelX": labelWidth - 8, "barX": labelWidth,
            "chartHeight": top * 2 + max(1, rows.count) * rowHeight, "chartWidth": labelWidth + barArea + 60,
            "rows": rows.map { ["label": $0.label, "cells": $0.figures.map(\.text)] as [String: Any] },
        ]
        if let total { context["total"] = ["cells": total] }
        return context
    }
}
