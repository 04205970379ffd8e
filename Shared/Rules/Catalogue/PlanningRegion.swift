/// Planning regions as the programme names them (DOMAIN.md §1: six regions). Intake accepts only
/// these; reporting lists them in this order, the order of the programme's own tables (seed 001).
public enum PlanningRegion {
    /// The names in the programme's order.
    public static let ordered = ["Rīga", "Rīgas reģions", "Latgale", "Vidzeme", "Kurzeme", "Zemgale"]
    /// The accepted names (also the `region` scope values).
    public static let all = Set(ordered)
}
