@testable import Timesheets
import Contracts
import Foundation
import Rules
import Testing

/// What an entry's body must say, by role, and which measure it may name.
@Suite("Entry rules")
struct EntryRulesTests {
    static let measure = PlannedMeasurePayload(measureId: UUID(), type: "consultation", providers: ["teacher", "psychologist"], plannedMinutes: 600)
    static let meals = PlannedMeasurePayload(measureId: UUID(), type: "meals", monthlyAmountCents: 7000)

    func entry(measure: UUID? = measure.measureId, minutes: Int = 45, provider: ProviderType? = .teacher, subject: String? = "matemātika",
               remote: Bool? = false) -> NewEntry {
        NewEntry(planId: UUID(), measureId: measure, workDate: CalendarDate(year: 2022, month: 10, day: 3)!, minutes: minutes,
                 providerType: provider, subject: subject, remote: remote)
    }

    @Test("a specialist names measure, provider and remote; a teacher the subject")
    func specialist() {
        #expect(EntryRules.shape(entry(), as: .specialist) == nil)
        #expect(EntryRules.shape(entry(measure: nil), as: .specialist)?.rule == "entry.measure.required")
        #expect(EntryRules.shape(entry(provider: nil), as: .specialist)?.rule == "entry.provider.required")
        #expect(EntryRules.shape(entry(remote: nil), as: .specialist)?.rule == "entry.remote.required")
        #expect(EntryRules.shape(entry(subject: nil), as: .specialist)?.rule == "entry.subject.required")
        #expect(EntryRules.shape(entry(provider: .psychologist, subject: nil), as: .specialist) == nil, "only subject consultations name one")
        #expect(EntryRules.shape(entry(subject: "   "), as: .specialist)?.rule == "entry.subject.length")
        #expect(EntryRules.shape(entry(subject: String(repeating: "a", count: 201)), as: .specialist)?.rule == "entry.subject.length")
    }

    @Test("minutes are whole and from 1 to 1440")
    func minutes() {
        #expect(EntryRules.shape(entry(minutes: 1), as: .specialist) == nil)
        #expect(EntryRules.shape(entry(minutes: 1440), as: .specialist) == nil)
        #expect(EntryRules.shape(entry(minutes: 0), as: .specialist)?.field == "minutes")
        #expect(EntryRules.shape(entry(minutes: 1441), as: .specialist)?.rule == "entry.minutes.range")
        #expect(EntryRules.shape(entry(minutes: -30), as: .specialist)?.rule == "entry.minutes.range")
    }

    @Test("a preparer's work names no measure")
    func preparer() {
        #expect(EntryRules.shape(entry(measure: nil, provider: nil, subject: nil, remote: nil), as: .preparer) == nil)
        #expect(EntryRules.shape(entry(provider: nil), as: .preparer)?.field == "measureId")
        #expect(EntryRules.shape(entry(measure: nil), as: .preparer)?.field == "providerType")
    }

    @Test("the measure must be the plan's consultation with the entry's provider among its providers")
    func measure() {
        let measures = [Self.measure, Self.meals]
        #expect((try? EntryRules.measure(for: entry(), in: measures).get()) == Self.measure)
        func rule(_ e: NewEntry) -> String? {
            if case .failure(let refusal) = EntryRules.measure(for: e, in: measures) { return refusal.rule }
            return nil
        }
        #expect(rule(entry(measure: UUID())) == "entry.measure.unknown")
        #expect(rule(entry(measure: Self.meals.measureId)) == "entry.measure.not_consultation")
        #expect(rule(entry(provider: .speechTherapist)) == "entry.provider.not_planned")
    }

    @Test("hour limits come from the rules library and are refused on the minutes field at the exact boundary")
    func hours() {
        let at = HoursRules.checkDelivery(planned: 600, alreadyDelivered: 555, recording: 45, path: "minutes")
        let over = HoursRules.checkDelivery(planned: 600, alreadyDelivered: 555, recording: 46, path: "minutes")
        #expect(Refusal.firstError(of: at, field: "minutes") == nil)
        #expect(Refusal.firstError(of: over, field: "minutes")?.rule == "hours.delivered.exceeds_planned")
        let semester = SemesterRef(schoolYear: 2022, number: .first)
        #expect(Refusal.firstError(of: HoursRules.checkPreparer(alreadyRecorded: 540, recording: 60, semester: semester, settings: .defaults),
                                   field: "minutes") == nil)
        #expect(Refusal.firstError(of: HoursRules.checkPreparer(alreadyRecorded: 540, recording: 61, semester: semester, settings: .defaults),
                                   field: "minutes")?.rule == "hours.preparer.limit")
    }
}
