extension ProgrammeSettings: Codable {
    private enum CodingKeys: String, CodingKey {
        case caps, preparerLimits, weeklyConsultations, minutesPerConsultation, programmePeriod
        case semesters, targetGroups, hourlyRates, minimumJustificationWords, additionalVaguePhrases
        case carriedEvidenceMonths
    }

    /// Decodes settings; every missing key (also inside `caps`, `hourlyRates`,
    /// `weeklyConsultations` and `programmePeriod`) keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ProgrammeSettings.defaults
        let capOverrides = try container.decodeIfPresent([MeasureType: CompensationCap].self, forKey: .caps) ?? [:]
        caps = defaults.caps.merging(capOverrides) { _, override in override }
        preparerLimits = try container.decodeIfPresent([MinutesFromSemester].self, forKey: .preparerLimits)
            ?? defaults.preparerLimits
        weeklyConsultations = try container.decodeIfPresent(PartialThresholds.self, forKey: .weeklyConsultations)?
            .merged(over: defaults.weeklyConsultations) ?? defaults.weeklyConsultations
        minutesPerConsultation = try container.decodeIfPresent(Int.self, forKey: .minutesPerConsultation)
            ?? defaults.minutesPerConsultation
        programmePeriod = try container.decodeIfPresent(PartialPeriod.self, forKey: .programmePeriod)?
            .merged(over: defaults.programmePeriod) ?? defaults.programmePeriod
        semesters = try container.decodeIfPresent([SemesterDates].self, forKey: .semesters) ?? defaults.semesters
        targetGroups = try container.decodeIfPresent([TargetGroupRule].self, forKey: .targetGroups)
            ?? defaults.targetGroups
        let rateOverrides = try container.decodeIfPresent([StaffRole: Cents].self, forKey: .hourlyRates) ?? [:]
        hourlyRates = defaults.hourlyRates.merging(rateOverrides) { _, override in override }
        minimumJustificationWords = try container.decodeIfPresent(Int.self, forKey: .minimumJustificationWords)
            ?? defaults.minimumJustificationWords
        additionalVaguePhrases = try container.decodeIfPresent([String].self, forKey: .additionalVaguePhrases)
            ?? defaults.additionalVaguePhrases
        carriedEvidenceMonths = try container.decodeIfPresent(Int.self, forKey: .carriedEvidenceMonths)
            ?? defaults.carriedEvidenceMonths
    }

    /// Encodes every setting, defaults included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caps, forKey: .caps)
        try container.encode(preparerLimits, forKey: .preparerLimits)
        try container.encode(weeklyConsultations, forKey: .weeklyConsultations)
        try container.encode(minutesPerConsultation, forKey: .minutesPerConsultation)
        try container.encode(programmePeriod, forKey: .programmePeriod)
        try container.encode(semesters, forKey: .semesters)
        try container.encode(targetGroups, forKey: .targetGroups)
        try container.encode(hourlyRates, forKey: .hourlyRates)
        try container.encode(minimumJustificationWords, forKey: .minimumJustificationWords)
        try container.encode(additionalVaguePhrases, forKey: .additionalVaguePhrases)
        try container.encode(carriedEvidenceMonths, forKey: .carriedEvidenceMonths)
    }
}

/// `weeklyConsultations` with optional keys.
private struct PartialThresholds: Decodable {
    var warningAbove: Int?
    var errorAbove: Int?

    func merged(over defaults: WeeklyLoadThresholds) -> WeeklyLoadThresholds {
        WeeklyLoadThresholds(warningAbove: warningAbove ?? defaults.warningAbove,
                             errorAbove: errorAbove ?? defaults.errorAbove)
    }
}

/// `programmePeriod` with optional keys.
private struct PartialPeriod: Decodable {
    var start: CalendarDate?
    var plansUntil: CalendarDate?
    var end: CalendarDate?

    func merged(over defaults: ProgrammePeriod) -> ProgrammePeriod {
        ProgrammePeriod(start: start ?? defaults.start, plansUntil: plansUntil ?? defaults.plansUntil,
                        end: end ?? defaults.end)
    }
}
