import Contracts
import Foundation
import Reporting
import Rules
import ServiceKit
import Testing

/// What reporting keeps of a submitted plan: planned money for the semester, the subjects of
/// subject consultations, and nothing personal.
@Suite("Planned facts from plan.submitted")
struct PlannedFactsTests {
    @Test("the semester's months from the calendar (autumn 4, spring 5), and for an unlisted semester")
    func months() {
        #expect(PlannedFacts.semesterMonths("2022/2023-1", settings: .defaults) == 4)
        #expect(PlannedFacts.semesterMonths("2022/2023-2", settings: .defaults) == 5)
        #expect(PlannedFacts.semesterMonths("2031/2032-2", settings: .defaults) == 5)
        #expect(PlannedFacts.schoolYear(of: "2022/2023-2") == "2022/2023")
    }

    @Test("subjects are trimmed, lower case, each once; a personal code is never kept")
    func subjects() {
        #expect(PlannedFacts.normalisedSubjects([" Matemātika ", "matemātika", "Latviešu   valoda", "", "161175-19997"])
                == ["latviešu valoda", "matemātika"])
    }

    @Test("planned money and subject consultations from the event and its content")
    func measures() throws {
        let plan = SupportPlan(
            id: "p", institutionId: "i", studentCode: "S-1", semester: SemesterRef(schoolYear: 2022, number: .first),
            general: GeneralInformation(gradeOrCourse: 8, preparerName: "Anna Bērziņa", situation: "x", goal: "y"),
            risks: [IdentifiedRisk(code: .L02, justification: "j", subjects: ["Matemātika", "Fizika"], howSupportHelps: "h"),
                    IdentifiedRisk(code: .F04, justification: "j", subjects: ["Ignored"])],
            measures: [PlannedMeasure(type: .consultation, addresses: [.L02], kind: .consultation, providers: [.teacher], plannedMinutes: 600),
                       PlannedMeasure(type: .consultation, addresses: [.L02, .F04], kind: .consultativeSupport, providers: [.psychologist],
                                      plannedMinutes: 300),
                       PlannedMeasure(type: .consultation, addresses: [.F04], kind: .consultation, providers: [.socialPedagogue], plannedMinutes: 120),
                       PlannedMeasure(type: .meals, addresses: [.L02], plannedAmount: Cents(7_000)),
                       PlannedMeasure(type: .personalItems, addresses: [.L02], plannedAmount: Cents(2_500))],
            priorityRisk: .L02)
        let ids = (0..<5).map { _ in UUID() }
        let event = PlanContentSubmitted(
            plan: PlanReference(planId: UUID(), revision: 1, studentCode: "S-1", institutionId: UUID(), semester: "2022/2023-1"),
            submittedBy: ActorPayload(personId: UUID(), role: "preparer"), content: try JSONResponse.encode(plan), riskCodes: ["L02", "F04"],
            measures: [.init(measureId: ids[0], type: "consultation", providers: ["teacher"], plannedMinutes: 600, riskCodes: ["L02"]),
                       .init(measureId: ids[1], type: "consultation", providers: ["psychologist"], plannedMinutes: 300, riskCodes: ["L02", "F04"]),
                       .init(measureId: ids[2], type: "consultation", providers: ["social_pedagogue"], plannedMinutes: 120, riskCodes: ["F04"]),
                       .init(measureId: ids[3], type: "meals", monthlyAmountCents: 7_000, riskCodes: ["L02"]),
                       .init(measureId: ids[4], type: "personal_items", semesterAmountCents: 2_500, riskCodes: ["L02"])])
        let measures = PlannedFacts.measures(of: event, settings: .defaults)
        #expect(measures.map(\.measureId) == ids)
        #expect(measures[0].subjects == ["fizika", "matemātika"])
        #expect(measures[1].subjects.isEmpty, "consultative support is no subject consultation")
        #expect(measures[2].subjects.isEmpty, "F04 names no subjects that count")
        #expect(measures[3].plannedCents == 28_000)
        #expect(measures[4].plannedCents == 2_500)
        #expect(measures[0].plannedCents == nil)
        // Without content (or content that does not line up) there are no subjects, and nothing fails.
        var bare = event
        bare.content = Array("not json".utf8)
        #expect(PlannedFacts.measures(of: bare, settings: .defaults).allSatisfy { $0.subjects.isEmpty })
    }
}
