/// Facts derived once from a plan and its context, shared by every rule group.
public struct PlanFacts: Sendable {
    /// The plan under validation.
    public let plan: SupportPlan
    /// The context gathered by the caller.
    public let context: ValidationContext
    /// The operator settings in force.
    public let settings: ProgrammeSettings
    /// The plan's semester dates, if the calendar lists the semester.
    public let semesterDates: SemesterDates?
    /// The day age is taken on: the semester's first day (DOMAIN.md §3). Without a calendar
    /// entry, 1 September (semester 1) or 1 January (semester 2) of the school year.
    public let semesterStart: CalendarDate?
    /// The student's age on `semesterStart`: the caller's, else from the birth date if known.
    public let ageAtSemesterStart: Int?
    /// The student's programme kind: the card's, else the institution's (seed 002).
    public let programmeKind: InstitutionKind
    /// The kinds of the documents that count: those uploaded to the plan and those carried
    /// forward that are still valid for its semester (`EvidenceValidity`).
    public let documents: Set<EvidenceKind>
    /// Carried-forward documents that no longer count (named in the findings).
    public let expiredCarriedDocuments: [CarriedDocument]
    /// The identified risk codes.
    public let riskCodes: Set<RiskCode>

    /// Derives the facts.
    public init(plan: SupportPlan, context: ValidationContext, settings: ProgrammeSettings) {
        self.plan = plan
        self.context = context
        self.settings = settings
        semesterDates = settings.dates(of: plan.semester)
        semesterStart = settings.ageReferenceDay(of: plan.semester)
        if let age = context.studentAgeAtSemesterStart {
            ageAtSemesterStart = age
        } else if let birth = context.studentBirthDate, let start = semesterStart {
            ageAtSemesterStart = birth.age(on: start)
        } else {
            ageAtSemesterStart = nil
        }
        programmeKind = plan.general.programmeKind ?? context.institution.kind
        let start = semesterStart
        let carried = context.carriedDocuments.filter { document in
            start.map { EvidenceValidity.counts(document, semesterStart: $0, settings: settings) } ?? false
        }
        documents = context.documentsOnFile.union(carried.map(\.kind))
        expiredCarriedDocuments = context.carriedDocuments.filter { !carried.contains($0) }
        riskCodes = Set(plan.risks.map(\.code))
    }

    /// The providers of the consultation measures that address `risk`.
    public func providers(addressing risk: RiskCode) -> Set<ProviderType> {
        Set(plan.measures.filter { $0.type == .consultation && $0.addresses.contains(risk) }.flatMap(\.providers))
    }

    /// Planned consultation minutes of the whole plan, each measure clamped to 0...1,000,000
    /// so that absurd input cannot overflow.
    public var plannedConsultationMinutes: Int {
        plan.measures.filter { $0.type == .consultation }
            .reduce(0) { $0 + min(max($1.plannedMinutes ?? 0, 0), 1_000_000) }
    }
}

extension String {
    /// Whether the text is empty or only whitespace.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

/// Validates a support plan against every programme rule (DOMAIN.md §3–7, seed 000).
///
/// Pure and deterministic: the same plan, context and settings always give the same
/// findings in the same order (general → risks → measures → bounds → eligibility → caps → load → ESF;
/// within a group by field order).
public enum PlanValidator {
    /// All findings for `plan`. An empty list, or warnings only, means the plan may proceed.
    public static func validate(plan: SupportPlan, context: ValidationContext,
                                settings: ProgrammeSettings = .defaults) -> [Finding] {
        let facts = PlanFacts(plan: plan, context: context, settings: settings)
        return GeneralRules.check(facts)
            + RiskRules.check(facts)
            + MeasureRules.check(facts)
            + BoundRules.check(facts)
            + EligibilityRules.check(facts)
            + CapRules.check(facts)
            + LoadRules.check(facts)
            + ESFRules.check(facts)
    }
}
