import Auth
import Foundation
import Payouts
import Postgres
import TestSupport
import Testing

extension PipelineSuites {
    /// Youth initiative projects (issue #19 point 10) through the real payouts service on
    /// PostgreSQL and RabbitMQ: a municipality's competition, NGO applications checked against the
    /// seeds' conditions, decisions against the budget, payments into the ledger and out to
    /// finance's own AMQP client exactly once, the month's batch and its SEPA file, a reversal.
    @Suite("Payouts: youth initiative projects")
    struct YouthProjectsTests {
        static let ngoIBAN = "LV97HABA0012345678910"

        static func application(title: String, requested: Int = 460_000, atRisk: Int = 3, ends: String = "2023-10-31",
                                iban: String = ngoIBAN, methods: String = "Pārgājieni, vienaudžu mācīšanās, jauniešu vadītas darbnīcas.") -> String {
            """
            {"receivedOn":"2022-11-10","organisation":{"name":"Biedrība Jaunie Ludzā","registrationNumber":"40008123456","worksWithYouth":true},
             "projectTitle":"\(title)","requestedCents":\(requested),"startsOn":"2023-02-01","endsOn":"\(ends)",
             "participantsPlanned":30,"atRiskParticipants":\(atRisk),"nonFormalMethods":"\(methods)",
             "planAlignment":"Novada vidēja termiņa plāna 2.3. pasākums: ārpusskolas aktivitātes.",
             "payee":{"name":"Biedriba Jaunie Ludza","iban":"\(iban)"}}
            """
        }

        /// A coordinator of another municipality (its own scope): it must see none of this one's.
        static func otherCoordinator(_ harness: PayoutsHarness) async throws -> String {
            let person = UUID(), scope = Scope.municipality(UUID())
            try await TestGrants.replica(try Principal(personId: person, role: .municipalityCoordinator, scope: scope), on: harness.host.pool)
            return try await harness.minter.mint(personId: person, role: .municipalityCoordinator, scope: scope)
        }

        static func rules(_ reply: HTTPReply) -> [String] {
            (reply.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        }

        @Test("competition → applications with findings → decisions within the budget → payments once, in the ledger, the batch and finance's queue")
        func wholeFlow() async throws {
            let harness = try await PayoutsHarness.start()
            let queue = "finance-youth-\(UUID().uuidString.prefix(8).lowercased())"
            _ = try await harness.finance(["declare", "--queue", queue])
            let partner = try await harness.token(.municipalityCoordinator)
            let financeToken = try await harness.token(.finance)
            let client = harness.client

            // A competition of 7,000 EUR; the partner is the caller's municipality.
            let created = try await client.send("POST", "/payouts/youth/competitions", partner, """
                {"title":"Jauniešu iniciatīvas 2023","opensOn":"2022-11-01","closesOn":"2022-11-30","budgetCents":700000,
                 "mediumTermPlanReference":"Ludzas novada PMP mazināšanas plāns 2022–2024"}
                """)
            #expect(created.status == 201, "\(created.body)")
            #expect(created.json["partnerKind"] as? String == "municipality")
            #expect(created.json["partnerId"] as? String == harness.municipality.uuidString)
            let competition = try #require(created.json["competitionId"] as? String)
            let again = try await client.send("POST", "/payouts/youth/competitions", partner, """
                {"title":"Jauniešu iniciatīvas 2023","opensOn":"2022-11-01","closesOn":"2022-11-30","budgetCents":1,"mediumTermPlanReference":"Plāns"}
                """)
            #expect(again.status == 409 && again.body.contains("youth.competition.duplicate"), "\(again.body)")
            let preparer = try await harness.token(.preparer)
            #expect(try await client.send("POST", "/payouts/youth/competitions", preparer, "{}").status == 403)

            // Applications: two meet every condition, one breaks two.
            let path = "/payouts/youth/competitions/\(competition)/applications"
            let first = try await client.send("POST", path, partner, Self.application(title: "Vienaudži vienaudžiem"))
            #expect(first.status == 201, "\(first.body)")
            #expect((first.json["findings"] as? [Any])?.isEmpty == true, "\(first.body)")
            #expect(first.json["payeeIbanMasked"] as? String == "LV** **** **** **** *8910" || first.body.contains("*8910"), "\(first.body)")
            #expect(!first.body.contains(Self.ngoIBAN), "the full IBAN is not shown")
            let broken = try await client.send("POST", path, partner, Self.application(title: "Par īsu", atRisk: 2, ends: "2023-03-31"))
            #expect(broken.status == 201, "\(broken.body)")
            let brokenRules = (broken.json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            #expect(brokenRules == ["youth.duration", "youth.participants.at_risk_share"], "\(broken.body)")
            let third = try await client.send("POST", path, partner, Self.application(title: "Kopā skolā", requested: 300_000))
            #expect(third.status == 201, "\(third.body)")
            let a = try #require(first.json["applicationId"] as? String)
            let b = try #require(broken.json["applicationId"] as? String)
            let c = try #require(third.json["applicationId"] as? String)

            // Bad input: a field at a time, Latvian first; no personal code; no student field accepted.
            let badIBAN = try await client.send("POST", path, partner, Self.application(title: "Cits", iban: "LV00HABA0012345678910"))
            #expect(badIBAN.status == 422 && badIBAN.body.contains("payee.iban") && badIBAN.body.contains("Nederīgs IBAN"), "\(badIBAN.body)")
            let code = try await client.send("POST", path, partner, Self.application(title: "Cits", methods: "Dalībnieks 161175-19997 un citi"))
            #expect(code.status == 422 && code.body.contains("text.personal_code"), "\(code.body)")
            let student = try await client.send("POST", path, partner,
                                                Self.application(title: "Cits").replacingOccurrences(of: "\"atRiskParticipants\"", with: "\"studentCodes\":[\"S-1\"],\"atRiskParticipants\""))
            #expect(student.status == 422, "a list of students is not accepted: \(student.body)")
            let duplicate = try await client.send("POST", path, partner, Self.application(title: "Vienaudži vienaudžiem"))
            #expect(duplicate.status == 409 && duplicate.body.contains("youth.application.duplicate"), "\(duplicate.body)")

            // Scope: another municipality sees nothing; finance and IKVD read; finance does not decide.
            let other = try await Self.otherCoordinator(harness)
            #expect(try await client.send("GET", "/payouts/youth/competitions/\(competition)", other).status == 404)
            #expect(try await client.send("GET", "/payouts/youth/applications/\(a)", other).status == 404)
            #expect(try await client.send("POST", "/payouts/youth/applications/\(a)/award", other, "{}").status == 404)
            #expect(try await client.send("GET", "/payouts/youth/applications/\(a)", financeToken).status == 200)
            let ikvd = try await harness.token(.ikvdExpert)
            #expect(try await client.send("GET", "\(path)", ikvd).json["total"] as? Int == 3)
            #expect(try await client.send("POST", "/payouts/youth/applications/\(a)/award", financeToken, "{}").status == 403)

            // Decisions: the broken one cannot be awarded; refusing needs a reason; decided once.
            let refusedAward = try await client.send("POST", "/payouts/youth/applications/\(b)/award", partner, "{}")
            #expect(refusedAward.status == 422 && Self.rules(refusedAward) == ["youth.duration", "youth.participants.at_risk_share"],
                    "\(refusedAward.body)")
            #expect(try await client.send("POST", "/payouts/youth/applications/\(b)/refuse", partner, #"{"reason":" "}"#).status == 422)
            let refused = try await client.send("POST", "/payouts/youth/applications/\(b)/refuse", partner,
                                                #"{"reason":"Neatbilst termiņa un riska grupas nosacījumiem."}"#)
            #expect(refused.status == 200 && refused.json["state"] as? String == "refused", "\(refused.body)")
            #expect(try await client.send("POST", "/payouts/youth/applications/\(b)/refuse", partner, #"{"reason":"vēlreiz"}"#).status == 409)
            let awarded = try await client.send("POST", "/payouts/youth/applications/\(a)/award", partner, "{}")
            #expect(awarded.status == 200 && awarded.json["awardedCents"] as? Int == 460_000, "\(awarded.body)")
            // 4,600 + 3,000 > 7,000: the budget refuses; 2,400 fits exactly.
            let overBudget = try await client.send("POST", "/payouts/youth/applications/\(c)/award", partner, "{}")
            #expect(overBudget.status == 422 && Self.rules(overBudget) == ["youth.competition.budget"], "\(overBudget.body)")
            let fits = try await client.send("POST", "/payouts/youth/applications/\(c)/award", partner, #"{"awardedCents":240000}"#)
            #expect(fits.status == 200, "\(fits.body)")
            let view = try await client.send("GET", "/payouts/youth/competitions/\(competition)", partner)
            #expect(view.json["awardedCents"] as? Int == 700_000 && view.json["remainingBudgetCents"] as? Int == 0, "\(view.body)")

            // Payments: advance, the same advance again (the same payout), never above the award.
            let pay = "/payouts/youth/applications/\(a)/payments"
            #expect(try await client.send("POST", "/payouts/youth/applications/\(b)/payments", partner,
                                          #"{"instalment":"advance","amountCents":1}"#).status == 409)
            let advance = try await client.send("POST", pay, partner, #"{"instalment":"advance","amountCents":230000}"#)
            #expect(advance.status == 201 && advance.json["state"] as? String == "released" && advance.json["period"] as? String == "2022-11",
                    "\(advance.body)")
            let repeated = try await client.send("POST", pay, partner, #"{"instalment":"advance","amountCents":230000}"#)
            #expect(repeated.status == 200 && repeated.json["payoutId"] as? String == advance.json["payoutId"] as? String, "\(repeated.body)")
            let changed = try await client.send("POST", pay, partner, #"{"instalment":"advance","amountCents":1000}"#)
            #expect(changed.status == 409 && changed.body.contains("youth.payment.instalment_taken"), "\(changed.body)")
            let tooMuch = try await client.send("POST", pay, partner, #"{"instalment":"final","amountCents":230001}"#)
            #expect(tooMuch.status == 422 && Self.rules(tooMuch) == ["youth.payment.above_award"], "\(tooMuch.body)")
            let final = try await client.send("POST", pay, partner, #"{"instalment":"final","amountCents":230000}"#)
            #expect(final.status == 201, "\(final.body)")
            let finalId = try #require(final.json["payoutId"] as? String)
            #expect(try await harness.host.scalar("SELECT count(*) FROM payouts WHERE kind = 'youth_project'") == 2)
            #expect(try await harness.host.scalar("""
                SELECT count(*) FROM ledger WHERE youth_project_id = $1 AND plan_id IS NULL AND municipality_id = $2 AND measure = 'youth_project'
                """, [UUID(uuidString: a), harness.municipality]) == 2)

            // The ledger's groupings still add up (a youth payment has no plan and no institution).
            for grouping in ["period", "measure", "institution", "municipality"] {
                let reply = try await client.send("GET", "/finance/ledger?groupBy=\(grouping)", financeToken)
                #expect(reply.status == 200, "\(grouping): \(reply.body)")
                let groups = reply.json["groups"] as? [[String: Any]] ?? []
                #expect(groups.compactMap { $0["netCents"] as? Int }.reduce(0, +) == 460_000, "\(grouping): \(reply.body)")
            }
            let listed = try await client.send("GET", "/finance/payouts?period=2022-11", financeToken)
            let items = listed.json["items"] as? [[String: Any]] ?? []
            #expect(listed.status == 200 && items.count == 2 && items.allSatisfy { $0["kind"] as? String == "youth_project" && $0["planId"] == nil },
                    "\(listed.body)")

            // The month's batch takes both; the SEPA file and the CSV agree (the independent checker).
            let batch = try await client.send("POST", "/finance/batches", financeToken, #"{"period":"2022-11"}"#)
            #expect(batch.status == 201 && batch.json["count"] as? Int == 2 && batch.json["totalCents"] as? Int == 460_000, "\(batch.body)")
            let batchId = try #require(batch.json["batchId"] as? String)
            let xml = try await client.send("GET", "/finance/batches/\(batchId)/sepa.xml", financeToken)
            let csv = try await client.send("GET", "/finance/batches/\(batchId)/payouts.csv", financeToken)
            #expect(xml.status == 200 && csv.status == 200 && xml.body.contains(Self.ngoIBAN), "\(xml.body)")
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-youth-\(batchId)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try xml.body.write(toFile: directory + "/batch.xml", atomically: true, encoding: .utf8)
            try csv.body.write(toFile: directory + "/batch.csv", atomically: true, encoding: .utf8)
            let check = try await IntegrationEnvironment.run("/usr/bin/env", ["python3", IntegrationEnvironment.repositoryRoot + "/Tests/Oracles/sepa_check.py",
                                                                              directory + "/batch.xml", directory + "/batch.csv"])
            #expect(check.status == 0 && check.output.contains("\"total_cents\": 460000"), "\(check.output)")

            // Finance corrects the final payment: a reversing entry, the competition's paid total follows.
            let reversal = try await client.send("POST", "/finance/payouts/\(finalId)/reverse", financeToken, #"{"reason":"Atskaite nav iesniegta"}"#)
            #expect(reversal.status == 200, "\(reversal.body)")
            let after = try await client.send("GET", "/payouts/youth/competitions/\(competition)", partner)
            #expect(after.json["paidCents"] as? Int == 230_000, "\(after.body)")
            let project = try await client.send("GET", "/payouts/youth/applications/\(a)", partner)
            #expect(project.json["paidCents"] as? Int == 230_000, "\(project.body)")

            // Finance's own client (pika), crashing once before its first ack: each payment once.
            let received = try await harness.finance(["drain", "--queue", queue, "--redeliver-first", "--idle", "4"])
            let youth = received["youth"] as? [String: Any] ?? [:]
            #expect(youth["count"] as? Int == 2 && youth["total_cents"] as? Int == 460_000, "\(received)")
            #expect((received["reversed"] as? [String: Any])?["total_cents"] as? Int == 230_000, "\(received)")
            #expect((received["redelivered"] as? Int ?? 0) >= 1)
            _ = try await harness.finance(["delete", "--queue", queue])
            await harness.stop()
        }
    }
}
