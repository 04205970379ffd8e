/// How close a measure's delivered minutes (or a preparer's paid minutes) are to what the
/// timesheets service will accept. The service refuses an entry that would go over the planned
/// minutes or the preparers' limit; the person should see that coming while it is still a
/// warning, not learn it from a refusal. Pure.
public enum HoursHeadroom: String, Sendable, Equatable {
    /// Plenty left.
    case fine
    /// At least four fifths used: the next sessions may not fit.
    case near
    /// Nothing left: any further entry will be refused.
    case full

    /// The state of `used` minutes against `limit` minutes (a limit of 0 leaves nothing to record).
    public static func of(used: Int, limit: Int) -> HoursHeadroom {
        if limit <= 0 || used >= limit { return .full }
        // Integer arithmetic: 80 % without rounding surprises.
        if used * 5 >= limit * 4 { return .near }
        return .fine
    }
}
