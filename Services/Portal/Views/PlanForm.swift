import Foundation
import Rules

/// The plan's edit form and the plan content the intake API takes, in both directions. Field
/// names follow the API's paths (`risks[0].justification`), so a finding or a refusal lands
/// beside the field it concerns. Pure.
public enum PlanForm {
    /// How many empty rows the form offers for a new risk and a new measure.
    public static let blankRows = 1

    /// The content from the form, keeping what the form does not show (an O01 risk's name, a
    /// measure's id) from `previous`. Amounts are typed in euros and hours, stored in cents and minutes.
    public static func content(from form: FormData, previous: [String: Any]?,
                               text: (String) -> String) -> (content: [String: Any], errors: FieldErrors) {
        var errors = FieldErrors()
        let previousRisks = previous?["risks"] as? [[String: Any]] ?? []
        let previousMeasures = previous?["measures"] as? [[String: Any]] ?? []
        var card: [String: Any] = [
            "preparerName": form["card.preparerName"] ?? "",
            "situation": form["card.situation"] ?? "",
            "goal": form["card.goal"] ?? "",
        ]
        if let grade = form["card.gradeOrCourse"] {
            if let number = Int(grade), (1...12).contains(number) { card["gradeOrCourse"] = number } else {
                errors.add("card.gradeOrCourse", text("error.grade"))
            }
        }
        var risks: [[String: Any]] = []
        for index in rowIndices(form, prefix: "risks") {
            guard let code = form["risks[\(index)].code"] else { continue }
            guard RiskCode(rawValue: code) != nil else {
                errors.add("risks[\(index)].code", text("error.risk_code"))
                continue
            }
            let kept = previousRisks.first { $0["code"] as? String == code }
            var risk: [String: Any] = [
                "code": code,
                "justification": form["risks[\(index)].justification"] ?? "",
                "subjects": (form["risks[\(index)].subjects"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty },
                "howSupportHelps": form["risks[\(index)].howSupportHelps"] ?? "",
            ]
            if let level = form["risks[\(index)].level"].flatMap(RiskLevel.init(rawValue:)) { risk["level"] = level.rawValue }
            if let other = kept?["otherName"] { risk["otherName"] = other }
            risks.append(risk)
        }
        var measures: [[String: Any]] = []
        for index in rowIndices(form, prefix: "measures") {
            let path = "measures[\(index)]"
            guard let typeText = form["\(path).type"] else { continue }
            guard let type = MeasureType(rawValue: typeText) else {
                errors.add("\(path).type", text("error.measure_type"))
                continue
            }
            var measure: [String: Any] = [
                "type": type.rawValue,
                "addresses": (form["\(path).addresses"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " })
                    .map { $0.uppercased() }.filter { RiskCode(rawValue: $0) != nil },
                "providers": form.all("\(path).provider").filter { ProviderType(rawValue: $0) != nil },
                "fundedElsewhere": form["\(path).fundedElsewhere"] == "yes",
            ]
            if let id = form["\(path).id"], UUID(uuidString: id) != nil,
               previousMeasures.contains(where: { ($0["id"] as? String)?.lowercased() == id.lowercased() }) {
                measure["id"] = id.lowercased()
            }
            if type == .consultation {
                let kind = form["\(path).kind"].flatMap(ConsultationKind.init(rawValue:)) ?? .consultation
                measure["kind"] = kind.rawValue
                if kind == .holidaySupport {
                    // Both days, or neither (the rules then ask for them beside the field).
                    let start = form["\(path).holidayStart"], end = form["\(path).holidayEnd"]
                    if start != nil || end != nil {
                        if let first = start.flatMap(CalendarDate.init(iso:)), let last = end.flatMap(CalendarDate.init(iso:)) {
                            measure["holidayPeriod"] = ["start": first.iso, "end": last.iso]
                        } else {
                            errors.add("\(path).holidayPeriod", text("error.holiday_dates"))
                        }
                    }
                }
            }
            if let hours = form["\(path).hours"] {
                if let value = Double(hours.replacingOccurrences(of: ",", with: ".")), value >= 0, value <= 2000 {
                    measure["plannedMinutes"] = Int((value * 60).rounded())
                } else {
                    errors.add("\(path).plannedMinutes", text("error.hours"))
                }
            }
            if let amount = form["\(path).amount"] {
                if let cents = LatvianFormat.cents(amount) { measure["plannedAmount"] = cents } else {
                    errors.add("\(path).plannedAmount", text("error.amount"))
                }
            }
            measures.append(measure)
        }
        var content: [String: Any] = ["card": card, "risks": risks, "measures": measures]
        if let priority = form["priorityRisk"], RiskCode(rawValue: priority) != nil { content["priorityRisk"] = priority }
        if let justification = form["loadJustification"] { content["loadJustification"] = justification }
        return (content, errors)
    }

    /// Row numbers present in the form (`risks[3].code` → 3), ascending.
    static func rowIndices(_ form: FormData, prefix: String) -> [Int] {
        var found = Set<Int>()
        for name in form.values.keys where name.hasPrefix(prefix + "[") {
            let digits = name.dropFirst(prefix.count + 1).prefix { $0.isNumber }
            if let index = Int(digits), index < 100 { found.insert(index) }
        }
        return found.sorted()
    }
}
