import Foundation
import Rules

/// The youth-project conditions as pure functions: facts in, findings out (no clock, no IO), so
/// each condition is tested on its own and the service only gathers the facts.
enum YouthProjectRules {
    /// What an application declares, as the rules see it. Counts only: the programme never learns
    /// which students take part.
    struct Application: Sendable, Hashable {
        var receivedOn: CalendarDate
        var worksWithYouth: Bool
        var requestedCents: Int64
        var startsOn: CalendarDate
        var endsOn: CalendarDate
        var participantsPlanned: Int
        var atRiskParticipants: Int
        var nonFormalMethods: String
        var planAlignment: String
    }

    /// The competition's call period.
    struct Call: Sendable, Hashable {
        var opensOn: CalendarDate
        var closesOn: CalendarDate
    }

    /// Shortest description that says something (a word or two is not a method).
    static let minDescription = 20

    /// Every condition of the seeds on one application, in a fixed order (one finding per rule at most).
    static func check(_ application: Application, call: Call, terms: YouthProjectTerms = .seed) -> [YouthFinding] {
        var findings: [YouthFinding] = []
        if !application.worksWithYouth {
            findings.append(.error(.applicantWorksWithYouth, "organisation.worksWithYouth",
                                   lv: "Iesniedzējam jābūt jaunatnes NVO vai NVO, kas veic darbu ar jaunatni.",
                                   en: "The applicant must be a youth NGO or an NGO that works with young people."))
        }
        if application.receivedOn < call.opensOn || application.receivedOn > call.closesOn {
            findings.append(.error(.callPeriod, "receivedOn",
                                   lv: "Pieteikums saņemts ārpus konkursa termiņa (\(call.opensOn.iso)–\(call.closesOn.iso)).",
                                   en: "The application was received outside the call period (\(call.opensOn.iso)–\(call.closesOn.iso))."))
        }
        if application.requestedCents > terms.maxAwardCents {
            findings.append(.error(.amountLimit, "requestedCents",
                                   lv: "Projektam var pieprasīt līdz \(euros(terms.maxAwardCents)) EUR.",
                                   en: "A project may request up to EUR \(euros(terms.maxAwardCents))."))
        }
        if let finding = duration(from: application.startsOn, to: application.endsOn, terms: terms) { findings.append(finding) }
        if let finding = atRiskShare(planned: application.participantsPlanned, atRisk: application.atRiskParticipants, terms: terms) {
            findings.append(finding)
        }
        if described(application.nonFormalMethods) < minDescription {
            findings.append(.error(.nonFormalMethods, "nonFormalMethods",
                                   lv: "Aprakstiet neformālās izglītības principus un metodes, ar kādām projektu īstenos (vismaz \(minDescription) rakstzīmes).",
                                   en: "Describe the non-formal education principles and methods the project uses (at least \(minDescription) characters)."))
        }
        if described(application.planAlignment) < minDescription {
            findings.append(.error(.planAlignment, "planAlignment",
                                   lv: "Norādiet, kā projekts atbilst partnera vidēja termiņa plānam PMP samazināšanai (vismaz \(minDescription) rakstzīmes).",
                                   en: "State how the project follows the partner's medium-term plan for reducing early school leaving (at least \(minDescription) characters)."))
        }
        return findings
    }

    /// 3–18 months, counted as calendar months from the first day: a project from 1 March runs
    /// three months if it ends on 31 May or later, and at most eighteen if it ends by 31 August of
    /// the next year.
    static func duration(from start: CalendarDate, to end: CalendarDate, terms: YouthProjectTerms = .seed) -> YouthFinding? {
        let shortest = start.addingMonths(terms.minMonths)?.adding(days: -1)
        let longest = start.addingMonths(terms.maxMonths)?.adding(days: -1)
        if let shortest, let longest, end >= shortest, end <= longest { return nil }
        let range = "\(shortest?.iso ?? "?")–\(longest?.iso ?? "?")"
        return .error(.duration, "endsOn",
                      lv: "Projekta īstenošanas termiņš: \(terms.minMonths)–\(terms.maxMonths) mēneši (beigu datums \(range)).",
                      en: "The project runs \(terms.minMonths)–\(terms.maxMonths) months (an end date in \(range)).")
    }

    /// At least `minAtRiskPercent` % of the planned participants are at risk, in whole people
    /// (10 % of 25 is 2.5: three are needed), and never more at risk than take part.
    static func atRiskShare(planned: Int, atRisk: Int, terms: YouthProjectTerms = .seed) -> YouthFinding? {
        guard planned > 0, atRisk <= planned else {
            return .error(.atRiskShare, "atRiskParticipants",
                          lv: "Dalībnieku skaitam jābūt lielākam par nulli, un riska grupas dalībnieku nevar būt vairāk nekā visu dalībnieku.",
                          en: "There must be participants, and no more of them at risk than take part.")
        }
        guard atRisk * 100 >= planned * terms.minAtRiskPercent else {
            let needed = (planned * terms.minAtRiskPercent + 99) / 100
            return .error(.atRiskShare, "atRiskParticipants",
                          lv: "Vismaz \(terms.minAtRiskPercent) % dalībnieku jābūt PMP riska izglītojamajiem: no \(planned) vismaz \(needed).",
                          en: "At least \(terms.minAtRiskPercent) % of the participants must be students at risk: at least \(needed) of \(planned).")
        }
        return nil
    }

    /// An award: no error on the application, at most what was requested and the per-project
    /// maximum, and the competition's awards (this one included) within its budget.
    static func award(_ awardCents: Int64, requested: Int64, applicationFindings: [YouthFinding], budgetCents: Int64,
                      alreadyAwardedCents: Int64, terms: YouthProjectTerms = .seed) -> [YouthFinding] {
        var findings = applicationFindings.filter { $0.severity == .error }
        if awardCents < 1 || awardCents > requested || awardCents > terms.maxAwardCents {
            findings.append(.error(.awardAmount, "awardedCents",
                                   lv: "Piešķirtā summa: no 0,01 EUR līdz pieprasītajai (\(euros(requested)) EUR), ne vairāk par \(euros(terms.maxAwardCents)) EUR.",
                                   en: "The award: from EUR 0.01 up to the amount requested (EUR \(euros(requested))), at most EUR \(euros(terms.maxAwardCents))."))
        }
        if alreadyAwardedCents + awardCents > budgetCents {
            let left = max(0, budgetCents - alreadyAwardedCents)
            findings.append(.error(.competitionBudget, "awardedCents",
                                   lv: "Konkursa budžetā atlikuši \(euros(left)) EUR (budžets \(euros(budgetCents)) EUR).",
                                   en: "The competition's budget has EUR \(euros(left)) left (budget EUR \(euros(budgetCents)))."))
        }
        return findings
    }

    /// A payment of an awarded project: nothing after the final payment, and all payments that
    /// stand (not reversed) together at most the award.
    static func payment(_ amountCents: Int64, final isFinal: Bool, awardedCents: Int64, paidCents: Int64,
                        finalPaid: Bool) -> [YouthFinding] {
        var findings: [YouthFinding] = []
        if finalPaid {
            findings.append(.error(.paymentAfterFinal, "instalment",
                                   lv: "Projektam jau veikts noslēguma maksājums: vairāk maksājumu nav.",
                                   en: "The project's final payment has been made: there are no more payments."))
        }
        if amountCents < 1 || paidCents + amountCents > awardedCents {
            findings.append(.error(.paymentAboveAward, "amountCents",
                                   lv: "Maksājumi kopā nedrīkst pārsniegt piešķirto summu: atlikuši \(euros(max(0, awardedCents - paidCents))) EUR.",
                                   en: "Payments together may not exceed the award: EUR \(euros(max(0, awardedCents - paidCents))) left."))
        }
        return findings
    }

    /// `4600.00` from cents (integer arithmetic, no floating point).
    static func euros(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let value = cents.magnitude
        let rest = value % 100
        return "\(sign)\(value / 100).\(rest < 10 ? "0" : "")\(rest)"
    }

    private static func described(_ text: String) -> Int {
        text.trimmingCharacters(in: .whitespacesAndNewlines).count
    }
}

extension CalendarDate {
    /// The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb).
    func addingMonths(_ months: Int) -> CalendarDate? {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12, newMonth = index % 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))
    }
}
