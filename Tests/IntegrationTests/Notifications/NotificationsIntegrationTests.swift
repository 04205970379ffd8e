import AMQP
import Auth
import Contracts
import Foundation
import Notifications
import Postgres
import ServiceKit
import TestSupport
import Testing

extension PipelineSuites {
    /// Events to email against the real broker, database and SMTP sink; the sink's files are
    /// parsed by Python's email package, not by the code under test.
    @Suite("Notifications against real RabbitMQ + PostgreSQL + SMTP", .serialized)
    struct NotificationsIntegrationTests {
        @Test("the right people get the right email, once, in their language, with both parts and no personal data")
        func rightPeopleOnce() async throws {
            var harness = try await NotificationsHarness.start()
            try await harness.person("head", name: "Jānis Bērziņš", language: "lv", role: .institutionHead)
            try await harness.person("preparer", name: "Ilze Kalniņa", language: "en", role: .preparer)
            try await harness.person("coordinator", name: "Līga Ozoliņa", language: "lv", role: .institutionCoordinator)
            try await harness.person("finance", name: "Finanšu nodaļa", language: "lv", role: .finance)
            try await harness.person("injected", name: "Anna\r\nBcc: evil\(harness.suffix)", language: "lv", role: .institutionHead)
            #expect(await harness.waitForDirectory(5))

            let plan = harness.plan()
            try await harness.upstream.publish(PlanSubmitted(plan: plan, submittedBy: ActorPayload(personId: harness.people["preparer"]!, role: "preparer"),
                                                             riskCodes: ["L02"], measures: []), producer: "intake")
            let awaiting = UUID()
            try await harness.upstream.publish(ApprovalAwaiting(plan: plan, level: "institution_head", scopeId: harness.school), producer: "approval", id: awaiting)
            try await harness.upstream.publish(ApprovalAwaiting(plan: plan, level: "institution_head", scopeId: harness.school), producer: "approval", id: awaiting)
            try await harness.upstream.publish(PlanReturned(change: PlanLifecycleChange(plan: plan, actor: ActorPayload(personId: UUID(), role: "institution_head"),
                                                                                        reason: "Precizējiet F04 pamatojumu: kas tieši notiek mājās?\n.\nPaldies."),
                                                            level: "institution_head"), producer: "approval")
            try await harness.upstream.publish(PlanApproved(plan: plan, approvedBy: ActorPayload(personId: UUID(), role: "ikvd_expert"), measures: []),
                                               producer: "approval")
            try await harness.upstream.publish(PayoutBatchReady(batchId: UUID(), period: "2022-10", count: 12, totalCents: 123_456), producer: "payouts")
            try await harness.upstream.publish(PlanValidationFailed(plan: plan, findings: [
                FindingPayload(ruleId: "risk.justification.vague", severity: "error", path: "risks[1].justification",
                               messageLv: "Pamatojums ir pārāk vispārīgs.", messageEn: "The justification is too vague."),
                FindingPayload(ruleId: "load.weekly.high", severity: "warning", path: "measures[0]", messageLv: "Slodze", messageEn: "Load")]),
                                               producer: "risk_validation")
            try await harness.upstream.publish(ApprovalOverdue(plan: plan, level: "institution_head", daysWaiting: 11, stage: "escalation"), producer: "approval")
            try await harness.upstream.publish(WorkLogSubmitted(workLogId: UUID(), personId: harness.people["preparer"]!, institutionId: harness.school,
                                                                month: "2022-10"), producer: "timesheets")

            // head + injected head (awaiting), preparer (returned, approved, validation failed), coordinator (approved, work log),
            // finance (batch), head + injected head (escalation) = 10 (no municipality coordinator is registered here)
            let mails = await harness.waitForMails(10)
            #expect(mails.count == 10, "\(mails.map { ($0["envelopeTo"] as? [String]) ?? [] })")
            func mail(to key: String, subject contains: String) -> [String: Any]? {
                mails.first { ($0["envelopeTo"] as? [String]) == ["\(key)\(harness.suffix)"] && (($0["subject"] as? String)?.contains(contains) ?? false) }
            }
            let head = try #require(mail(to: "head", subject: "gaida jūsu saskaņojumu"), "Latvian subject with Latvian letters")
            #expect((head["text"] as? String)?.contains("Labdien, Jānis Bērziņš!") == true)
            #expect((head["text"] as? String)?.contains("https://pumpurs.example.lv/plans/\(plan.planId.uuidString.lowercased())") == true)
            #expect((head["html"] as? String)?.contains("<b>S-7ZK3M0Q1VX</b>") == true)
            #expect(head["parts"] as? [String] == ["multipart/alternative", "text/plain", "text/html"])
            #expect(head["contentLanguage"] as? String == "lv")
            let returned = try #require(mail(to: "preparer", subject: "returned for revision"), "English for a person who chose English")
            #expect((returned["text"] as? String)?.contains("Precizējiet F04 pamatojumu") == true, "the reason is in the mail")
            #expect((returned["text"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n").contains("\n.\nPaldies.") == true,
                    "a lone dot line survives SMTP (dot-stuffing)")
            let failed = try #require(mail(to: "preparer", subject: "failed validation"))
            #expect((failed["text"] as? String)?.contains("risks[1].justification: The justification is too vague.") == true)
            #expect((failed["text"] as? String)?.contains("Load") == false, "warnings are not reasons")
            // The validation email is the one plan email the browser test cannot provoke (intake refuses a plan
            // with errors before it is sent): its link is checked here to be the plan's page.
            #expect((failed["text"] as? String)?.contains("https://pumpurs.example.lv/plans/\(plan.planId.uuidString.lowercased())") == true)
            #expect(mail(to: "head", subject: "Eskalācija") != nil && mail(to: "coordinator", subject: "Darba laika uzskaite") != nil)
            #expect(mail(to: "preparer", subject: "approved") != nil && mail(to: "coordinator", subject: "apstiprināts") != nil)
            #expect((mail(to: "finance", subject: "Izmaksu pakete")?["text"] as? String)?.contains("1234.56 EUR") == true)

            // The injected name: delivered to Anna only, no Bcc anywhere, the name dropped from To.
            let injected = try #require(mails.first { ($0["envelopeTo"] as? [String]) == ["injected\(harness.suffix)"] })
            #expect(!(injected["headerNames"] as? [String] ?? []).contains("bcc"))
            #expect(injected["to"] as? String == "injected\(harness.suffix)")
            #expect(!mails.contains { ($0["envelopeTo"] as? [String] ?? []).contains("evil\(harness.suffix)") })

            // Once per (event, recipient), and no personal-code-shaped text anywhere.
            let ids = mails.compactMap { $0["messageId"] as? String }
            #expect(Set(ids).count == ids.count, "no duplicates: \(ids)")
            // Links carry random UUIDs, whose last group is now and then 11+ digits in a row: they are
            // ids, not personal codes, so they are taken out before looking.
            let all = mails.map { "\($0["subject"] ?? "")\($0["text"] ?? "")\($0["html"] ?? "")" }.joined()
                .replacingOccurrences(of: #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#, with: "<uuid>",
                                      options: .regularExpression)
            #expect(all.range(of: #"\d{6}-?\d{5}"#, options: .regularExpression) == nil, "\(all)")
            #expect(try await harness.host.scalar("SELECT count(*) FROM mails WHERE status = 'sent'") == 10)
            #expect(try await harness.host.scalar("SELECT count(*) FROM mail_attempts WHERE outcome = 'sent'") == 10)
            await harness.stop()
        }

        @Test("an approver who chose the daily digest gets one email a day listing every waiting plan instead of one each")
        func dailyDigest() async throws {
            // 05:00 UTC today; the digest is due from 06:00.
            let midnight = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
            let clock = TestClock(midnight.addingTimeInterval(5 * 3600))
            var harness = try await NotificationsHarness.start(digestHour: 6, clock: clock)
            try await harness.person("busyhead", name: "Jānis Bērziņš", language: "lv", role: .institutionHead)
            #expect(await harness.waitForDirectory(1))
            let token = try await harness.minter.mint(personId: harness.people["busyhead"]!, role: .institutionHead, scope: .institution(harness.school))
            let chosen = try await harness.client.send("PUT", "/notifications/preferences", token, #"{"dailyDigest":true}"#)
            #expect(chosen.status == 200, "\(chosen.body)")
            #expect(try await harness.client.send("PUT", "/notifications/preferences", nil, #"{"dailyDigest":true}"#).status == 401)
            func held() async -> Int { (try? await harness.host.scalar("SELECT count(*) FROM mails WHERE status = 'digest'")) ?? -1 }
            for _ in 0..<3 {
                try await harness.upstream.publish(ApprovalAwaiting(plan: harness.plan(), level: "institution_head", scopeId: harness.school),
                                                   producer: "approval")
            }
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) { await held() == 3 }, "three held before the hour")
            try await Task.sleep(for: .seconds(1))
            #expect(try await harness.received().isEmpty, "nothing is sent before the digest hour")

            clock.set(midnight.addingTimeInterval(6 * 3600 + 60))
            let mails = await harness.waitForMails(1)
            let digest = try #require(mails.first)
            #expect((digest["subject"] as? String)?.contains("3 IAP") == true, "\(digest["subject"] ?? "")")
            #expect((digest["text"] as? String)?.components(separatedBy: "S-7ZK3M0Q1VX").count == 4, "each plan listed")
            // The digest opens the approver's queue in the portal (the page the portal serves).
            let text = digest["text"] as? String ?? ""
            #expect(text.contains("https://pumpurs.example.lv/queue") && !text.contains("/approvals/queue"), "\(text)")
            #expect(try await harness.host.scalar("SELECT count(*) FROM mails WHERE status = 'digested'") == 3)

            // A plan that arrives after today's digest waits for tomorrow's, however often the sweep runs.
            try await harness.upstream.publish(ApprovalAwaiting(plan: harness.plan(), level: "institution_head", scopeId: harness.school),
                                               producer: "approval")
            #expect(await IntegrationEnvironment.eventually(timeout: .seconds(20)) { await held() == 1 })
            try await Task.sleep(for: .seconds(2))
            #expect(try await harness.received().count == 1, "one digest a day, no single mails")
            clock.set(midnight.addingTimeInterval(30 * 3600 + 60))
            let next = await harness.waitForMails(2)
            #expect(next.count == 2)
            #expect(next.contains { ($0["subject"] as? String)?.contains("1 IAP") == true }, "tomorrow's digest lists the late plan")
            #expect(await held() == 0)
            await harness.stop()
        }
    }
}
