import AMQP
import ApprovalRouting
import Auth
import Contracts
import Foundation
import Postgres
import RiskValidation
import Rules
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Operators scale approval by running more instances: four routing and two validation
    /// instances share their queues while approvers race each other on every step.
    @Suite("Approval under competition (4 routing + 2 validation instances)", .serialized)
    struct ApprovalCompetitionTests {
        static let plans = 1000

        @Test("1,000 plans, conflicting simultaneous decisions: every plan in exactly one state, no decision lost or applied twice")
        func thousandPlans() async throws {
            let started = ContinuousClock.now
            let harness = try await ApprovalHarness.start(instances: 4, probing: [PlanApproved.eventType.rawValue])
            let validationName = IntegrationEnvironment.uniqueServiceName("riskval")
            var validators: [HostedService] = []
            for _ in 0..<2 {
                validators.append(try await HostedService.start(tag: "riskval", name: validationName) { name, port in
                    RiskValidationService.definition(name: name, port: port)
                })
            }
            let (municipality, school, vpii) = try await harness.directory()
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) {
                (try? await validators[0].scalar("SELECT count(*) FROM replica_institutions WHERE id IN ($1, $2)", [school, vpii])) == 2
            })

            // 1,000 submissions (half municipal, half VPII), each a different student.
            let references: [PlanReference] = try await harness.upstream.pool.withTransaction { connection in
                let writer = OutboxWriter(producer: "intake", correlationId: UUID())
                var references: [PlanReference] = []
                for index in 0..<Self.plans {
                    let institution = index % 2 == 0 ? school : vpii
                    var event = try ValidationSamples.submitted(UUID(), revision: 2, institution: institution, vocational: institution == vpii)
                    event.plan.studentCode = Self.studentCode(index)
                    references.append(event.plan)
                    // As intake writes a submission: the content to validation, the notice to approval.
                    try writer.enqueue(event, on: connection)
                    try writer.enqueue(PlanSubmitted(plan: event.plan, submittedBy: event.submittedBy, riskCodes: event.riskCodes,
                                                     measures: event.measures), on: connection)
                }
                return references
            }
            let routed = await IntegrationEnvironment.eventually(timeout: .seconds(240), every: .milliseconds(500)) {
                (try? await harness.host.scalar("SELECT count(*) FROM approval_plans WHERE state = 'awaiting_institution_head'")) == Self.plans
            }
            #expect(routed, "all plans validated and routed")
            let routedAt = ContinuousClock.now

            // Approvers: two per level, racing on every step through different instances; every tenth
            // plan the second head returns it at the same moment the first approves.
            let heads = [try await harness.token(.institutionHead, .institution(school)), try await harness.token(.institutionHead, .institution(school))]
            let vpiiHeads = [try await harness.token(.institutionHead, .institution(vpii)), try await harness.token(.institutionHead, .institution(vpii))]
            let coordinators = [try await harness.token(.municipalityCoordinator, .municipality(municipality)),
                                try await harness.token(.municipalityCoordinator, .municipality(municipality))]
            let experts = [try await harness.token(.ikvdExpert, .national), try await harness.token(.ikvdExpert, .region("Latgale"))]
            let tally = OutcomeTally()
            let clients = (0..<4).map { harness.client($0) }

            try await withThrowingTaskGroup(of: Void.self) { group in
                var inFlight = 0
                for (index, plan) in references.enumerated() {
                    if inFlight >= 12 { try await group.next(); inFlight -= 1 }
                    inFlight += 1
                    group.addTask {
                        let municipal = plan.institutionId == school
                        var levels: [[String]] = [municipal ? heads : vpiiHeads]
                        if municipal { levels.append(coordinators) }
                        levels.append(experts)
                        for (step, tokens) in levels.enumerated() {
                            let returnRace = step == 0 && index % 10 == 0
                            async let first = clients[index % 4].send("POST", "/approvals/plans/\(plan.planId)/approve", tokens[0])
                            async let second = returnRace
                                ? clients[(index + 1) % 4].send("POST", "/approvals/plans/\(plan.planId)/return", tokens[1], #"{"comment":"Precizējiet."}"#)
                                : clients[(index + 1) % 4].send("POST", "/approvals/plans/\(plan.planId)/approve", tokens[1])
                            let (a, b) = try await (first, second)
                            await tally.record(a.status, "approve")
                            await tally.record(b.status, returnRace ? "return" : "approve")
                            if a.status != 200 && b.status != 200 { await tally.record(0, "no winner") }
                            if a.status == 200 && b.status == 200 { await tally.record(0, "two winners") }
                            if returnRace && b.status == 200 { return } // returned: the preparer has it now
                        }
                    }
                }
                try await group.waitForAll()
            }
            let decidedAt = ContinuousClock.now

            // Every plan is in exactly one final state; decisions match the winners one to one.
            let states = try await harness.host.pool.withConnection { connection in
                try connection.query("SELECT state, count(*) AS n FROM approval_plans GROUP BY state ORDER BY state").map {
                    (try $0.decode("state", as: String.self), try $0.decode("n", as: Int.self))
                }
            }
            let approved = states.first { $0.0 == "approved" }?.1 ?? 0
            let returned = states.first { $0.0 == "returned" }?.1 ?? 0
            let decisions = try await harness.host.pool.withConnection { connection in
                try connection.query("SELECT command, count(*) AS n FROM decisions GROUP BY command ORDER BY command").map {
                    (try $0.decode("command", as: String.self), try $0.decode("n", as: Int.self))
                }
            }
            let wonApprovals = await tally.count(200, "approve")
            let wonReturns = await tally.count(200, "return")
            let conflicts = await tally.count(409, "approve") + tally.count(409, "return")
            let bodies = try await PipelineSuites.IntakeBrokerIntegrationTests.collect(queue: AMQPTopology.eventQueue(for: harness.probe),
                                                                                      count: approved, amqp: harness.amqp)
            let approvedEvents = try bodies.map { try ContractCoding.decode(Envelope<PlanApproved>.self, from: $0).data.plan.planId }
            let duplicateEvents = approvedEvents.count - Set(approvedEvents).count
            print("""
                approval competition: \(Self.plans) plans, 4 routing + 2 validation instances
                  validated and routed in \(started.duration(to: routedAt)), decided in \(routedAt.duration(to: decidedAt))
                  final states: \(states.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
                  HTTP: approvals won \(wonApprovals), returns won \(wonReturns), 409 conflicts \(conflicts), \
                other \(await tally.other()), no winner \(await tally.count(0, "no winner")), two winners \(await tally.count(0, "two winners"))
                  decisions stored: \(decisions.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
                  plan.approved events received: \(approvedEvents.count) (distinct \(Set(approvedEvents).count), duplicates \(duplicateEvents))
                """)
            #expect(approved + returned == Self.plans, "every plan ends approved or returned")
            #expect(returned == wonReturns, "a plan is returned exactly when its return won the race")
            let noWinner = await tally.count(0, "no winner"), twoWinners = await tally.count(0, "two winners")
            #expect(noWinner == 0 && twoWinners == 0)
            #expect(decisions.first { $0.0 == "approve" }?.1 == wonApprovals, "one stored decision per winning approval")
            #expect(decisions.first { $0.0 == "return" }?.1 ?? 0 == wonReturns)
            #expect(decisions.first { $0.0 == "route" }?.1 == Self.plans)
            let other = await tally.other()
            #expect(other == 0, "no response other than 200 and 409")
            #expect(approvedEvents.count == approved && duplicateEvents == 0, "plan.approved once per approved plan")
            await HostedService.stopAll(validators)
            await harness.stop()
        }

        static func studentCode(_ index: Int) -> String {
            var value = index + 1_000_000
            var text = ""
            for _ in 0..<10 {
                text.append(StudentCode.alphabet[value % StudentCode.alphabet.count])
                value /= StudentCode.alphabet.count
            }
            return "S-" + text
        }
    }
}

/// Counts HTTP outcomes by status and command.
actor OutcomeTally {
    private var counts: [String: Int] = [:]
    private var others = 0

    func record(_ status: Int, _ command: String) {
        if status == 0 || status == 200 || status == 409 { counts["\(status) \(command)", default: 0] += 1 } else { others += 1 }
    }

    func count(_ status: Int, _ command: String) -> Int { counts["\(status) \(command)"] ?? 0 }
    func other() -> Int { others }
}
