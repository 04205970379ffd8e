import Mail
import Testing

/// The decision whether credentials may be sent, and how the connection must be protected.
@Suite("SMTP credentials policy")
struct SMTPCredentialsPolicyTests {
    @Test("no credentials: any transport, TLS not forced (the local sink)")
    func noCredentials() {
        let sink = SMTPConfiguration(url: "smtp://127.0.0.1:1025")
        #expect(sink.credentialsRefusal == nil)
        #expect(!sink.forcesTLS)
        // An empty user name is no credential.
        #expect(SMTPConfiguration(url: "smtp://127.0.0.1:1025", username: "", password: "").credentialsRefusal == nil)
    }

    @Test("credentials need smtps:// or STARTTLS required, or the explicit opt-in")
    func credentials() {
        let plain = SMTPConfiguration(url: "smtp://mail.example.lv:587", username: "u", password: "p")
        #expect(plain.credentialsRefusal != nil)
        #expect(plain.forcesTLS, "even if it were used, the client would insist on STARTTLS rather than send AUTH in the clear")
        #expect(SMTPConfiguration(url: "SMTPS://mail.example.lv:465", username: "u", password: "p").credentialsRefusal == nil)
        let startTLS = SMTPConfiguration(url: "smtp://mail.example.lv:587", requireTLS: true, username: "u", password: "p")
        #expect(startTLS.credentialsRefusal == nil && startTLS.forcesTLS)
        let optIn = SMTPConfiguration(url: "smtp://relay.internal:25", username: "u", password: "p", allowPlaintextAuth: true)
        #expect(optIn.credentialsRefusal == nil && !optIn.forcesTLS)
        #expect(SMTPConfiguration(url: "smtp://mail.example.lv:587", password: "p").credentialsRefusal != nil,
                "a password alone is a credential too")
    }
}
