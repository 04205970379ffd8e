import Foundation
@testable import Reporting
import Testing

/// A report's figures: delivered minutes per measure from the work lines, money by type on the
/// plan's first measure of that type, staff pay apart.
@Suite("Report figures")
struct ReportFiguresTests {
    @Test("planned next to delivered and paid")
    func compose() {
        let teacher = UUID(), psychologist = UUID(), meals = UUID(), moreMeals = UUID(), items = UUID()
        let figures = ReportFigures.compose(
            planned: [.init(measureId: teacher, type: "consultation", providers: ["teacher"], riskCodes: ["L02"], plannedMinutes: 600),
                      .init(measureId: psychologist, type: "consultation", providers: ["psychologist"], plannedMinutes: 300),
                      .init(measureId: meals, type: "meals", plannedCents: 28_000),
                      .init(measureId: moreMeals, type: "meals", plannedCents: 7_000),
                      .init(measureId: items, type: "personal_items", plannedCents: 2_500)],
            deliveredByMeasure: [teacher: 180, UUID(): 30], specialistMinutes: 210,
            paidByMeasure: ["meals": 9_000, "staff_pay": 4_500, "lodging": 3_500], preparerMinutes: 120, preparerLimit: 600)
        let byId = Dictionary(uniqueKeysWithValues: figures.measures.map { ($0.measureId, $0) })
        #expect(figures.measures.map(\.measureId) == [teacher, psychologist, meals, moreMeals, items])
        #expect(byId[teacher]?.deliveredMinutes == 180 && byId[teacher]?.paidCents == nil)
        #expect(byId[psychologist]?.deliveredMinutes == 0)
        #expect(byId[meals]?.paidCents == 9_000 && byId[meals]?.deliveredMinutes == nil)
        #expect(byId[moreMeals]?.paidCents == nil, "the type's money is on its first measure")
        #expect(byId[items]?.paidCents == 0)
        #expect(figures.staffPaidCents == 4_500)
        #expect(figures.otherPaidCents == ["lodging": 3_500])
        #expect(figures.preparer == .init(recordedMinutes: 120, limitMinutes: 600))
        #expect(figures.totals == .init(plannedMinutes: 900, deliveredMinutes: 210, plannedCents: 37_500, paidCents: 12_500))
    }
}
