/// Where an emergency period applies (DOMAIN.md §9a, seed 004: "visā Latvijā"): the whole
/// country, one planning region, or one municipality. Ids are text here because the rules
/// module has no Foundation; callers pass the municipality id's lower-case UUID string.
public enum EmergencyScope: Sendable, Hashable, Codable {
    /// Every institution in Latvia.
    case national
    /// The institutions of one planning region (e.g. `Latgale`).
    case region(String)
    /// The institutions of one municipality (its id).
    case municipality(String)

    /// `national`, `region` or `municipality`.
    public var kind: String {
        switch self {
        case .national: "national"
        case .region: "region"
        case .municipality: "municipality"
        }
    }

    /// The region's name or the municipality's id; nil for national.
    public var value: String? {
        switch self {
        case .national: nil
        case .region(let name): name
        case .municipality(let id): id
        }
    }

    /// Rebuilds a scope from its stored kind and value (nil for anything else).
    public init?(kind: String, value: String?) {
        switch (kind, value) {
        case ("national", _): self = .national
        case ("region", let name?) where !name.isBlank: self = .region(name)
        case ("municipality", let id?) where !id.isBlank: self = .municipality(id.lowercased())
        default: return nil
        }
    }

    /// Whether an institution in `region` (and `municipalityId`, absent for a state vocational
    /// institution) lies inside the scope. A VPII has no municipality, so only a national or a
    /// regional emergency reaches it.
    public func covers(region: String, municipalityId: String?) -> Bool {
        switch self {
        case .national: true
        case .region(let name): name == region
        case .municipality(let id): municipalityId?.lowercased() == id.lowercased()
        }
    }
}
