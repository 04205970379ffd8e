import Auth
import Foundation
@testable import Reporting
import Testing

/// Disclosure control: outside IKVD no figure about 1–4 plans is shown, and no hidden figure can
/// be recovered from a total and the figures next to it.
@Suite("Suppression below 5")
struct SuppressionTests {
    static let columns = [StatisticsTable.Column("plans", isCount: true), .init("deliveredMinutes", isCount: false)]

    static func group(_ key: String) -> StatisticsGroup { StatisticsGroup(key: key, name: key.uppercased()) }

    /// A table with one category and a row per group of `plans` plans (minutes = plans × 60).
    static func column(_ plans: [String: Int], category: String = "L01", partitions: Bool = false) -> StatisticsTable {
        let rows = plans.sorted { $0.key < $1.key }.map {
            StatisticsTable.Row(group: group($0.key), category: category, plans: $0.value, values: [Int64($0.value), Int64($0.value * 60)])
        }
        let total = plans.values.reduce(0, +)
        return StatisticsTable(name: "t", categoryName: "risk", columns: columns, partitionsPlans: partitions, rows: rows,
                               totals: [StatisticsTable.Row(group: .total, category: category, plans: total, values: [Int64(total), Int64(total * 60)])])
    }

    @Test("only IKVD sees every figure", arguments: Role.allCases)
    func whoIsSuppressed(role: Role) {
        #expect(Suppression.applies(to: role) == !(role == .ikvdAdmin || role == .ikvdExpert))
    }

    @Test("1–4 plans are shown as <5 with every figure of the row; 0 and 5 are shown")
    func primary() {
        let table = Self.column(["a": 3, "b": 5, "c": 9, "d": 4])
        let shown = Suppression.publish(table, suppress: true)
        let cells = Dictionary(uniqueKeysWithValues: shown.rows.map { ($0.group.key, $0.cells) })
        #expect(cells["a"] == [.suppressed, .suppressed])
        #expect(cells["d"] == [.suppressed, .suppressed])
        #expect(cells["b"] == [.value(5), .value(300)])
        #expect(shown.totals.first?.cells == [.value(21), .value(1260)])
        let ikvd = Suppression.publish(table, suppress: false)
        #expect(ikvd.rows.first { $0.group.key == "a" }?.cells == [.value(3), .value(180)])
    }

    @Test("a count of measures below 5 hides its row even when the plans are 5 or more")
    func smallCountCell() {
        let columns = [StatisticsTable.Column("plans", isCount: true), .init("measures", isCount: true)]
        let row = StatisticsTable.Row(group: Self.group("a"), category: "psychologist", plans: 6, values: [6, 3])
        let zero = StatisticsTable.Row(group: Self.group("b"), category: "psychologist", plans: 6, values: [6, 0])
        #expect(Suppression.isSmall(row, columns))
        #expect(!Suppression.isSmall(zero, columns))
    }

    @Test("a lone hidden row in a column with a shown total takes the smallest other row with it")
    func complementary() {
        let table = Self.column(["a": 3, "b": 12, "c": 7, "d": 30])
        let (hidden, totals) = Suppression.hidden(table)
        #expect(totals.isEmpty)
        #expect(Set(hidden.map { table.rows[$0].group.key }) == ["a", "c"])
        // Without the complement, total − shown rows would give a's 3 back.
        let shown = Suppression.publish(table, suppress: true)
        let visible = shown.rows.compactMap { row -> Int64? in if case .value(let v) = row.cells[0] { v } else { nil } }
        #expect(52 - visible.reduce(0, +) == 10, "only a + c together are recoverable")
    }

    @Test("when the total itself is below 5 it is hidden and nothing more is needed")
    func smallTotal() {
        let table = Self.column(["a": 3])
        let (hidden, totals) = Suppression.hidden(table)
        #expect(hidden == [0] && totals == [0])
    }

    @Test("statuses split a group's plans: a group never has exactly one hidden status")
    func partitions() {
        let rows = [("approved", 12), ("submitted", 3), ("reported", 8)].map { status, plans in
            StatisticsTable.Row(group: Self.group("school"), category: status, plans: plans, values: [Int64(plans)])
        }
        let table = StatisticsTable(name: "plans_by_status", categoryName: "status", columns: [.init("plans", isCount: true)],
                                    partitionsPlans: true, rows: rows, totals: rows.map { row in
                                        var total = row
                                        total.group = .total
                                        return total
                                    })
        let hidden = Suppression.hidden(table).rows
        #expect(Set(hidden.map { table.rows[$0].category }) == ["submitted", "reported"])
    }

    /// A deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("in 500 random tables no hidden figure equals a shown total minus the shown figures of its column or group")
    func noDifferencing() {
        var random = SplitMix(state: 2026)
        for _ in 0..<500 {
            let groups = (0..<Int.random(in: 1...6, using: &random)).map { "g\($0)" }
            let categories = (0..<Int.random(in: 1...4, using: &random)).map { "c\($0)" }
            var rows: [StatisticsTable.Row] = []
            for group in groups {
                for category in categories where Int.random(in: 0...4, using: &random) > 0 {
                    let plans = Int.random(in: 1...14, using: &random)
                    rows.append(StatisticsTable.Row(group: Self.group(group), category: category, plans: plans, values: [Int64(plans)]))
                }
            }
            let totals = categories.compactMap { category -> StatisticsTable.Row? in
                let sum = rows.filter { $0.category == category }.reduce(0) { $0 + $1.plans }
                return sum == 0 ? nil : StatisticsTable.Row(group: .total, category: category, plans: sum, values: [Int64(sum)])
            }
            let table = StatisticsTable(name: "t", categoryName: "status", columns: [.init("plans", isCount: true)], partitionsPlans: true,
                                        rows: rows, totals: totals)
            let (hidden, hiddenTotals) = Suppression.hidden(table)
            for (index, row) in rows.enumerated() where row.plans < 5 { #expect(hidden.contains(index)) }
            for (index, total) in totals.enumerated() where !hiddenTotals.contains(index) {
                let line = rows.indices.filter { rows[$0].category == total.category }
                #expect(line.filter { hidden.contains($0) }.count != 1, "column \(total.category) leaks a hidden row")
            }
            for group in groups {
                let line = rows.indices.filter { rows[$0].group.key == group }
                guard line.count > 1 else { continue }
                #expect(line.filter { hidden.contains($0) }.count != 1, "group \(group) leaks a hidden status")
            }
        }
    }
}
