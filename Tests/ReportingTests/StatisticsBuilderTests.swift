import Foundation
@testable import Reporting
import Testing

/// The counting itself, on hand-made plan facts.
@Suite("Statistics builder")
struct StatisticsBuilderTests {
    static let north = StatisticsGroup(key: "north", name: "North")
    static let south = StatisticsGroup(key: "south", name: "South")

    static let plans: [PlanFacts] = [
        PlanFacts(planId: UUID(), group: north, status: "approved", riskCodes: ["L02", "L03", "E02"],
                  measures: [.init(type: "consultation", providers: ["teacher"], subjects: ["matemātika", "fizika"], plannedMinutes: 600,
                                   deliveredMinutes: 120),
                             .init(type: "consultation", providers: ["psychologist", "teacher"], plannedMinutes: 300, deliveredMinutes: 45),
                             .init(type: "meals", plannedCents: 28_000)],
                  specialistMinutes: ["teacher": 150, "psychologist": 15], preparerMinutes: 90, paidCents: ["meals": 7_000, "staff_pay": 5_000]),
        PlanFacts(planId: UUID(), group: north, status: "reported", riskCodes: ["F04"],
                  measures: [.init(type: "consultation", providers: ["social_pedagogue"], plannedMinutes: 240, deliveredMinutes: 240)],
                  specialistMinutes: ["social_pedagogue": 240]),
        PlanFacts(planId: UUID(), group: south, status: "approved", riskCodes: ["L02"],
                  measures: [.init(type: "consultation", providers: ["teacher"], subjects: ["matemātika"], plannedMinutes: 480),
                             .init(type: "personal_items", plannedCents: 2_500)],
                  paidCents: ["personal_items": 2_000, "meals": 500]),
        PlanFacts(planId: UUID(), group: south, status: "deleted", riskCodes: ["L02"],
                  measures: [.init(type: "consultation", providers: ["teacher"], subjects: ["matemātika"], plannedMinutes: 480)]),
    ]

    static func table(_ name: String) -> StatisticsTable {
        StatisticsBuilder.tables(plans).first { $0.name == name }!
    }

    static func value(_ name: String, _ group: StatisticsGroup, _ category: String, _ column: String) -> Int64?? {
        let table = table(name)
        let rows = group == .total ? table.totals : table.rows
        guard let row = rows.first(where: { $0.group == group && $0.category == category }),
              let index = table.columns.firstIndex(where: { $0.name == column }) else { return nil }
        return row.values[index]
    }

    @Test("every table, in order")
    func names() {
        #expect(StatisticsBuilder.tables(Self.plans).map(\.name) == StatisticsBuilder.tableNames)
    }

    @Test("statuses count every plan, deleted ones too; nothing else counts a deleted plan")
    func statuses() {
        #expect(Self.value("plans_by_status", Self.south, "deleted", "plans") == 1)
        #expect(Self.table("plans_by_status").totals.reduce(0) { $0 + $1.plans } == 4)
        #expect(Self.value("plans_by_risk", .total, "L02", "plans") == 2)
        #expect(Self.value("subject_consultations", .total, "matemātika", "plans") == 2)
    }

    @Test("a plan counts once per risk group however many of its risks are in it")
    func riskGroups() {
        #expect(Self.value("plans_by_risk_group", Self.north, "learning", "plans") == 1)
        #expect(Self.value("plans_by_risk_group", .total, "learning", "plans") == 2)
        #expect(Self.value("plans_by_risk_group", .total, "economic", "plans") == 1)
        #expect(Self.value("plans_by_risk_group", .total, "family", "plans") == 1)
    }

    @Test("measures by type count plans and measures")
    func measures() {
        #expect(Self.value("measures_by_type", .total, "consultation", "plans") == 3)
        #expect(Self.value("measures_by_type", .total, "consultation", "measures") == 4)
        #expect(Self.value("measures_by_type", Self.north, "meals", "measures") == 1)
    }

    @Test("subject consultations: plans, measures, planned and delivered minutes of the measures covering the subject")
    func subjects() {
        #expect(Self.value("subject_consultations", Self.north, "matemātika", "plannedMinutes") == 600)
        #expect(Self.value("subject_consultations", Self.north, "fizika", "deliveredMinutes") == 120)
        #expect(Self.value("subject_consultations", .total, "matemātika", "measures") == 2)
        #expect(Self.value("subject_consultations", .total, "matemātika", "plannedMinutes") == 1_080)
    }

    @Test("specialist consultations by provider: delivered minutes from the work lines")
    func providers() {
        #expect(Self.value("specialist_consultations", .total, "teacher", "plans") == 2)
        #expect(Self.value("specialist_consultations", .total, "teacher", "measures") == 3)
        #expect(Self.value("specialist_consultations", .total, "teacher", "deliveredMinutes") == 150)
        #expect(Self.value("specialist_consultations", .total, "psychologist", "deliveredMinutes") == 15)
    }

    @Test("hours planned against delivered; the preparer's work has no plan")
    func hours() {
        #expect(Self.value("hours", .total, "consultation", "plannedMinutes") == 1_620)
        #expect(Self.value("hours", .total, "consultation", "deliveredMinutes") == 405)
        #expect(Self.value("hours", .total, "preparer", "deliveredMinutes") == 90)
        #expect(Self.value("hours", .total, "preparer", "plannedMinutes") == .some(nil))
    }

    @Test("money planned against paid, staff pay and a payout on a measure the plan no longer has included")
    func money() {
        #expect(Self.value("money_by_measure", .total, "meals", "plannedCents") == 28_000)
        #expect(Self.value("money_by_measure", .total, "meals", "paidCents") == 7_500)
        #expect(Self.value("money_by_measure", .total, "meals", "plans") == 2)
        #expect(Self.value("money_by_measure", .total, "staff_pay", "paidCents") == 5_000)
        #expect(Self.value("money_by_measure", .total, "staff_pay", "plannedCents") == .some(nil))
        #expect(Self.value("money_by_measure", Self.south, "personal_items", "plannedCents") == 2_500)
    }

    @Test("every totals row is the sum of its group rows", arguments: StatisticsBuilder.tableNames)
    func totalsAddUp(name: String) {
        let table = Self.table(name)
        for total in table.totals {
            let rows = table.rows.filter { $0.category == total.category }
            #expect(rows.reduce(0) { $0 + $1.plans } == total.plans)
            for index in table.columns.indices {
                let sum = rows.compactMap { $0.values[index] }
                #expect((sum.isEmpty ? nil : sum.reduce(0, +)) == total.values[index], "\(name) \(total.category) \(table.columns[index].name)")
            }
        }
    }
}
