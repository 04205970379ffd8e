import Foundation
import Rules
import Testing

@Suite("Settings")
struct SettingsTests {
    @Test("defaults from DOMAIN.md and the seeds")
    func defaults() {
        let settings = ProgrammeSettings.defaults
        #expect(settings.cap(for: .meals) == CompensationCap(amount: .euros(70), period: .month))
        #expect(settings.cap(for: .personalItems) == CompensationCap(amount: .euros(25), period: .semester))
        #expect(settings.cap(for: .learningMaterials) == CompensationCap(amount: .euros(50), period: .semester))
        #expect(settings.cap(for: .consultation) == nil)
        #expect(settings.preparerLimitMinutes(for: SemesterRef(schoolYear: 2019, number: .first)) == 600)
        #expect(settings.weeklyConsultations == WeeklyLoadThresholds(warningAbove: 2, errorAbove: 3))
        #expect(settings.programmePeriod.plansUntil == day("2022-12-31"))
        #expect(settings.targetGroup(for: SemesterRef(schoolYear: 2020, number: .second))?.generalGrades
            == GradeRange(lowest: 5, highest: 12))
        #expect(settings.targetGroup(for: SemesterRef(schoolYear: 2021, number: .first))?.generalGrades
            == GradeRange(lowest: 1, highest: 12))
        #expect(settings.dates(of: SemesterRef(schoolYear: 2019, number: .second))?.start == day("2020-01-01"))
        #expect(settings.semester(containing: day("2019-10-01"))?.semester == SemesterRef(schoolYear: 2019, number: .first))
    }

    @Test("a partial JSON overrides only what it names")
    func partial() throws {
        let json = """
        {"caps": {"meals": {"amount": 8000, "period": "month"}},
         "weeklyConsultations": {"errorAbove": 4},
         "programmePeriod": {"plansUntil": "2023-06-30"},
         "hourlyRates": {"psychologist": 1500},
         "preparerLimits": [{"from": {"schoolYear": 2016, "number": 1}, "minutes": 600},
                            {"from": {"schoolYear": 2020, "number": 1}, "minutes": 360}]}
        """
        let settings = try JSONDecoder().decode(ProgrammeSettings.self, from: Data(json.utf8))
        #expect(settings.cap(for: .meals)?.amount == .euros(80))
        #expect(settings.cap(for: .lodging)?.amount == .euros(35))
        #expect(settings.weeklyConsultations == WeeklyLoadThresholds(warningAbove: 2, errorAbove: 4))
        #expect(settings.programmePeriod.plansUntil == day("2023-06-30"))
        #expect(settings.programmePeriod.start == day("2017-03-01"))
        #expect(settings.hourlyRate(for: .psychologist) == Cents(1500))
        #expect(settings.preparerLimitMinutes(for: SemesterRef(schoolYear: 2019, number: .second)) == 600)
        #expect(settings.preparerLimitMinutes(for: SemesterRef(schoolYear: 2021, number: .first)) == 360)
        #expect(settings.semesters == ProgrammeSettings.defaults.semesters)
    }

    @Test("an empty JSON object gives the defaults, and encoding round-trips")
    func roundTrip() throws {
        let empty = try JSONDecoder().decode(ProgrammeSettings.self, from: Data("{}".utf8))
        #expect(empty == .defaults)
        let encoded = try JSONEncoder().encode(ProgrammeSettings.defaults)
        #expect(try JSONDecoder().decode(ProgrammeSettings.self, from: encoded) == .defaults)
    }

    @Test("an unreal date in settings is rejected")
    func badDate() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ProgrammeSettings.self, from: Data(#"{"programmePeriod": {"end": "2023-02-30"}}"#.utf8))
        }
    }
}

@Suite("Catalogues")
struct CatalogueTests {
    @Test("33 risk codes in 5 groups: 13 learning, 6 social/health, 6 economic, 7 family, 1 other")
    func risks() {
        #expect(RiskCode.allCases.count == 33)
        #expect(RiskGroup.allCases.map { $0.risks.count } == [13, 6, 6, 7, 1])
        for risk in RiskCode.allCases {
            #expect(!risk.label.lv.isEmpty && !risk.label.en.isEmpty && risk.label.lv != risk.rawValue)
        }
        #expect(RiskCode.allCases.filter(\.needsSubjects) == [.L01, .L02, .L03, .L04])
    }

    @Test("required evidence per risk", arguments: [
        (RiskCode.L01, [], [.viisAttendanceExtract]),
        (.L02, [], nil), (.L06, [], nil), (.L07, [], nil),
        (.S01, [.psychologist], nil), (.S01, [.occupationalTherapist], [.medicalStatement]),
        (.S01, [.assistant], [.medicalStatement]), (.S03, [], [.disabilityCertificate]),
        (.E02, [], [.needyCertificate, .lowIncomeCertificate]), (.E03, [], [.lowIncomeCertificate, .no851SupportStatement]),
        (.O01, [], nil),
    ] as [(RiskCode, Set<ProviderType>, Set<EvidenceKind>?)])
    func evidence(risk: RiskCode, providers: Set<ProviderType>, expected: Set<EvidenceKind>?) {
        #expect(risk.evidence.documentsNeeded(providers: providers) == expected)
    }

    @Test("8 measures, 9 providers, 4 consultation kinds (crisis and holiday support funded), eligibility by programme")
    func measures() {
        #expect(MeasureType.allCases.count == 8)
        #expect(ProviderType.allCases.count == 9)
        #expect(ConsultationKind.allCases.map(\.rawValue) == ["consultation", "consultative_support", "crisis_support", "holiday_support"])
        #expect(MeasureType.allCases.filter { !$0.programmeKinds.contains(.general) } == [.transportCity, .learningMaterials])
        #expect(MeasureType.allCases.filter(\.excludedWhenFundedElsewhere) == [.consultation, .meals, .specialTransport])
        #expect(StaffRole(.occupationalTherapist) == .occupationalTherapist)
        #expect(Set(ProviderType.allCases.map { StaffRole($0).rawValue }) == Set(ProviderType.allCases.map(\.rawValue)))
    }

    @Test("vague-phrase analysis folds diacritics and ignores function words")
    func vague() {
        let label = RiskCode.L05.label
        #expect(VaguePhrases.analyse("PSIHOLOĢISKAS problēmas", riskLabel: label).vaguePhrases == ["psiholoģiskas problēmas"])
        #expect(VaguePhrases.analyse("agresīvs nezināmās (skolēnam svešās) situācijās", riskLabel: label).concreteWords == 5)
        #expect(VaguePhrases.analyse("Uzvedības problēmas", riskLabel: label).repeatsRiskName)
    }
}
