/// Everything an operator may change without a code change, with the defaults from DOMAIN.md
/// and the seeds (see `ProgrammeSettings.defaults`). Decoding a partial JSON document keeps the
/// default for every key it leaves out, so operators write only what they change.
///
/// Keys (JSON): `caps` (measure → {amount cents, period month|semester}), `preparerLimits`
/// ([{from, minutes}]), `weeklyConsultations` ({warningAbove, errorAbove}),
/// `minutesPerConsultation`, `programmePeriod` ({start, plansUntil, end}), `semesters`
/// ([{semester, start, end}]), `targetGroups` ([{from, generalGrades, vocationalCourses}]),
/// `hourlyRates` (role → cents), `minimumJustificationWords`, `additionalVaguePhrases`,
/// `carriedEvidenceMonths`.
public struct ProgrammeSettings: Sendable, Hashable {
    /// Compensation caps per money measure (consultations have none: they are hours).
    public var caps: [MeasureType: CompensationCap]
    /// Paid preparer minutes per plan per semester, by the semester they apply from.
    public var preparerLimits: [MinutesFromSemester]
    /// Weekly consultation load thresholds.
    public var weeklyConsultations: WeeklyLoadThresholds
    /// Length of one consultation in minutes, to turn planned hours into consultations.
    public var minutesPerConsultation: Int
    /// When plans may be made.
    public var programmePeriod: ProgrammePeriod
    /// The semester calendar.
    public var semesters: [SemesterDates]
    /// Target grades and courses, by the semester they apply from.
    public var targetGroups: [TargetGroupRule]
    /// Hourly pay rates in cents per role.
    public var hourlyRates: [StaffRole: Cents]
    /// The fewest words of concrete detail a risk justification must have.
    public var minimumJustificationWords: Int
    /// Vague phrases added by the operator to the built-in list (matched like the built-in ones).
    public var additionalVaguePhrases: [String]
    /// How long a document carried forward to a later plan counts when it names no end of
    /// validity: months after its upload, up to the new semester's start.
    public var carriedEvidenceMonths: Int

    /// Creates settings; every argument defaults to `ProgrammeSettings.defaults`.
    public init(
        caps: [MeasureType: CompensationCap] = Defaults.caps,
        preparerLimits: [MinutesFromSemester] = Defaults.preparerLimits,
        weeklyConsultations: WeeklyLoadThresholds = WeeklyLoadThresholds(),
        minutesPerConsultation: Int = Defaults.minutesPerConsultation,
        programmePeriod: ProgrammePeriod = ProgrammePeriod(),
        semesters: [SemesterDates] = Defaults.semesters,
        targetGroups: [TargetGroupRule] = Defaults.targetGroups,
        hourlyRates: [StaffRole: Cents] = Defaults.hourlyRates,
        minimumJustificationWords: Int = Defaults.minimumJustificationWords,
        additionalVaguePhrases: [String] = [],
        carriedEvidenceMonths: Int = Defaults.carriedEvidenceMonths
    ) {
        self.caps = caps
        self.preparerLimits = preparerLimits
        self.weeklyConsultations = weeklyConsultations
        self.minutesPerConsultation = minutesPerConsultation
        self.programmePeriod = programmePeriod
        self.semesters = semesters
        self.targetGroups = targetGroups
        self.hourlyRates = hourlyRates
        self.minimumJustificationWords = minimumJustificationWords
        self.additionalVaguePhrases = additionalVaguePhrases
        self.carriedEvidenceMonths = carriedEvidenceMonths
    }

    /// The defaults from DOMAIN.md and the seeds.
    public static let defaults = ProgrammeSettings()

    /// The dates of a semester, or `nil` if the calendar does not list it.
    public func dates(of semester: SemesterRef) -> SemesterDates? {
        semesters.first { $0.semester == semester }
    }

    /// The day a student's age is taken on for a semester (DOMAIN.md §3): its first day, or
    /// without a calendar entry 1 September (semester 1) or 1 January (semester 2).
    public func ageReferenceDay(of semester: SemesterRef) -> CalendarDate? {
        dates(of: semester)?.start
            ?? CalendarDate(year: semester.schoolYear + (semester.number == .first ? 0 : 1),
                            month: semester.number == .first ? 9 : 1, day: 1)
    }

    /// The semester that contains `date`, if any.
    public func semester(containing date: CalendarDate) -> SemesterDates? {
        semesters.first { $0.contains(date) }
    }

    /// The target group for a semester: the latest rule that starts at or before it.
    public func targetGroup(for semester: SemesterRef) -> TargetGroupRule? {
        targetGroups.filter { $0.from <= semester }.max { $0.from < $1.from }
    }

    /// The preparer's paid minutes per plan for a semester (0 if no limit applies yet).
    public func preparerLimitMinutes(for semester: SemesterRef) -> Int {
        preparerLimits.filter { $0.from <= semester }.max { $0.from < $1.from }?.minutes ?? 0
    }

    /// The cap of a money measure, or `nil` for consultations.
    public func cap(for measure: MeasureType) -> CompensationCap? { caps[measure] }

    /// The hourly rate for a role (zero if the operator has not set one).
    public func hourlyRate(for role: StaffRole) -> Cents { hourlyRates[role] ?? .zero }
}

/// Weekly consultation thresholds (seed 000 item 18: "no more than 2–3 a week").
public struct WeeklyLoadThresholds: Codable, Sendable, Hashable {
    /// Above this many consultations a week: a warning shown to approvers.
    public var warningAbove: Int
    /// Above this many: an error unless the preparer justifies the load.
    public var errorAbove: Int

    /// Creates thresholds; defaults 2 and 3.
    public init(warningAbove: Int = 2, errorAbove: Int = 3) {
        self.warningAbove = warningAbove
        self.errorAbove = errorAbove
    }
}

/// The programme's period (seed 000 item 1: plans until 2022-12-31; seed 002: 03.2017–12.2023).
public struct ProgrammePeriod: Codable, Sendable, Hashable {
    /// First day of the programme.
    public var start: CalendarDate
    /// Last day a plan's semester may start on.
    public var plansUntil: CalendarDate
    /// Last day of the project (work records and payouts may run until then).
    public var end: CalendarDate

    /// Creates a period; defaults 2017-03-01, 2022-12-31, 2023-12-31.
    public init(
        start: CalendarDate = ProgrammeSettings.Defaults.programmeStart,
        plansUntil: CalendarDate = ProgrammeSettings.Defaults.plansUntil,
        end: CalendarDate = ProgrammeSettings.Defaults.programmeEnd
    ) {
        self.start = start
        self.plansUntil = plansUntil
        self.end = end
    }
}

/// A paid role: the plan preparer or one of the nine consultation providers.
public enum StaffRole: String, Codable, Sendable, CaseIterable, Hashable, CodingKeyRepresentable {
    /// The plan's preparer/supervisor (paid up to the per-semester limit).
    case preparer
    /// Teacher.
    case teacher
    /// Psychologist.
    case psychologist
    /// Social pedagogue.
    case socialPedagogue = "social_pedagogue"
    /// Teacher's assistant.
    case teacherAssistant = "teacher_assistant"
    /// Special education teacher.
    case specialEducationTeacher = "special_education_teacher"
    /// Sign language interpreter.
    case signLanguageInterpreter = "sign_language_interpreter"
    /// Assistant.
    case assistant
    /// Speech therapist.
    case speechTherapist = "speech_therapist"
    /// Occupational therapist.
    case occupationalTherapist = "occupational_therapist"

    /// The role of a consultation provider.
    public init(_ provider: ProviderType) {
        self = StaffRole(rawValue: provider.rawValue) ?? .teacher
    }

    /// The profession's name (a provider's, or the plan preparer's).
    public var label: LocalizedText {
        ProviderType(rawValue: rawValue)?.label ?? LocalizedText(lv: "IAP sagatavotājs/uzraugs", en: "Plan preparer/supervisor")
    }
}
