import Contracts
import Foundation
import Rules
import ServiceKit

/// `POST /approvals/emergencies` body. The payment exceptions' terms are optional: without
/// them the period takes the seed's shape (meals home from the start for grades 5–12 whose plan
/// of the semester the emergency starts in included meals); the seed's 2020 period gives
/// `homeMealsFrom: 2020-03-31` explicitly.
struct NewEmergency: Codable, Sendable {
    var name: String
    var reason: String
    var startsOn: CalendarDate
    var endsOn: CalendarDate?
    var scope: EmergencyScopeInput
    var homeMealsFrom: CalendarDate?
    var homeMealsLowestGrade: Int?
    var homeMealsHighestGrade: Int?
    var homeMealsPlanSemester: String?
}

/// Where, as the body gives it.
struct EmergencyScopeInput: Codable, Sendable {
    var kind: String
    var region: String?
    var municipalityId: UUID?
}

/// `POST /approvals/emergencies/{id}/resume` body: the last day (default: the declared end,
/// else today) and a comment.
struct EndEmergency: Codable, Sendable {
    var endsOn: CalendarDate?
    var comment: String?
}

/// An emergency period as the API shows it, with how many plans each outcome had.
struct EmergencyView: Codable, Sendable {
    var id: UUID
    var name: String
    var reason: String
    var startsOn: String
    var endsOn: String?
    var scope: EmergencyScopePayload
    var homeMealsFrom: String?
    var homeMealsLowestGrade: Int
    var homeMealsHighestGrade: Int
    var homeMealsPlanSemester: String?
    var declaredBy: UUID
    var declaredAt: String
    var endedBy: UUID?
    var endedAt: String?
    /// Outcome → plans, for the declaration (`paused`, `already_suspended`, `not_live`).
    var paused: [String: Int]
    /// Outcome → plans, for the end (`resumed`, `stays_suspended`, `not_live`).
    var resumed: [String: Int]
}

/// What the emergency did to one plan.
struct EmergencyPlanResult: Codable, Sendable {
    var planId: UUID
    var studentCode: String
    var institutionId: UUID
    var region: String
    /// `pause` or `resume`.
    var action: String
    /// The plan's lifecycle state then.
    var state: String
    var outcome: String
    var at: String
}

/// One emergency with a page of its per-plan results.
struct EmergencyDetail: Codable, Sendable {
    var emergency: EmergencyView
    var results: [EmergencyPlanResult]
    var total: Int
}

extension NewEmergency {
    /// The input checked, as the rules' period (422 naming the field otherwise).
    func period(settings: ProgrammeSettings) throws -> EmergencyPeriod {
        for (field, text, limit) in [("name", name, 200), ("reason", reason, 4000)]
            where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || text.count > limit {
            throw CommonProblems.invalidField(field, "emergency.\(field)_required",
                                              lv: "Norādiet \(field == "name" ? "nosaukumu" : "iemeslu") (līdz \(limit) rakstzīmēm).",
                                              en: "Give the \(field) (up to \(limit) characters).")
        }
        if let endsOn, endsOn < startsOn {
            throw CommonProblems.invalidField("endsOn", "emergency.range", lv: "Beigu datums ir pirms sākuma datuma.",
                                              en: "The end date is before the start date.")
        }
        guard let scope = EmergencyScope(kind: scope.kind, value: scope.kind == "municipality"
                                            ? scope.municipalityId?.uuidString.lowercased() : scope.region) else {
            throw CommonProblems.invalidField("scope", "emergency.scope",
                                              lv: "Darbības teritorija: national, region (ar reģionu) vai municipality (ar pašvaldību).",
                                              en: "Scope: national, region (with the region) or municipality (with the municipality).")
        }
        let lowest = homeMealsLowestGrade ?? 5, highest = homeMealsHighestGrade ?? 12
        guard (1...12).contains(lowest), (lowest...12).contains(highest) else {
            throw CommonProblems.invalidField("homeMealsHighestGrade", "emergency.grades", lv: "Klases no 1 līdz 12, zemākā ne augstāka par augstāko.",
                                              en: "Grades from 1 to 12, the lowest not above the highest.")
        }
        if let code = homeMealsPlanSemester, SemesterRef(code: code) == nil {
            throw CommonProblems.invalidField("homeMealsPlanSemester", "semester.format", lv: "Semestris jānorāda kā 2019/2020-2.",
                                              en: "Give the semester as 2019/2020-2.")
        }
        let planSemester = homeMealsPlanSemester ?? settings.semester(containing: startsOn)?.semester.code
        return EmergencyPeriod(start: startsOn, end: endsOn, scope: scope,
                               terms: EmergencyTerms(homeMealsFrom: homeMealsFrom, homeMealsLowestGrade: lowest, homeMealsHighestGrade: highest,
                                                     homeMealsPlanSemester: planSemester))
    }
}
