import Auth
import Contracts
import Foundation
import Notifications
import TestSupport
import Testing

extension PipelineSuites {
    /// Review #17: a staff member is emailed whenever the bank account for their pay is registered
    /// or changed, in their language, with the IBANs masked and no personal code.
    @Suite("Notifications: staff bank account changes", .serialized)
    struct StaffPayeeMailTests {
        @Test("the person hears of every change of their pay account: masked IBANs, who, when, and when held pay goes out")
        func accountChangeMails() async throws {
            var harness = try await NotificationsHarness.start()
            try await harness.person("lvstaff", name: "Mārtiņš Egle", language: "lv", role: .specialist)
            try await harness.person("enstaff", name: "Ilze Kalniņa", language: "en", role: .preparer)
            #expect(await harness.waitForDirectory(2))
            let at = try #require(Timestamp.parse("2026-11-22T19:27:26.123Z"))
            try await harness.upstream.publish(StaffPayeeChanged(
                personId: harness.people["lvstaff"]!, payeeReference: "P-ABCDEFGHJKLM", oldIbanMasked: "LV** **** **** **** *5001",
                newIbanMasked: "LV** **** **** **** *8910", changedBy: harness.people["lvstaff"]!, changedVia: "self", confirmedBy: nil,
                changedAt: at, payReleasedFrom: at.addingTimeInterval(86_400)), producer: "payouts")
            try await harness.upstream.publish(StaffPayeeChanged(
                personId: harness.people["enstaff"]!, payeeReference: "P-MLKJHGFEDCBA", oldIbanMasked: nil,
                newIbanMasked: "LV** **** **** **** *5001", changedBy: UUID(), changedVia: "finance", confirmedBy: UUID(),
                changedAt: at, payReleasedFrom: nil), producer: "payouts")
            let mails = await harness.waitForMails(2)
            #expect(mails.count == 2)
            func mail(_ key: String) -> [String: Any]? { mails.first { ($0["envelopeTo"] as? [String]) == ["\(key)\(harness.suffix)"] } }
            let lv = try #require(mail("lvstaff"))
            let lvText = lv["text"] as? String ?? ""
            #expect((lv["subject"] as? String)?.contains("Mainīts jūsu bankas konts") == true, "\(lv)")
            #expect(lvText.contains("bija LV** **** **** **** *5001, tagad LV** **** **** **** *8910"), "\(lvText)")
            #expect(lvText.contains("2026-11-22 19:27") && lvText.contains("ne agrāk kā 2026-11-23 19:27"), "\(lvText)")
            #expect(lvText.contains("IKVD finanšu nodaļu"), "\(lvText)")
            #expect(lv["contentLanguage"] as? String == "lv")
            let en = try #require(mail("enstaff"))
            let enText = en["text"] as? String ?? ""
            #expect((en["subject"] as? String)?.contains("was registered") == true, "\(en)")
            #expect(enText.contains("LV** **** **** **** *5001") && enText.contains("confirmed by a second finance officer"), "\(enText)")
            #expect(!enText.contains("no earlier than"), "nothing waits: \(enText)")
            // Never a full account number or anything shaped like a personal code.
            let all = mails.map { "\($0["subject"] ?? "")\($0["text"] ?? "")\($0["html"] ?? "")" }.joined()
            #expect(all.range(of: #"LV\d{2}[A-Z]{4}\d"#, options: .regularExpression) == nil)
            #expect(all.range(of: #"\d{6}-?\d{5}"#, options: .regularExpression) == nil)
            await harness.stop()
        }
    }
}
