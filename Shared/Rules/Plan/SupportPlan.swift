/// An individual support plan (IAP) as the preparer fills it in: general information, the
/// identified risks and the support measures for one student, institution and semester.
public struct SupportPlan: Codable, Sendable, Hashable {
    /// The plan's stable code.
    public var id: String
    /// The institution the plan is made in.
    public var institutionId: String
    /// The student's pseudonymous code (never the personal code).
    public var studentCode: String
    /// The semester the plan is for.
    public var semester: SemesterRef
    /// "Vispārējā informācija": every field must be filled (seed 000 item 12).
    public var general: GeneralInformation
    /// The identified risks, each justified (seed 000 items 11, 12, 19, 20).
    public var risks: [IdentifiedRisk]
    /// The support measures (seed 000 item 12, MK No. 460 23.1.1).
    public var measures: [PlannedMeasure]
    /// The risk the semester's support starts with (seed 000 item 10).
    public var priorityRisk: RiskCode?
    /// Why a weekly consultation load above the error threshold is needed, if it is.
    public var loadJustification: String?

    /// Creates a plan.
    public init(
        id: String, institutionId: String, studentCode: String, semester: SemesterRef,
        general: GeneralInformation, risks: [IdentifiedRisk], measures: [PlannedMeasure],
        priorityRisk: RiskCode?, loadJustification: String? = nil
    ) {
        self.id = id
        self.institutionId = institutionId
        self.studentCode = studentCode
        self.semester = semester
        self.general = general
        self.risks = risks
        self.measures = measures
        self.priorityRisk = priorityRisk
        self.loadJustification = loadJustification
    }
}

/// The plan's general information (the student card part that the rules check).
public struct GeneralInformation: Codable, Sendable, Hashable {
    /// Grade (general) or course (vocational) the student is in.
    public var gradeOrCourse: Int?
    /// The student's education programme kind. `nil` means the institution's kind; seed 002
    /// counts students of general-education institutions that run vocational programmes as
    /// vocational, so measure eligibility and the target group use this, not the institution.
    public var programmeKind: InstitutionKind?
    /// The preparer/supervisor responsible for the plan (seed 000 item 21).
    public var preparerName: String
    /// The student's situation in a few sentences.
    public var situation: String
    /// What the semester's support should achieve.
    public var goal: String

    /// Creates general information.
    public init(gradeOrCourse: Int?, programmeKind: InstitutionKind? = nil, preparerName: String,
                situation: String, goal: String) {
        self.gradeOrCourse = gradeOrCourse
        self.programmeKind = programmeKind
        self.preparerName = preparerName
        self.situation = situation
        self.goal = goal
    }
}

/// One identified risk with its level and justification. Evidence is not named here: only a
/// document attached to the plan counts (seed 000 item 7), so the rules read the documents on
/// file from the `ValidationContext`.
public struct IdentifiedRisk: Codable, Sendable, Hashable {
    /// Catalogue code.
    public var code: RiskCode
    /// The preparer's name for an "other" risk (required for O01).
    public var otherName: String?
    /// How strongly the risk shows (seed 000 item 12: "jebkurā izpausmes līmenī"); required.
    public var level: RiskLevel?
    /// Why this is an early-school-leaving risk for this student, concretely.
    public var justification: String
    /// Subjects the consultations cover (required for L01–L04).
    public var subjects: [String]
    /// How the support reduces the risk (required for L01–L04).
    public var howSupportHelps: String

    /// Creates an identified risk.
    public init(code: RiskCode, otherName: String? = nil, level: RiskLevel? = .medium, justification: String,
                subjects: [String] = [], howSupportHelps: String = "") {
        self.code = code
        self.otherName = otherName
        self.level = level
        self.justification = justification
        self.subjects = subjects
        self.howSupportHelps = howSupportHelps
    }
}

/// The level of expression of a risk (izpausmes līmenis): a small scale the preparer marks.
/// Every level needs the same completeness (justification, measure, hours, providers).
public enum RiskLevel: String, Codable, Sendable, CaseIterable, Hashable {
    /// Shows occasionally; early signs.
    case low
    /// Shows regularly.
    case medium
    /// Shows strongly or constantly; leaving school is near.
    case high

    /// The level's name.
    public var label: LocalizedText {
        switch self {
        case .low: LocalizedText(lv: "Zems", en: "Low")
        case .medium: LocalizedText(lv: "Vidējs", en: "Medium")
        case .high: LocalizedText(lv: "Augsts", en: "High")
        }
    }
}

/// A span of days, both ends included.
public struct DatePeriod: Codable, Sendable, Hashable {
    /// The first day.
    public var start: CalendarDate
    /// The last day.
    public var end: CalendarDate

    /// Creates a period.
    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// Whether `date` lies within the period.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }
}

/// One support measure of the plan.
public struct PlannedMeasure: Codable, Sendable, Hashable {
    /// Which measure.
    public var type: MeasureType
    /// The identified risks this measure addresses.
    public var addresses: [RiskCode]
    /// For consultations: consultation or consultative support.
    public var kind: ConsultationKind?
    /// For consultations: the providers involved.
    public var providers: [ProviderType]
    /// For consultations: planned minutes for the whole semester (seed 000 item 17).
    public var plannedMinutes: Int?
    /// For money measures: the planned amount per cap period (month or semester).
    public var plannedAmount: Cents?
    /// The same need is already funded from the state, municipal or another budget.
    public var fundedElsewhere: Bool
    /// For school-holiday support: the holiday days the consultations are planned for.
    public var holidayPeriod: DatePeriod?

    /// Creates a measure.
    public init(type: MeasureType, addresses: [RiskCode], kind: ConsultationKind? = nil,
                providers: [ProviderType] = [], plannedMinutes: Int? = nil, plannedAmount: Cents? = nil,
                fundedElsewhere: Bool = false, holidayPeriod: DatePeriod? = nil) {
        self.type = type
        self.addresses = addresses
        self.kind = kind
        self.providers = providers
        self.plannedMinutes = plannedMinutes
        self.plannedAmount = plannedAmount
        self.fundedElsewhere = fundedElsewhere
        self.holidayPeriod = holidayPeriod
    }
}
