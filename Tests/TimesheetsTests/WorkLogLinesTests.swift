@testable import Timesheets
import Contracts
import Foundation
import Testing

/// The lines of an approved month: one per plan + measure + role + provider, withdrawn entries out.
@Suite("Aggregation of entries into work-log lines")
struct WorkLogLinesTests {
    static let planA = PlanReference(planId: UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!, revision: 2,
                                     studentCode: "S-7ZK3M0Q1VX", institutionId: UUID(), semester: "2022/2023-1")
    static let planB = PlanReference(planId: UUID(uuidString: "00000000-0000-0000-0000-00000000000b")!, revision: 1,
                                     studentCode: "S-4K8PQ2M7ZD", institutionId: planA.institutionId, semester: "2022/2023-1")
    static let measure = UUID(uuidString: "00000000-0000-0000-0000-0000000000m1".replacingOccurrences(of: "m", with: "1"))!
    static let plans = [planA.planId: planA, planB.planId: planB]

    func work(_ plan: PlanReference, _ measure: UUID?, _ role: EntryRole, _ provider: String?, _ minutes: Int,
              subject: String? = nil, withdrawn: Bool = false) -> RecordedWork {
        RecordedWork(planId: plan.planId, measureId: measure, role: role, providerType: provider, subject: subject, minutes: minutes,
                     withdrawn: withdrawn)
    }

    @Test("minutes sum per key; withdrawn entries are left out; the order is fixed")
    func sums() {
        let entries = [
            work(Self.planB, nil, .preparer, nil, 120),
            work(Self.planA, Self.measure, .specialist, "teacher", 45),
            work(Self.planA, Self.measure, .specialist, "teacher", 45),
            work(Self.planA, Self.measure, .specialist, "teacher", 600, withdrawn: true),
            work(Self.planA, Self.measure, .specialist, "psychologist", 60),
            work(Self.planA, nil, .preparer, nil, 30),
            work(Self.planB, nil, .preparer, nil, 15),
        ]
        let lines = WorkLogLines.lines(entries, plans: Self.plans)
        #expect(lines == [
            WorkLogLine(plan: Self.planA, measureId: nil, role: "preparer", providerType: nil, minutes: 30, sessions: 1, subjects: []),
            WorkLogLine(plan: Self.planA, measureId: Self.measure, role: "specialist", providerType: "psychologist", minutes: 60,
                        sessions: 1, subjects: []),
            WorkLogLine(plan: Self.planA, measureId: Self.measure, role: "specialist", providerType: "teacher", minutes: 90,
                        sessions: 2, subjects: []),
            WorkLogLine(plan: Self.planB, measureId: nil, role: "preparer", providerType: nil, minutes: 135, sessions: 2, subjects: []),
        ])
        #expect(WorkLogLines.lines(entries.reversed(), plans: Self.plans) == lines, "the order does not depend on the entries' order")
    }

    @Test("a month of withdrawn entries has no lines; the total is the sum of the lines")
    func totals() {
        #expect(WorkLogLines.lines([work(Self.planA, Self.measure, .specialist, "teacher", 60, withdrawn: true)], plans: Self.plans).isEmpty)
        let entries = (1...40).map { work(Self.planA, Self.measure, .specialist, $0 % 2 == 0 ? "teacher" : "assistant", $0, withdrawn: $0 % 7 == 0) }
        let expected = entries.filter { !$0.withdrawn }.reduce(0) { $0 + $1.minutes }
        #expect(WorkLogLines.lines(entries, plans: Self.plans).reduce(0) { $0 + $1.minutes } == expected)
    }

    @Test("each line counts its sessions (entries) and, per normalised subject, those that named it; a subject holding a personal code is not published")
    func sessions() throws {
        let entries = [
            work(Self.planA, Self.measure, .specialist, "teacher", 45, subject: "Matemātika"),
            work(Self.planA, Self.measure, .specialist, "teacher", 40, subject: "  matemātika "),
            work(Self.planA, Self.measure, .specialist, "teacher", 30, subject: "Fizika"),
            work(Self.planA, Self.measure, .specialist, "teacher", 20, subject: "161175-19997"),
            work(Self.planA, Self.measure, .specialist, "teacher", 600, subject: "fizika", withdrawn: true),
            work(Self.planA, Self.measure, .specialist, "psychologist", 60),
        ]
        let lines = WorkLogLines.lines(entries, plans: Self.plans)
        let teacher = try #require(lines.first { $0.providerType == "teacher" })
        #expect(teacher.sessions == 4 && teacher.minutes == 135, "every entry not withdrawn is one session")
        #expect(teacher.subjects == [WorkLogSubjectSessions(subject: "fizika", sessions: 1, minutes: 30),
                                     WorkLogSubjectSessions(subject: "matemātika", sessions: 2, minutes: 85)])
        #expect(lines.first { $0.providerType == "psychologist" }?.sessions == 1)
        #expect(lines.reduce(0) { $0 + ($1.sessions ?? 0) } == entries.filter { !$0.withdrawn }.count)
    }
}
