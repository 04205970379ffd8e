/// Validates a support plan against every programme rule (DOMAIN.md §3–7, seed 000).
///
/// Pure and deterministic: the same plan, context and settings always give the same
/// findings in the same order (general → risks → measures → eligibility → caps → load → ESF;
/// within a group by field order).
public enum PlanValidator {
    /// All findings for `plan`. An empty list, or warnings only, means the plan may proceed.
    public static func validate(plan: SupportPlan, context: ValidationContext,
                                settings: ProgrammeSettings = .defaults) -> [Finding] {
        let facts = PlanFacts(plan: plan, context: context, settings: settings)
        return GeneralRules.check(facts)
            + RiskRules.check(facts)
            + MeasureRules.check(facts)
            + EligibilityRules.check(facts)
            + CapRules.check(facts)
            + LoadRules.check(facts)
            + ESFRules.check(facts)
    }
}
