import Foundation
import Mail
import Testing

/// The pure parts of mail: addresses, header safety, encodings, the rendered message.
@Suite("Mail: addresses, headers, encodings")
struct MailMessageTests {
    @Test("addresses", arguments: [
        ("anna@ludza.lv", true), ("a.b+c@sub.example.lv", true), ("anna@@ludza.lv", false), ("anna@ludza", false),
        ("anna @ludza.lv", false), ("anna@ludza.lv\r\nBcc: x@y.lv", false), ("<anna@ludza.lv>", false), ("anna@.lv", false),
        ("anna@ludza..lv", false), ("ānna@ludza.lv", false), (String(repeating: "a", count: 65) + "@ludza.lv", false),
    ])
    func addresses(_ text: String, _ valid: Bool) {
        #expect((EmailAddress(text) != nil) == valid)
    }

    @Test("CR, LF and NUL never reach a header; non-ASCII becomes encoded words")
    func headers() throws {
        #expect(throws: HeaderText.Refused.self) { try HeaderText.encode("Sveiki\r\nBcc: x@y.lv", header: "Subject") }
        #expect(throws: HeaderText.Refused.self) { try HeaderText.encode("a\0b", header: "Subject") }
        #expect(try HeaderText.encode("Plain subject", header: "Subject") == "Plain subject")
        let encoded = try HeaderText.encode("IAP gaida jūsu saskaņojumu — ļoti ilgi, ņemiet vērā šo garo tēmu ar garumzīmēm", header: "Subject")
        #expect(encoded.hasPrefix("=?UTF-8?B?"))
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).count <= 75 })
    }

    @Test("a display name with an injected header is dropped, the address kept; nothing else is added")
    func injectedName() throws {
        let message = MailMessage(from: Mailbox(name: "PuMPuRS", address: EmailAddress("noreply@pumpurs.local")!),
                                  to: [Mailbox(name: "Anna\r\nBcc: evil@example.com", address: EmailAddress("anna@ludza.lv")!)],
                                  subject: "Sveiki", text: "Teksts", html: "<p>Teksts</p>", messageId: "x@pumpurs", date: Date(timeIntervalSince1970: 0),
                                  language: "lv")
        let rendered = String(decoding: try message.rendered(), as: UTF8.self)
        #expect(!rendered.contains("Bcc"))
        #expect(rendered.contains("To: <anna@ludza.lv>\r\n"))
    }

    @Test("quoted-printable keeps lines short and Latvian letters intact")
    func quotedPrintable() {
        let text = "Labdien! Plāns S-7ZK3M0Q1VX gaida jūsu saskaņojumu. " + String(repeating: "ļ", count: 60) + "\n.\nbeigas = 1"
        let encoded = QuotedPrintable.encode(text)
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.contains("=C4=81"), "ā as UTF-8 bytes")
        #expect(encoded.contains("\r\n.\r\n"), "a lone dot line stays (the SMTP layer stuffs it)")
        #expect(encoded.contains("=3D"), "= is escaped")
    }
}
