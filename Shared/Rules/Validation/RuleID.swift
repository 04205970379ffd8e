/// Every rule of the programme, with a stable dotted id. `RuleID.allCases` is the catalogue:
/// tests assert that each rule has a passing, a warning and a failing case where it can
/// produce them (`outcomes`).
public enum RuleID: String, Codable, Sendable, CaseIterable, Hashable {
    /// Every general-information field is filled (seed 000 item 12).
    case generalFieldRequired = "general.field.required"
    /// The plan carries a well-formed pseudonymous student code (seed 000 item 15).
    case generalStudentCode = "general.student_code.format"
    /// The student's birth date is known (age drives consent and eligibility).
    case studentBirthDateRequired = "student.birth_date.required"
    /// The plan's semester is in the semester calendar.
    case semesterUnknown = "semester.unknown"
    /// The semester lies within the programme period (plans until 2022-12-31).
    case programmePeriod = "programme.period"
    /// The student's grade/course is in the target group for that school year (seed 002).
    case targetGroupGrade = "target_group.grade"
    /// A consent application is on file and not revoked (seed 000 item 8): needed before
    /// implementation starts, not for submission, so missing consent is a warning.
    case consentRequired = "consent.required"
    /// The right person signed: the adult student (annex 1) or a minor's parent (annex 2).
    case consentSigner = "consent.signer"
    /// One plan per student per institution per semester.
    case planDuplicateInSemester = "plan.duplicate_in_semester"
    /// The plan identifies at least one risk.
    case planRisksRequired = "plan.risks.required"
    /// The risk the semester starts with is marked and is one of the plan's risks (item 10).
    case planPriorityRisk = "plan.priority_risk"
    /// Each risk code appears once.
    case riskDuplicate = "risk.duplicate"
    /// An "other" risk (O01) is named.
    case riskOtherNameRequired = "risk.other.name_required"
    /// Every identified risk has its level of expression (item 12: at any level).
    case riskLevelRequired = "risk.level.required"
    /// Every identified risk has a justification (item 12).
    case riskJustificationRequired = "risk.justification.required"
    /// The justification is not vague (item 19).
    case riskJustificationVague = "risk.justification.vague"
    /// The justification has a minimum of concrete detail (item 19).
    case riskJustificationDetail = "risk.justification.detail"
    /// L01–L04 name the subjects (item 20).
    case riskSubjectsRequired = "risk.subjects.required"
    /// L01–L04 say how the support reduces the risk (item 20).
    case riskHowItHelpsRequired = "risk.how_it_helps.required"
    /// The evidence the risk requires is attached to the plan (L01, S03, E02, E03; item 7).
    case riskEvidenceRequired = "risk.evidence.required"
    /// L02's grade report where the school issues one: a warning when it is not attached.
    case riskEvidenceIfIssued = "risk.evidence.if_issued"
    /// S01 with an occupational therapist or assistant has a medical statement.
    case riskEvidenceMedicalStatement = "risk.evidence.medical_statement"
    /// Every identified risk has at least one measure (item 12).
    case riskMeasureRequired = "risk.measure.required"
    /// A measure addresses at least one of the plan's identified risks.
    case measureAddressesRequired = "measure.addresses.required"
    /// A money measure appears once (its cap applies to the student, not to the line).
    case measureDuplicate = "measure.duplicate"
    /// A consultation says whether it is consultation or consultative support (item 13).
    case measureKindRequired = "measure.kind.required"
    /// A consultation names its providers (item 12).
    case measureProvidersRequired = "measure.providers.required"
    /// A consultation has planned hours for the semester (items 12, 17).
    case measureHoursRequired = "measure.hours.required"
    /// Planned minutes within the minutes of the semester (no more than every minute of it).
    case measureHoursLimit = "measure.hours.limit"
    /// A money measure has a planned amount.
    case measureAmountRequired = "measure.amount.required"
    /// A planned amount within the programme's ceiling (10,000 EUR a period), cap or no cap.
    case measureAmountLimit = "measure.amount.limit"
    /// Not funded already by the state/municipal/another budget (consultation, meals, special transport).
    case measureFundedElsewhere = "measure.funded_elsewhere"
    /// School-holiday support names the holiday days it is planned for.
    case measureHolidayPeriodRequired = "measure.holiday_period.required"
    /// The holiday days lie within the plan's semester, first day before last.
    case measureHolidayPeriodInSemester = "measure.holiday_period.in_semester"
    /// City transport only in vocational education.
    case eligibilityCityTransport = "measure.eligibility.city_transport"
    /// Learning materials: vocational, and low-income or 17+ without 8.5.1 support.
    case eligibilityLearningMaterials = "measure.eligibility.learning_materials"
    /// Personal items: needy and 18+, or low-income.
    case eligibilityPersonalItems = "measure.eligibility.personal_items"
    /// Special transport: only with a disability.
    case eligibilitySpecialTransport = "measure.eligibility.special_transport"
    /// Planned amount within the monthly cap.
    case capMonthly = "measure.cap.monthly"
    /// Planned amount within the per-semester cap.
    case capSemester = "measure.cap.semester"
    /// Above 2 consultations a week: a warning (item 18).
    case loadWeeklyWarning = "load.weekly.warning"
    /// Above 3 consultations a week: an error unless justified (item 18).
    case loadWeeklyLimit = "load.weekly.limit"
    /// No measure overlaps support from another ESF project (item 14).
    case esfOverlap = "esf.overlap"
    /// Delivered hours never exceed the planned hours.
    case hoursDeliveredExceedsPlanned = "hours.delivered.exceeds_planned"
    /// Preparer hours within the per-plan, per-semester limit.
    case hoursPreparerLimit = "hours.preparer.limit"
    /// A claim is paid up to the cap minus what was already paid in the period.
    case compensationCap = "compensation.cap"
    /// Staff pay needs an hourly rate for the role.
    case payRateMissing = "pay.rate.missing"

    /// The severities this rule can produce (a rule passes when it produces nothing).
    public var outcomes: Set<Severity> {
        switch self {
        case .riskJustificationVague, .compensationCap: [.warning, .error]
        case .loadWeeklyWarning, .consentRequired, .riskEvidenceIfIssued: [.warning]
        default: [.error]
        }
    }
}
