import Foundation

/// Where an emergency applies, as messages carry it.
public struct EmergencyScopePayload: Codable, Sendable, Hashable {
    /// `national`, `region` or `municipality`.
    public var kind: String
    /// The planning region's name (kind `region`).
    public var region: String?
    /// The municipality (kind `municipality`).
    public var municipalityId: UUID?
    /// Creates a scope.
    public init(kind: String, region: String? = nil, municipalityId: UUID? = nil) {
        self.kind = kind; self.region = region; self.municipalityId = municipalityId
    }
}

/// How many plans of one region an emergency paused (for the statistics; no plan ids).
public struct EmergencyRegionCount: Codable, Sendable, Hashable {
    /// Planning region.
    public var region: String
    /// Plans paused there.
    public var paused: Int
    /// Creates a count.
    public init(region: String, paused: Int) { self.region = region; self.paused = paused }
}

/// IKVD declared an emergency period (seed 004): from `startsOn` (until `endsOn`, if known) every
/// live plan in scope is paused (its lifecycle state unchanged), only remote consultations are
/// recorded and only the period's payment exceptions are paid. The terms of the exceptions travel
/// with the period, so consumers never hard-code the seed's dates.
public struct EmergencyDeclared: DomainEvent {
    public static let eventType: EventType = "emergency.declared"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The emergency.
    public var emergencyId: UUID
    /// Its name, e.g. `Ārkārtējā situācija COVID-19`.
    public var name: String
    /// First day, `YYYY-MM-DD`.
    public var startsOn: String
    /// Last day, when known.
    public var endsOn: String?
    /// Where.
    public var scope: EmergencyScopePayload
    /// Meals delivered home are paid from this day (nil = from the start).
    public var homeMealsFrom: String?
    /// Lowest grade for meals delivered home.
    public var homeMealsLowestGrade: Int
    /// Highest grade.
    public var homeMealsHighestGrade: Int
    /// The semester whose plan must already include meals (nil = the plan's own).
    public var homeMealsPlanSemester: String?
    /// Who declared it.
    public var declaredBy: ActorPayload
    /// Plans paused, per region.
    public var pausedByRegion: [EmergencyRegionCount]
    /// Creates the event.
    public init(emergencyId: UUID, name: String, startsOn: String, endsOn: String?, scope: EmergencyScopePayload, homeMealsFrom: String?,
                homeMealsLowestGrade: Int, homeMealsHighestGrade: Int, homeMealsPlanSemester: String?, declaredBy: ActorPayload,
                pausedByRegion: [EmergencyRegionCount]) {
        self.emergencyId = emergencyId; self.name = name; self.startsOn = startsOn; self.endsOn = endsOn; self.scope = scope
        self.homeMealsFrom = homeMealsFrom; self.homeMealsLowestGrade = homeMealsLowestGrade
        self.homeMealsHighestGrade = homeMealsHighestGrade; self.homeMealsPlanSemester = homeMealsPlanSemester
        self.declaredBy = declaredBy; self.pausedByRegion = pausedByRegion
    }
}

/// IKVD ended an emergency period: from the day after `endsOn` the plans it paused carry on where
/// they were (no approval again); consumers close the period on that day.
public struct EmergencyEnded: DomainEvent {
    public static let eventType: EventType = "emergency.ended"
    public static let schemaVersion = SchemaVersion(1, 0)
    /// The emergency.
    public var emergencyId: UUID
    /// Its last day, `YYYY-MM-DD`.
    public var endsOn: String
    /// Who ended it.
    public var endedBy: ActorPayload
    /// Plans that carry on.
    public var resumedPlans: Int
    /// Plans suspended individually meanwhile, which stay suspended.
    public var staysSuspended: Int
    /// Creates the event.
    public init(emergencyId: UUID, endsOn: String, endedBy: ActorPayload, resumedPlans: Int, staysSuspended: Int) {
        self.emergencyId = emergencyId; self.endsOn = endsOn; self.endedBy = endedBy
        self.resumedPlans = resumedPlans; self.staysSuspended = staysSuspended
    }
}
