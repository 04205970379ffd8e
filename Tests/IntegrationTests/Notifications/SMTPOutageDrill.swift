import Auth
import Contracts
import Foundation
import TestSupport
import Testing

extension FaultDrillTests {
    @Test("SMTP sink stopped for a minute while events keep coming: every email arrives once after it is back")
    func smtpOutage() async throws {
        var harness = try await NotificationsHarness.start()
        try await harness.person("head", name: "Jānis Bērziņš", language: "lv", role: .institutionHead)
        #expect(await harness.waitForDirectory(1))
        let stop = try await RunningPipeline.infra("smtp-stop")
        #expect(stop.status == 0, "smtp-stop: \(stop.output)")
        let started = ContinuousClock.now
        let count = 20
        for index in 0..<count {
            try await harness.upstream.publish(ApprovalAwaiting(plan: harness.plan(), level: "institution_head", scopeId: harness.school),
                                               producer: "approval")
            if index < count - 1 { try await Task.sleep(for: .seconds(3)) }
        }
        let failedWhileDown = try await harness.host.scalar("SELECT count(*) FROM mail_attempts WHERE outcome = 'failed'")
        let start = try await RunningPipeline.infra("smtp-start")
        #expect(start.status == 0, "smtp-start: \(start.output)")
        let restarted = ContinuousClock.now
        let mails = await harness.waitForMails(count, timeout: .seconds(60))
        try await Task.sleep(for: .seconds(2)) // stragglers (duplicates) would show up now
        let final = try await harness.received()
        let ids = final.compactMap { $0["messageId"] as? String }
        let duplicates = ids.count - Set(ids).count
        let dead = try await harness.host.scalar("SELECT count(*) FROM mails WHERE status = 'dead'")
        print("""
            smtp outage drill: sink down \(started.duration(to: restarted)); \(count) events while down; \
            \(failedWhileDown) failed attempts recorded; after restart \(mails.count) mails in \(restarted.duration(to: ContinuousClock.now)); \
            delivered \(Set(ids).count), duplicates \(duplicates), lost \(count - Set(ids).count), dead \(dead)
            """)
        #expect(Set(ids).count == count, "every email arrives")
        #expect(duplicates == 0 && dead == 0)
        #expect(failedWhileDown > 0, "the outage was real")
        await harness.stop()
    }
}
