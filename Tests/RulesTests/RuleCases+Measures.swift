import Rules

extension RuleCase {
    /// Adds a money measure for a new E01 risk (hard to get to school).
    static func addMoney(_ fixture: inout Fixture, _ type: MeasureType, _ cents: Int64?, fundedElsewhere: Bool = false) {
        if !fixture.plan.risks.contains(where: { $0.code == .E01 }) {
            fixture.plan.risks.append(IdentifiedRisk(code: .E01, justification: Fixture.concrete))
        }
        fixture.plan.measures.append(PlannedMeasure(type: type, addresses: [.E01], plannedAmount: cents.map { Cents($0) },
                                                    fundedElsewhere: fundedElsewhere))
    }

    static func vocational(_ fixture: inout Fixture) {
        fixture.context.institution = InstitutionProfile(id: "inst-rigas-72", kind: .vocational, founder: .state)
        fixture.plan.general.gradeOrCourse = 2
    }

    static let measures: [RuleCase] = [
        .plan(.measureAddressesRequired, nil, "addresses a plan risk") { _ in },
        .plan(.measureAddressesRequired, .error, "addresses nothing") { $0.plan.measures[0].addresses = [] },
        .plan(.measureAddressesRequired, .error, "addresses a risk not in the plan") { $0.plan.measures[0].addresses = [.L02, .S05] },
        .plan(.measureDuplicate, nil, "two consultations are fine") { _ in },
        .plan(.measureDuplicate, .error, "meals twice") {
            addMoney(&$0, .meals, 3000)
            addMoney(&$0, .meals, 3000)
        },
        .plan(.measureKindRequired, nil, "kind given") { _ in },
        .plan(.measureKindRequired, .error, "kind missing") { $0.plan.measures[0].kind = nil },
        .plan(.measureProvidersRequired, nil, "providers given") { _ in },
        .plan(.measureProvidersRequired, .error, "no providers") { $0.plan.measures[1].providers = [] },
        .plan(.measureHoursRequired, nil, "hours given") { _ in },
        .plan(.measureHoursRequired, .error, "hours missing") { $0.plan.measures[0].plannedMinutes = nil },
        .plan(.measureHoursRequired, .error, "zero hours") { $0.plan.measures[0].plannedMinutes = 0 },
        .plan(.measureHoursLimit, nil, "every minute of 1 Sept – 31 Dec (122 days)") {
            $0.plan.loadJustification = "Pirms eksāmeniem skolēnam vajag konsultācijas katru dienu, to apstiprina audzinātāja."
            $0.plan.measures[0].plannedMinutes = 122 * 24 * 60
        },
        .plan(.measureHoursLimit, .error, "one minute more than the semester has") {
            $0.plan.loadJustification = "Pirms eksāmeniem skolēnam vajag konsultācijas katru dienu, to apstiprina audzinātāja."
            $0.plan.measures[0].plannedMinutes = 122 * 24 * 60 + 1
        },
        .plan(.measureHoursLimit, .error, "3,000,000,000 minutes (broke reporting's integer column)") {
            $0.plan.loadJustification = "Pirms eksāmeniem skolēnam vajag konsultācijas katru dienu, to apstiprina audzinātāja."
            $0.plan.measures[0].plannedMinutes = 3_000_000_000
        },
        .plan(.measureHoursLimit, .error, "a calendar semester of ten years still bounds at 366 days") {
            $0.settings.semesters = [SemesterDates(semester: Fixture.semester, start: day("2019-09-01"), end: day("2029-08-31"))]
            $0.plan.loadJustification = "Pirms eksāmeniem skolēnam vajag konsultācijas katru dienu, to apstiprina audzinātāja."
            $0.plan.measures[0].plannedMinutes = 366 * 24 * 60 + 1
        },
        .plan(.measureAmountLimit, nil, "meals at the ceiling without a cap") {
            $0.settings.caps[.meals] = nil
            addMoney(&$0, .meals, 1_000_000)
        },
        .plan(.measureAmountLimit, .error, "meals above the ceiling without a cap") {
            $0.settings.caps[.meals] = nil
            addMoney(&$0, .meals, 1_000_001)
        },
        .plan(.measureAmountLimit, .error, "an operator's absurd cap does not lift the ceiling") {
            $0.settings.caps[.meals] = CompensationCap(amount: Cents(Int64.max), period: .month)
            addMoney(&$0, .meals, Int64.max / 2)
        },
        .plan(.measureAmountRequired, nil, "meals with an amount") { addMoney(&$0, .meals, 5000) },
        .plan(.measureAmountRequired, .error, "meals without an amount") { addMoney(&$0, .meals, nil) },
        .plan(.measureFundedElsewhere, nil, "meals not funded elsewhere") { addMoney(&$0, .meals, 5000) },
        .plan(.measureFundedElsewhere, .error, "meals funded by the municipality") {
            addMoney(&$0, .meals, 5000, fundedElsewhere: true)
        },
        .plan(.measureFundedElsewhere, .error, "consultation funded by the state budget") {
            $0.plan.measures[0].fundedElsewhere = true
        },
        .plan(.measureFundedElsewhere, .error, "special transport funded by the municipality") {
            $0.context.documentsOnFile = [.disabilityCertificate]
            addMoney(&$0, .specialTransport, 2000, fundedElsewhere: true)
        },
        .plan(.measureHolidayPeriodRequired, nil, "crisis support is funded like any consultation") {
            $0.plan.measures[1].kind = .crisisSupport
        },
        .plan(.measureHolidayPeriodRequired, nil, "holiday support with its dates") {
            $0.plan.measures[1].kind = .holidaySupport
            $0.plan.measures[1].holidayPeriod = DatePeriod(start: day("2019-10-28"), end: day("2019-11-01"))
        },
        .plan(.measureHolidayPeriodRequired, .error, "holiday support without dates") { $0.plan.measures[1].kind = .holidaySupport },
        .plan(.measureHolidayPeriodInSemester, nil, "holiday dates inside the semester") {
            $0.plan.measures[1].kind = .holidaySupport
            $0.plan.measures[1].holidayPeriod = DatePeriod(start: day("2019-12-23"), end: day("2019-12-31"))
        },
        .plan(.measureHolidayPeriodInSemester, .error, "holiday dates in the summer after the semester") {
            $0.plan.measures[1].kind = .holidaySupport
            $0.plan.measures[1].holidayPeriod = DatePeriod(start: day("2020-06-15"), end: day("2020-06-30"))
        },
        .plan(.measureHolidayPeriodInSemester, .error, "holiday's last day before its first") {
            $0.plan.measures[1].kind = .holidaySupport
            $0.plan.measures[1].holidayPeriod = DatePeriod(start: day("2019-11-01"), end: day("2019-10-28"))
        },
        .plan(.eligibilityCityTransport, .error, "general education") { addMoney(&$0, .transportCity, 2000) },
        .plan(.eligibilityCityTransport, nil, "vocational institution") {
            vocational(&$0)
            addMoney(&$0, .transportCity, 2000)
        },
        .plan(.eligibilityCityTransport, nil, "vocational programme in a general school (seed 002)") {
            $0.plan.general.programmeKind = .vocational
            $0.plan.general.gradeOrCourse = 1
            addMoney(&$0, .transportCity, 2000)
        },
        .plan(.eligibilityLearningMaterials, .error, "general education, low-income") {
            $0.context.documentsOnFile = [.lowIncomeCertificate]
            addMoney(&$0, .learningMaterials, 3000)
        },
        .plan(.eligibilityLearningMaterials, nil, "vocational, low-income") {
            vocational(&$0)
            $0.context.documentsOnFile = [.lowIncomeCertificate]
            addMoney(&$0, .learningMaterials, 3000)
        },
        .plan(.eligibilityLearningMaterials, nil, "vocational, 17, no 8.5.1 support") {
            vocational(&$0)
            $0.context.studentBirthDate = day("2002-08-31")
            $0.context.documentsOnFile = [.no851SupportStatement]
            addMoney(&$0, .learningMaterials, 3000)
        },
        .plan(.eligibilityLearningMaterials, .error, "vocational, 16, no 8.5.1 support") {
            vocational(&$0)
            $0.context.studentBirthDate = day("2002-09-02")
            $0.context.documentsOnFile = [.no851SupportStatement]
            addMoney(&$0, .learningMaterials, 3000)
        },
        .plan(.eligibilityLearningMaterials, .error, "vocational, 17, no statement") {
            vocational(&$0)
            $0.context.studentBirthDate = day("2002-01-01")
            addMoney(&$0, .learningMaterials, 3000)
        },
        .plan(.eligibilityPersonalItems, nil, "low-income family (any age)") {
            $0.context.documentsOnFile = [.lowIncomeCertificate]
            addMoney(&$0, .personalItems, 2000)
        },
        .plan(.eligibilityPersonalItems, nil, "needy, 18") {
            $0.context.studentBirthDate = day("2001-09-01")
            $0.context.consent?.signer = .student
            $0.context.documentsOnFile = [.needyCertificate]
            addMoney(&$0, .personalItems, 2000)
        },
        .plan(.eligibilityPersonalItems, .error, "needy, 17") {
            $0.context.studentBirthDate = day("2001-09-02")
            $0.context.documentsOnFile = [.needyCertificate]
            addMoney(&$0, .personalItems, 2000)
        },
        .plan(.eligibilityPersonalItems, .error, "no certificate") { addMoney(&$0, .personalItems, 2000) },
        .plan(.eligibilitySpecialTransport, .error, "no disability certificate") { addMoney(&$0, .specialTransport, 2000) },
        .plan(.eligibilitySpecialTransport, nil, "with disability certificate") {
            $0.context.documentsOnFile = [.disabilityCertificate]
            addMoney(&$0, .specialTransport, 2000)
        },
        .plan(.esfOverlap, nil, "other ESF project, other measures") {
            $0.context.otherESFSupport = [OtherESFSupport(project: "8.3.5 karjeras atbalsts", measures: [.lodging])]
            addMoney(&$0, .meals, 5000)
        },
        .plan(.esfOverlap, .error, "meals from another ESF project too") {
            $0.context.otherESFSupport = [OtherESFSupport(project: "8.3.5 karjeras atbalsts", measures: [.meals])]
            addMoney(&$0, .meals, 5000)
        },
    ]

    /// Caps at, just under and just above their limits (seed 003, DOMAIN.md §5).
    static let caps: [RuleCase] = {
        let monthly: [(MeasureType, Int64)] = [
            (.transportIntercity, 3000), (.lodging, 3500), (.meals, 7000), (.specialTransport, 3000),
        ]
        var cases: [RuleCase] = []
        for (type, cap) in monthly {
            for (amount, outcome) in [(cap - 1, Severity?.none), (cap, nil), (cap + 1, .error)] {
                cases.append(.plan(.capMonthly, outcome, "\(type.rawValue) \(amount) cents a month") {
                    $0.context.documentsOnFile = [.disabilityCertificate]
                    addMoney(&$0, type, amount)
                })
            }
        }
        cases.append(.plan(.capMonthly, .error, "city transport 30.01 EUR a month") {
            vocational(&$0)
            addMoney(&$0, .transportCity, 3001)
        })
        cases.append(.plan(.capMonthly, nil, "operator raised the meals cap") {
            $0.settings.caps[.meals] = CompensationCap(amount: .euros(80), period: .month)
            addMoney(&$0, .meals, 8000)
        })
        for (amount, outcome) in [(Int64(2499), Severity?.none), (2500, nil), (2501, .error)] {
            cases.append(.plan(.capSemester, outcome, "personal items \(amount) cents a semester") {
                $0.context.documentsOnFile = [.lowIncomeCertificate]
                addMoney(&$0, .personalItems, amount)
            })
        }
        for (amount, outcome) in [(Int64(5000), Severity?.none), (5001, .error)] {
            cases.append(.plan(.capSemester, outcome, "learning materials \(amount) cents a semester") {
                vocational(&$0)
                $0.context.documentsOnFile = [.lowIncomeCertificate]
                addMoney(&$0, .learningMaterials, amount)
            })
        }
        return cases
    }()
}
