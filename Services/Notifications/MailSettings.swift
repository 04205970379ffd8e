import Foundation
import Mail
import ServiceKit

/// The notifications service's own settings (beyond the kit's).
///
/// | key | default |
/// |---|---|
/// | `PUMPURS_SMTP_URL` | `smtp://127.0.0.1:1025` (`smtps://` = implicit TLS) |
/// | `PUMPURS_SMTP_STARTTLS` | `no`; `require` refuses to send without STARTTLS |
/// | `PUMPURS_SMTP_USER` / `PUMPURS_SMTP_PASSWORD` | unset (secret); only with `smtps://` or STARTTLS `require` |
/// | `PUMPURS_SMTP_ALLOW_PLAINTEXT_AUTH` | `0`; `1` allows credentials over a plaintext connection |
/// | `PUMPURS_MAIL_FROM` | `noreply@pumpurs.local` |
/// | `PUMPURS_PORTAL_URL` | `http://localhost:8087` (links in emails open the staff portal's plan page) |
/// | `PUMPURS_MAIL_MAX_ATTEMPTS` | `20` (then the mail is dead: `pumpurs mail dead|retry`) |
/// | `PUMPURS_MAIL_SEND_INTERVAL_MS` | `1000` (how often queued mail is looked at) |
/// | `PUMPURS_DIGEST_HOUR_UTC` | `6` (daily digests go out from this hour) |
/// | `PUMPURS_DIGEST_SWEEP_SECONDS` | `300` (how often the digest sweep looks; still one digest per person and day) |
public struct MailSettings: Sendable {
    /// SMTP server.
    public var smtp: SMTPConfiguration
    /// Sender.
    public var from: Mailbox
    /// Base of the links.
    public var portal: String
    /// Attempts before a mail is dead.
    public var maxAttempts: Int
    /// First retry delay; doubles per attempt up to `maxBackoff`.
    public var initialBackoff: Duration
    /// Longest retry delay.
    public var maxBackoff: Duration
    /// Sender loop interval.
    public var sendInterval: Duration
    /// Hour (UTC) from which a day's digest is sent.
    public var digestHour: Int
    /// How often the digest sweep looks (it sends at most one digest per person and day).
    public var digestInterval: Duration

    /// Creates settings.
    public init(smtp: SMTPConfiguration, from: Mailbox, portal: String, maxAttempts: Int = 20, initialBackoff: Duration = .seconds(1),
                maxBackoff: Duration = .seconds(30), sendInterval: Duration = .seconds(1), digestHour: Int = 6,
                digestInterval: Duration = .seconds(300)) {
        self.smtp = smtp
        self.from = from
        self.portal = portal
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.sendInterval = sendInterval
        self.digestHour = digestHour
        self.digestInterval = digestInterval
    }

    /// Reads the settings, naming the key of anything invalid.
    public static func from(_ environment: [String: String]) throws -> MailSettings {
        func int(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = environment[key] else { return fallback }
            guard let value = Int(text), range.contains(value) else { throw ConfigurationError(key: key, message: "must be in \(range)") }
            return value
        }
        let url = environment["PUMPURS_SMTP_URL"] ?? "smtp://127.0.0.1:1025"
        guard url.hasPrefix("smtp://") || url.hasPrefix("smtps://") else {
            throw ConfigurationError(key: "PUMPURS_SMTP_URL", message: "must start with smtp:// or smtps://")
        }
        let starttls = environment["PUMPURS_SMTP_STARTTLS"] ?? "no"
        guard starttls == "no" || starttls == "require" else {
            throw ConfigurationError(key: "PUMPURS_SMTP_STARTTLS", message: "must be no or require")
        }
        guard let from = EmailAddress(environment["PUMPURS_MAIL_FROM"] ?? "noreply@pumpurs.local") else {
            throw ConfigurationError(key: "PUMPURS_MAIL_FROM", message: "is not a valid address")
        }
        let allowPlaintextAuth = environment["PUMPURS_SMTP_ALLOW_PLAINTEXT_AUTH"] ?? "0"
        guard allowPlaintextAuth == "0" || allowPlaintextAuth == "1" else {
            throw ConfigurationError(key: "PUMPURS_SMTP_ALLOW_PLAINTEXT_AUTH", message: "must be 0 or 1")
        }
        let smtp = SMTPConfiguration(url: url, requireTLS: starttls == "require", username: environment["PUMPURS_SMTP_USER"],
                                     password: environment["PUMPURS_SMTP_PASSWORD"], allowPlaintextAuth: allowPlaintextAuth == "1")
        // Credentials only over TLS unless the operator explicitly allows otherwise.
        if let refusal = smtp.credentialsRefusal { throw ConfigurationError(key: "PUMPURS_SMTP_URL", message: refusal) }
        return MailSettings(
            smtp: smtp,
            from: Mailbox(name: "PuMPuRS", address: from), portal: environment["PUMPURS_PORTAL_URL"] ?? "http://localhost:8087",
            maxAttempts: try int("PUMPURS_MAIL_MAX_ATTEMPTS", 20, 1...1000),
            sendInterval: .milliseconds(try int("PUMPURS_MAIL_SEND_INTERVAL_MS", 1000, 50...600_000)),
            digestHour: try int("PUMPURS_DIGEST_HOUR_UTC", 6, 0...23),
            digestInterval: .seconds(try int("PUMPURS_DIGEST_SWEEP_SECONDS", 300, 1...86_400)))
    }
}
