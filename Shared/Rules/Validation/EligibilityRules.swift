/// Who may receive which money measure (MK No. 460 23.1.1, seed 000 table). Eligibility
/// follows the student's programme kind, not the institution's (seed 002).
public enum EligibilityRules {
    /// Findings for measures the student is not eligible for.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        facts.plan.measures.enumerated().compactMap { index, measure in
            finding(for: measure.type, path: "measures[\(index)].type", facts: facts)
        }
    }

    /// Whether a student with these facts may receive `measure` (nil) or why not.
    public static func finding(for measure: MeasureType, path: String, facts: PlanFacts) -> Finding? {
        let documents = facts.documents
        let age = facts.ageAtSemesterStart
        switch measure {
        case .transportCity where facts.programmeKind != .vocational:
            return .error(.eligibilityCityTransport, path,
                          lv: "Pilsētas sabiedriskā transporta kompensācija pieejama tikai profesionālās izglītības programmu audzēkņiem.",
                          en: "City transport tickets are only for students of vocational programmes.")
        case .learningMaterials:
            if facts.programmeKind != .vocational {
                return .error(.eligibilityLearningMaterials, path,
                              lv: "Individuālie mācību līdzekļi pieejami tikai profesionālās izglītības programmu audzēkņiem.",
                              en: "Individual learning materials are only for students of vocational programmes.")
            }
            let lowIncome = documents.contains(.lowIncomeCertificate)
            let olderWithout851 = (age ?? 0) >= 17 && documents.contains(.no851SupportStatement)
            guard !lowIncome && !olderWithout851 else { return nil }
            return .error(.eligibilityLearningMaterials, path,
                          lv: "Mācību līdzekļiem nepieciešama izziņa par maznodrošinātā statusu vai (no 17 gadiem) apliecinājums, ka nesaņem 8.5.1. SAM atbalstu.",
                          en: "Learning materials need a low-income certificate or, from age 17, a statement of not receiving 8.5.1 support.")
        case .personalItems:
            let needyAdult = (age ?? 0) >= 18 && documents.contains(.needyCertificate)
            guard !needyAdult && !documents.contains(.lowIncomeCertificate) else { return nil }
            return .error(.eligibilityPersonalItems, path,
                          lv: "Individuālās lietošanas priekšmeti pieejami trūcīgiem izglītojamajiem no 18 gadiem vai no maznodrošinātām ģimenēm: pievienojiet izziņu.",
                          en: "Personal items are for needy students aged 18+ or students from low-income families: attach the certificate.")
        case .specialTransport where !documents.contains(.disabilityCertificate):
            return .error(.eligibilitySpecialTransport, path,
                          lv: "Speciālais transports pieejams tikai izglītojamajiem ar invaliditāti: pievienojiet invaliditātes apliecinājumu.",
                          en: "Special transport is only for students with a disability: attach the disability certificate.")
        default:
            return nil
        }
    }
}

/// The student's weekly consultation load (seed 000 item 18: no more than 2–3 a week).
public enum LoadRules {
    /// Findings for a planned load above the thresholds. Planned minutes become consultations
    /// (rounded up) and are spread over the semester's weeks (days / 7), compared exactly in
    /// integers: consultations × 7 > threshold × days.
    public static func check(_ facts: PlanFacts) -> [Finding] {
        guard let dates = facts.semesterDates else { return [] }
        let consultations = consultationCount(minutes: facts.plannedConsultationMinutes,
                                              minutesPerConsultation: facts.settings.minutesPerConsultation)
        return evaluate(consultations: consultations, days: dates.dayCount,
                        justification: facts.plan.loadJustification,
                        thresholds: facts.settings.weeklyConsultations, path: "measures")
    }

    /// Consultations in `minutes`, rounded up (a started consultation counts).
    public static func consultationCount(minutes: Int, minutesPerConsultation: Int) -> Int {
        let length = max(1, minutesPerConsultation)
        let clamped = min(max(minutes, 0), 100_000_000)
        return (clamped + length - 1) / length
    }

    /// Findings for `consultations` over `days` days (7 for one calendar week).
    public static func evaluate(consultations: Int, days: Int, justification: String?,
                                thresholds: WeeklyLoadThresholds, path: String) -> [Finding] {
        let days = min(max(1, days), 1_000_000)
        let thresholds = WeeklyLoadThresholds(warningAbove: min(max(thresholds.warningAbove, 0), 10_000),
                                              errorAbove: min(max(thresholds.errorAbove, 0), 10_000))
        let consultations = min(max(consultations, 0), 100_000_000)
        let tenthsPerWeek = consultations * 70 / days
        let perWeek = "\(tenthsPerWeek / 10),\(tenthsPerWeek % 10)"
        var findings: [Finding] = []
        if consultations * 7 > thresholds.errorAbove * days && (justification ?? "").isBlank {
            findings.append(.error(.loadWeeklyLimit, path,
                                   lv: "Plānotas vidēji \(perWeek) konsultācijas nedēļā (vairāk nekā \(thresholds.errorAbove)): samaziniet stundas vai pamatojiet šādu noslodzi.",
                                   en: "On average \(perWeek) consultations a week are planned (more than \(thresholds.errorAbove)): reduce the hours or justify the load."))
        }
        if consultations * 7 > thresholds.warningAbove * days {
            findings.append(.warning(.loadWeeklyWarning, path,
                                     lv: "Plānotas vidēji \(perWeek) konsultācijas nedēļā: ieteicams ne vairāk kā \(thresholds.warningAbove)–\(thresholds.errorAbove).",
                                     en: "On average \(perWeek) consultations a week are planned: no more than \(thresholds.warningAbove)–\(thresholds.errorAbove) is recommended."))
        }
        return findings
    }
}
