import Foundation
import Mail
import TestSupport
import Testing

extension PipelineSuites {
    /// The mail sender's batches go over one SMTP connection (libcurl keeps it between the
    /// transfers of a handle); checked against the real sink, whose files Python parses.
    @Suite("SMTP session against the real sink")
    struct SMTPSessionTests {
        @Test("a batch of mails is one connection; every mail arrives once with its own envelope")
        func oneConnection() async throws {
            let suffix = "@s\(UInt32.random(in: 0...UInt32.max)).example.lv"
            let smtp = ProcessInfo.processInfo.environment["PUMPURS_SMTP_URL"] ?? "smtp://127.0.0.1:1025"
            let client = SMTPClient(configuration: SMTPConfiguration(url: smtp, timeoutSeconds: 5))
            let from = EmailAddress("noreply@pumpurs.local")!
            let envelopes = try (0..<5).map { index in
                let to = EmailAddress("person\(index)\(suffix)")!
                let message = MailMessage(from: Mailbox(name: "PuMPuRS", address: from), to: [Mailbox(name: "Persona \(index)", address: to)],
                                          subject: "Sesija \(index) — ā č ē", text: "Teksts \(index)\n.\nbeigas", html: "<p>Teksts \(index)</p>",
                                          messageId: "session-\(index)\(suffix.dropFirst())", date: Date(), language: "lv")
                return SMTPEnvelope(bytes: try message.rendered(), from: from, to: [to])
            }
            let report = await client.send(session: envelopes)
            #expect(report.outcomes.count == 5)
            for outcome in report.outcomes { #expect((try? outcome.get()) != nil, "\(outcome)") }
            #expect(report.connectionsOpened == 1, "5 mails should share one connection, opened \(report.connectionsOpened)")

            var mails: [[String: Any]] = []
            _ = await IntegrationEnvironment.eventually(timeout: .seconds(20), every: .milliseconds(300)) {
                let result = try? await IntegrationEnvironment.run("/usr/bin/env", [
                    "python3", IntegrationEnvironment.repositoryRoot + "/Tests/Oracles/mail_summary.py", NotificationsHarness.mailDirectory, suffix,
                ])
                mails = result.flatMap { (try? JSONSerialization.jsonObject(with: Data($0.output.utf8))) as? [[String: Any]] } ?? []
                return mails.count >= 5
            }
            let recipients = mails.compactMap { ($0["envelopeTo"] as? [String])?.first ?? ($0["to"] as? String) }
            #expect(mails.count == 5, "sink has \(mails.count) of 5")
            for index in 0..<5 {
                #expect(recipients.contains { $0.contains("person\(index)\(suffix)") }, "person\(index) missing in \(recipients)")
            }
        }

        @Test("a server that cannot be reached ends the session at the first mail; the rest are not tried")
        func unreachableStopsTheSession() async throws {
            // Port 1 on loopback: nothing listens, the connection is refused at once.
            let client = SMTPClient(configuration: SMTPConfiguration(url: "smtp://127.0.0.1:1", timeoutSeconds: 5))
            let from = EmailAddress("noreply@pumpurs.local")!
            let envelopes = (0..<3).map { index in
                SMTPEnvelope(bytes: Array("Subject: \(index)\r\n\r\nx\r\n".utf8), from: from, to: [EmailAddress("p\(index)@example.lv")!])
            }
            let report = await client.send(session: envelopes)
            #expect(report.outcomes.count == 1, "tried \(report.outcomes.count) of 3")
            guard case .failure(let error) = report.outcomes.first else { Issue.record("the first mail did not fail"); return }
            #expect(error.replyCode == 0 && error.isTransient, "\(error)")
        }
    }
}
