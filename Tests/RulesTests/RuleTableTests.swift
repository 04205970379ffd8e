import Rules
import Testing

@Suite("Rule table: every rule passes, warns and fails as designed")
struct RuleTableTests {
    static let all = RuleCase.general + RuleCase.risks + RuleCase.measures + RuleCase.caps + RuleCase.load + RuleCase.money

    @Test("the clean fixture has no findings")
    func cleanFixture() {
        #expect(Fixture().validate().isEmpty, "\(Fixture().validate())")
    }

    @Test("table", arguments: all)
    func table(_ row: RuleCase) {
        row.verify()
    }

    @Test("every rule id has a passing case and a case for each outcome it can produce")
    func coverage() {
        for rule in RuleID.allCases {
            let rows = Self.all.filter { $0.rule == rule }
            #expect(rows.contains { $0.outcome == nil }, "\(rule.rawValue) has no passing case")
            for outcome in rule.outcomes {
                #expect(rows.contains { $0.outcome == outcome }, "\(rule.rawValue) has no \(outcome) case")
            }
        }
    }

    @Test("rule ids are unique, dotted and lower-case")
    func ruleIds() {
        let ids = RuleID.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.contains(".") && id == id.lowercased() && !id.contains(" ")) }
    }

    @Test("findings come in a deterministic order")
    func deterministic() {
        var fixture = Fixture()
        fixture.plan.risks[1].justification = "psiholoģiskas problēmas"
        fixture.plan.measures[0].providers = []
        fixture.context.consent = nil
        let first = fixture.validate()
        #expect(first == fixture.validate())
        #expect(first.map(\.ruleId) == [.consentRequired, .riskJustificationVague, .measureProvidersRequired])
        #expect(first.map(\.path) == ["consent", "risks[1].justification", "measures[0].providers"])
    }
}
