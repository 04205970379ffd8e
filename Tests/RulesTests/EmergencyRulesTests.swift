import Rules
import Testing

/// Seed 004's emergency rules as pure functions: the pause of a plan, the remote-only
/// consultation rule and the two payment exceptions, with the seed's March 2020 terms and with
/// other terms (the dates are data of the period, not constants).
@Suite("Emergency rules (seed 004)")
struct EmergencyRulesTests {
    static let riga = "11111111-1111-1111-1111-111111111111"
    static let ludza = "22222222-2222-2222-2222-222222222222"
    /// The seed's period: national, from 13 March 2020, open-ended, seed terms.
    static let march2020 = EmergencyPeriod(start: day("2020-03-13"), end: nil, scope: .national, terms: .seed)

    @Test("pausing keeps the lifecycle state and tells live, suspended and ended plans apart", arguments: PlanState.allCases)
    func pause(state: PlanState) {
        let expected: EmergencyPause.Outcome = state == .suspended ? .alreadySuspended
            : PlanLifecycle.activeStates.contains(state) ? .paused : .notLive
        #expect(EmergencyPause.pause(state) == expected)
    }

    @Test("named cases of pause and resume", arguments: [
        (PlanState.inImplementation, EmergencyPause.Outcome.paused, EmergencyPause.ResumeOutcome.resumed),
        (.awaitingIKVD, .paused, .resumed),
        (.suspended, .alreadySuspended, .staysSuspended),
        (.draft, .notLive, .notLive),
        (.closed, .notLive, .notLive),
        (.deleted, .notLive, .notLive),
    ])
    func named(state: PlanState, pause: EmergencyPause.Outcome, resume: EmergencyPause.ResumeOutcome) {
        #expect(EmergencyPause.pause(state) == pause)
        #expect(EmergencyPause.resume(state) == resume)
    }

    @Test("scope: national covers all, a region its institutions, a municipality its own (never a VPII)")
    func scope() {
        #expect(EmergencyScope.national.covers(region: "Kurzeme", municipalityId: nil))
        #expect(EmergencyScope.region("Latgale").covers(region: "Latgale", municipalityId: Self.ludza))
        #expect(!EmergencyScope.region("Latgale").covers(region: "Rīga", municipalityId: Self.riga))
        #expect(EmergencyScope.municipality(Self.ludza).covers(region: "Latgale", municipalityId: Self.ludza.uppercased()))
        #expect(!EmergencyScope.municipality(Self.ludza).covers(region: "Latgale", municipalityId: nil))
        #expect(EmergencyScope(kind: "region", value: " ") == nil)
        #expect(EmergencyScope(kind: "municipality", value: Self.ludza) == .municipality(Self.ludza))
    }

    @Test("only remote consultations inside the period and scope", arguments: [
        ("2020-03-12", false, "Latgale", true),   // the day before: on site is fine
        ("2020-03-13", false, "Latgale", false),  // first day: on site refused
        ("2020-03-13", true, "Latgale", true),    // remote accepted
        ("2020-05-31", false, "Latgale", false),  // last day included
        ("2020-06-01", false, "Latgale", true),   // after the end
        ("2020-04-01", false, "Rīga", true),      // outside the region
    ])
    func consultations(date: String, remote: Bool, region: String, accepted: Bool) {
        let period = EmergencyPeriod(start: day("2020-03-13"), end: day("2020-05-31"), scope: .region("Latgale"), terms: .seed)
        let finding = EmergencyConsultations.check(day: day(date), remote: remote, region: region, municipalityId: Self.ludza, periods: [period])
        #expect((finding == nil) == accepted)
        if let finding {
            #expect(finding.rule == .consultationRemoteOnly && finding.severity == .error && finding.path == "remote")
            #expect(finding.message.lv.contains("attālināti") && finding.message.en.contains("remote"))
        }
    }

    static func general(grade: Int? = 7, semester: String = "2019/2020-2", measures: Set<MeasureType> = [.meals, .consultation],
                        submitted: String = "2020-02-01") -> EmergencyPayments.Plan {
        EmergencyPayments.Plan(institutionKind: .general, gradeOrCourse: grade, semester: semester, measures: measures,
                               firstSubmittedOn: day(submitted))
    }

    static func vocational(measures: Set<MeasureType> = [.transportIntercity, .lodging, .meals], submitted: String? = "2020-02-10")
        -> EmergencyPayments.Plan {
        EmergencyPayments.Plan(institutionKind: .vocational, gradeOrCourse: 2, semester: "2019/2020-2", measures: measures,
                               firstSubmittedOn: submitted.map(day))
    }

    static func month(_ measure: MeasureType, _ first: String, _ last: String, home: Bool = false, placement: Bool = false) -> EmergencyPayments.Claim {
        EmergencyPayments.Claim(measure: measure, from: day(first), to: day(last), deliveredHome: home, onPlacement: placement)
    }

    /// (case, claim, plan, expected rule or nil for "outside", paid?)
    static let paymentCases: [(String, EmergencyPayments.Claim, EmergencyPayments.Plan, EmergencyRule?, Bool)] = [
        ("February claim: outside the period", month(.meals, "2020-02-01", "2020-02-29"), general(), nil, false),
        ("meals home in April, grade 7, meals planned", month(.meals, "2020-04-01", "2020-04-30", home: true), general(), .mealsDeliveredHome, true),
        ("meals home in March reaches 31 March", month(.meals, "2020-03-01", "2020-03-31", home: true), general(), .mealsDeliveredHome, true),
        ("meals home for 13–30 March only", month(.meals, "2020-03-13", "2020-03-30", home: true), general(), .mealsDeliveredHome, false),
        ("meals home, grade 4", month(.meals, "2020-04-01", "2020-04-30", home: true), general(grade: 4), .mealsDeliveredHome, false),
        ("meals home, grade unknown", month(.meals, "2020-04-01", "2020-04-30", home: true), general(grade: nil), .mealsDeliveredHome, false),
        ("meals home, meals not in the plan", month(.meals, "2020-04-01", "2020-04-30", home: true), general(measures: [.consultation]),
         .mealsDeliveredHome, false),
        ("meals home, a plan of another semester", month(.meals, "2020-04-01", "2020-04-30", home: true), general(semester: "2020/2021-1"),
         .mealsDeliveredHome, false),
        ("meals not delivered home", month(.meals, "2020-04-01", "2020-04-30"), general(), .claimPaused, false),
        ("transport of a general student", month(.transportIntercity, "2020-04-01", "2020-04-30", placement: true), general(), .claimPaused, false),
        ("placement transport, plan before", month(.transportIntercity, "2020-04-01", "2020-04-30", placement: true), vocational(),
         .placementSupportKept, true),
        ("placement lodging, plan before", month(.lodging, "2020-04-01", "2020-04-30", placement: true), vocational(), .placementSupportKept, true),
        ("placement meals, plan on the first day", month(.meals, "2020-04-01", "2020-04-30", placement: true), vocational(submitted: "2020-03-13"),
         .placementSupportKept, false),
        ("placement, submission date unknown", month(.lodging, "2020-04-01", "2020-04-30", placement: true), vocational(submitted: nil),
         .placementSupportKept, false),
        ("placement, personal items", month(.personalItems, "2020-04-01", "2020-04-30", placement: true),
         vocational(measures: [.personalItems, .lodging]), .placementSupportKept, false),
        ("placement lodging not in the plan", month(.lodging, "2020-04-01", "2020-04-30", placement: true), vocational(measures: [.meals]),
         .placementSupportKept, false),
        ("vocational, not on placement", month(.lodging, "2020-04-01", "2020-04-30"), vocational(), .claimPaused, false),
    ]

    @Test("the seed's two payment exceptions", arguments: paymentCases)
    func payments(name: String, claim: EmergencyPayments.Claim, plan: EmergencyPayments.Plan, rule: EmergencyRule?, paid: Bool) {
        let verdict = EmergencyPayments.decide(claim, plan: plan, period: Self.march2020)
        #expect(verdict.finding?.rule == rule, "\(name): \(verdict)")
        if case .paid = verdict { #expect(paid, "\(name)") } else { #expect(!paid, "\(name)") }
        if let finding = verdict.finding {
            #expect(finding.severity == (paid ? .warning : .error))
            #expect(!finding.message.lv.isEmpty && !finding.message.en.isEmpty && finding.message.lv != finding.message.en)
        }
    }

    @Test("the dates are the period's data: another emergency with other terms")
    func dataDriven() {
        let terms = EmergencyTerms(homeMealsFrom: day("2021-01-11"), homeMealsLowestGrade: 1, homeMealsHighestGrade: 12,
                                   homeMealsPlanSemester: nil)
        let period = EmergencyPeriod(start: day("2020-12-21"), end: day("2021-02-28"), scope: .municipality(Self.ludza), terms: terms)
        let january = Self.month(.meals, "2021-01-01", "2021-01-31", home: true)
        let plan = Self.general(grade: 3, semester: "2020/2021-2")
        if case .paid(let finding) = EmergencyPayments.decide(january, plan: plan, period: period) {
            #expect(finding.message.en.contains("2021-01-11"))
        } else { Issue.record("grade 3 in January 2021 should be paid under these terms") }
        // Under the seed's terms the same claim is refused (grade 3, another semester).
        let seedPeriod = EmergencyPeriod(start: period.start, end: period.end, scope: period.scope, terms: .seed)
        #expect(EmergencyPayments.decide(january, plan: plan, period: seedPeriod).finding?.severity == .error)
        // December, before 11 January: refused; March, after the end: outside.
        #expect(EmergencyPayments.decide(Self.month(.meals, "2020-12-01", "2020-12-31", home: true), plan: plan, period: period)
            .finding?.rule == .mealsDeliveredHome)
        #expect(EmergencyPayments.decide(Self.month(.meals, "2021-03-01", "2021-03-31", home: true), plan: plan, period: period) == .outsidePeriod)
    }

    @Test("rule codes are stable, dotted and unique")
    func codes() {
        let codes = EmergencyRule.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("emergency.") && $0 == $0.lowercased() })
        #expect(EmergencyTerms.seed.homeMealsFrom == day("2020-03-31"))
    }
}

