import Rules
import Testing

/// The one definition of a state vocational institution (VPII) and the route it decides.
@Suite("Institution category: VPII = state AND vocational")
struct InstitutionCategoryTests {
    @Test("only a state vocational institution is a VPII and skips the municipality step")
    func stateVocationalOnly() {
        let cases: [(InstitutionKind, InstitutionFounder, Bool)] = [
            (.vocational, .state, true), (.vocational, .municipal, false), (.general, .state, false), (.general, .municipal, false),
        ]
        for (kind, founder, vpii) in cases {
            let category = InstitutionCategory(kind: kind, founder: founder)
            #expect(category.isStateVocational == vpii, "\(kind)/\(founder)")
            #expect(InstitutionProfile(id: "i", kind: kind, founder: founder).isStateVocational == vpii)
            #expect(ApprovalLevel.route(for: category) == (vpii ? [.institutionHead, .ikvd] : [.institutionHead, .municipality, .ikvd]))
        }
    }

    @Test("the directory's text: known values parse, unknown ones do not")
    func fromText() {
        #expect(InstitutionCategory(kind: "vocational", founder: "state")?.isStateVocational == true)
        #expect(InstitutionCategory(kind: "vocational", founder: "private") == nil)
        #expect(InstitutionCategory(kind: "", founder: "state") == nil)
    }

    @Test("the lifecycle follows it: a state general school's head approval goes to the municipality")
    func lifecycle() throws {
        func context(_ kind: InstitutionKind, _ founder: InstitutionFounder) -> LifecycleContext {
            LifecycleContext(institution: InstitutionCategory(kind: kind, founder: founder), actor: .institutionHead,
                             today: day("2019-10-15"), semesterEnd: day("2019-12-31"),
                             consentOnFile: true)
        }
        for (kind, founder, next) in [(InstitutionKind.general, InstitutionFounder.state, PlanState.awaitingMunicipality),
                                      (.vocational, .municipal, .awaitingMunicipality), (.vocational, .state, .awaitingIKVD)] {
            let step = try PlanLifecycle.apply(.approve(.institutionHead), to: .awaitingInstitutionHead, context: context(kind, founder)).get()
            #expect(step.to == next, "\(kind)/\(founder)")
        }
    }
}
