import Rules

extension RuleCase {
    /// 2019/20 I has 122 days: 34 consultations = 1.95 a week, 35 = 2.01, 52 = 2.98, 53 = 3.04.
    static func consultations(_ count: Int, justification: String? = nil) -> @Sendable (inout Fixture) -> Void {
        { fixture in
            fixture.plan.measures[0].plannedMinutes = (count - 8) * 60
            fixture.plan.loadJustification = justification
        }
    }

    static let load: [RuleCase] = [
        .plan(.loadWeeklyWarning, nil, "34 consultations in 122 days (1.95/week)", consultations(34)),
        .plan(.loadWeeklyWarning, .warning, "35 consultations (2.01/week)", consultations(35)),
        .plan(.loadWeeklyLimit, nil, "52 consultations (2.98/week)", consultations(52)),
        .plan(.loadWeeklyLimit, .error, "53 consultations (3.04/week)", consultations(53)),
        .plan(.loadWeeklyLimit, nil, "53 consultations, justified",
              consultations(53, justification: "Pirms valsts eksāmeniem skolēns pats lūdz papildu konsultācijas.")),
        .plan(.loadWeeklyWarning, .warning, "53 consultations, justified, still a warning",
              consultations(53, justification: "Pirms eksāmeniem.")),
        .plan(.loadWeeklyLimit, nil, "operator: 40-minute consultations, 34 hours = 51 consultations") {
            $0.settings.minutesPerConsultation = 40
            $0.plan.measures[0].plannedMinutes = (34 - 8) * 60
        },
        .plan(.loadWeeklyLimit, .error, "operator: 40-minute consultations, 36 hours = 54 consultations") {
            $0.settings.minutesPerConsultation = 40
            $0.plan.measures[0].plannedMinutes = (36 - 8) * 60
        },
        RuleCase(rule: .loadWeeklyWarning, outcome: nil, name: "recorded: 2 sessions in a week") {
            WeeklyLoad.check(sessions: [day("2019-10-07"), day("2019-10-13")], justification: nil, settings: .defaults)
        },
        RuleCase(rule: .loadWeeklyWarning, outcome: .warning, name: "recorded: 3 sessions in a week") {
            WeeklyLoad.check(sessions: [day("2019-10-07"), day("2019-10-09"), day("2019-10-13")],
                             justification: nil, settings: .defaults)
        },
        RuleCase(rule: .loadWeeklyLimit, outcome: .error, name: "recorded: 4 sessions in a week") {
            WeeklyLoad.check(sessions: [day("2019-10-07"), day("2019-10-08"), day("2019-10-09"), day("2019-10-10")],
                             justification: nil, settings: .defaults)
        },
        RuleCase(rule: .loadWeeklyLimit, outcome: nil, name: "recorded: 4 sessions across two weeks") {
            WeeklyLoad.check(sessions: [day("2019-10-12"), day("2019-10-13"), day("2019-10-14"), day("2019-10-15")],
                             justification: nil, settings: .defaults)
        },
    ]

    static let money: [RuleCase] = [
        RuleCase(rule: .hoursDeliveredExceedsPlanned, outcome: nil, name: "exactly the planned hours") {
            HoursRules.checkDelivery(planned: 960, alreadyDelivered: 900, recording: 60)
        },
        RuleCase(rule: .hoursDeliveredExceedsPlanned, outcome: .error, name: "one minute above planned") {
            HoursRules.checkDelivery(planned: 960, alreadyDelivered: 900, recording: 61)
        },
        RuleCase(rule: .hoursPreparerLimit, outcome: nil, name: "10 hours in a semester") {
            HoursRules.checkPreparer(alreadyRecorded: 540, recording: 60, semester: Fixture.semester, settings: .defaults)
        },
        RuleCase(rule: .hoursPreparerLimit, outcome: .error, name: "10 hours 1 minute") {
            HoursRules.checkPreparer(alreadyRecorded: 540, recording: 61, semester: Fixture.semester, settings: .defaults)
        },
        RuleCase(rule: .hoursPreparerLimit, outcome: .error, name: "6-hour limit (FAQ IAP-15) from 2020/21 I") {
            var settings = ProgrammeSettings.defaults
            settings.preparerLimits.append(MinutesFromSemester(from: SemesterRef(schoolYear: 2020, number: .first), minutes: 360))
            return HoursRules.checkPreparer(alreadyRecorded: 300, recording: 61,
                                            semester: SemesterRef(schoolYear: 2021, number: .second), settings: settings)
        },
        RuleCase(rule: .hoursPreparerLimit, outcome: nil, name: "6-hour limit does not reach back to 2019/20") {
            var settings = ProgrammeSettings.defaults
            settings.preparerLimits.append(MinutesFromSemester(from: SemesterRef(schoolYear: 2020, number: .first), minutes: 360))
            return HoursRules.checkPreparer(alreadyRecorded: 300, recording: 61, semester: Fixture.semester, settings: settings)
        },
        RuleCase(rule: .compensationCap, outcome: nil, name: "meals claim within the cap") {
            Compensation.check(claimed: 4000, measure: .meals, alreadyPaid: 3000, settings: .defaults).1
        },
        RuleCase(rule: .compensationCap, outcome: .warning, name: "meals claim reduced by the cap") {
            Compensation.check(claimed: 4000, measure: .meals, alreadyPaid: 3001, settings: .defaults).1
        },
        RuleCase(rule: .compensationCap, outcome: .error, name: "meals cap used up") {
            Compensation.check(claimed: 100, measure: .meals, alreadyPaid: 7000, settings: .defaults).1
        },
        RuleCase(rule: .compensationCap, outcome: .error, name: "consultations are not paid as compensation") {
            Compensation.check(claimed: 100, measure: .consultation, alreadyPaid: 0, settings: .defaults).1
        },
        RuleCase(rule: .payRateMissing, outcome: .error, name: "no rate set (default)") {
            StaffPay.amount(minutes: 60, role: .psychologist, settings: .defaults).failureFindings
        },
        RuleCase(rule: .payRateMissing, outcome: nil, name: "rate set") {
            var settings = ProgrammeSettings.defaults
            settings.hourlyRates[.psychologist] = 1250
            return StaffPay.amount(minutes: 60, role: .psychologist, settings: settings).failureFindings
        },
    ]
}

extension Result where Failure == Finding {
    var failureFindings: [Finding] {
        if case .failure(let finding) = self { return [finding] }
        return []
    }
}
