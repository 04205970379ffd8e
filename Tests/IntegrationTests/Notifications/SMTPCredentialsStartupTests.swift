import Foundation
import Mail
import Notifications
import ServiceKit
import Testing

/// SMTP credentials never travel over a plaintext connection unless the operator says so
/// (issue #17): notifications refuses to start with AUTH on a plain `smtp://` URL without
/// STARTTLS, naming the key; the local sink (no credentials) starts as before.
@Suite("SMTP credentials at start-up")
struct SMTPCredentialsStartupTests {
    private let credentials = ["PUMPURS_SMTP_USER": "mailer", "PUMPURS_SMTP_PASSWORD": "s3cret"]

    @Test("credentials over plain smtp:// without STARTTLS are refused with a clear error")
    func plaintextAuthIsRefused() throws {
        var environment = credentials
        environment["PUMPURS_SMTP_URL"] = "smtp://mail.example.lv:587"
        let error = #expect(throws: ConfigurationError.self) { try MailSettings.from(environment) }
        #expect(error?.key == "PUMPURS_SMTP_URL")
        #expect(error?.message.contains("PUMPURS_SMTP_ALLOW_PLAINTEXT_AUTH") == true)
        #expect(error?.description.contains("s3cret") == false, "the error never repeats the password")
    }

    @Test("smtps://, STARTTLS required, or the explicit opt-in start; the local sink needs nothing")
    func protectedOrExplicitStarts() throws {
        var implicitTLS = credentials
        implicitTLS["PUMPURS_SMTP_URL"] = "smtps://mail.example.lv:465"
        #expect(try MailSettings.from(implicitTLS).smtp.url == "smtps://mail.example.lv:465")
        var startTLS = credentials
        startTLS["PUMPURS_SMTP_URL"] = "smtp://mail.example.lv:587"
        startTLS["PUMPURS_SMTP_STARTTLS"] = "require"
        #expect(try MailSettings.from(startTLS).smtp.requireTLS)
        var optIn = credentials
        optIn["PUMPURS_SMTP_URL"] = "smtp://relay.internal:25"
        optIn["PUMPURS_SMTP_ALLOW_PLAINTEXT_AUTH"] = "1"
        #expect(try MailSettings.from(optIn).smtp.allowPlaintextAuth)
        #expect(throws: ConfigurationError.self) {
            try MailSettings.from(["PUMPURS_SMTP_ALLOW_PLAINTEXT_AUTH": "yes"])
        }
        // The local sink: plain smtp://, no credentials.
        let sink = try MailSettings.from([:])
        #expect(sink.smtp.url == "smtp://127.0.0.1:1025" && sink.smtp.username == nil)
    }
}
