import HTTPTypes
import ServiceKit

/// The reporting API's own problems (Latvian first, English too; field and rule named).
enum ReportingProblems {
    /// 409 (403 for someone confirming their own report) with the rule that refused the action.
    static func refused(_ refusal: ReportRefusal) -> ProblemDetails {
        if refusal.rule == "report.own_report" {
            return ProblemDetails(status: .forbidden, type: "urn:pumpurs:problem:own-report",
                                  title: "Savu atskaiti apstiprināt nevar / You cannot confirm your own report",
                                  errors: [.init(field: refusal.field, rule: refusal.rule, message: refusal.lv, messageEn: refusal.en)])
        }
        return CommonProblems.conflict(refusal.rule, field: refusal.field, lv: refusal.lv, en: refusal.en)
    }

    /// 422 listing every broken report rule.
    static func rules(_ errors: [ProblemDetails.FieldError]) -> ProblemDetails {
        ProblemDetails(status: .unprocessableContent, type: "urn:pumpurs:problem:report-rules",
                       title: "Atskaite neatbilst noteikumiem / The report breaks the rules",
                       detail: errors.map { "\($0.field): \($0.message) / \($0.messageEn)" }.joined(separator: "; "), errors: errors)
    }

    static let semester = CommonProblems.invalidField("semester", "statistics.semester", lv: "Semestris: GGGG/GGGG-N, piem., 2022/2023-1.",
                                                      en: "Semester: YYYY/YYYY-N, e.g. 2022/2023-1.")
    static let schoolYear = CommonProblems.invalidField("schoolYear", "statistics.school_year", lv: "Mācību gads: GGGG/GGGG, piem., 2022/2023.",
                                                        en: "School year: YYYY/YYYY, e.g. 2022/2023.")
    static let period = CommonProblems.invalidField("schoolYear", "statistics.period", lv: "Norādiet vai nu semestri, vai mācību gadu, ne abus.",
                                                    en: "Give either a semester or a school year, not both.")
    static let periodRequired = CommonProblems.invalidField("semester", "statistics.period_required",
                                                            lv: "Norādiet periodu: semestri (piem., 2022/2023-1) vai mācību gadu (piem., 2022/2023).",
                                                            en: "Give a period: a semester (e.g. 2022/2023-1) or a school year (e.g. 2022/2023).")
    static let groupBy = CommonProblems.invalidField("groupBy", "statistics.group_by",
                                                     lv: "groupBy: total, region, partner, institution_type vai institution.",
                                                     en: "groupBy: total, region, partner, institution_type or institution.")
    static let table = CommonProblems.invalidField("table", "statistics.table",
                                                   lv: "table: \(ProgrammeStatistics.tableNames.joined(separator: ", ")).",
                                                   en: "table: \(ProgrammeStatistics.tableNames.joined(separator: ", ")).")
    static let tableRequired = CommonProblems.invalidField("table", "statistics.table_required",
                                                           lv: "CSV ir viena tabula: norādiet table (piem., plans_by_region).",
                                                           en: "A CSV holds one table: give table (e.g. plans_by_region).")
    static let state = CommonProblems.invalidField("state", "report.state", lv: "state: not_started, draft, submitted vai confirmed.",
                                                   en: "state: not_started, draft, submitted or confirmed.")
}
