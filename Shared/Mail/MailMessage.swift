import Foundation

/// A person's mailbox: display name and address.
public struct Mailbox: Sendable, Hashable {
    /// Display name (may be empty).
    public var name: String
    /// Address.
    public var address: EmailAddress

    /// Creates a mailbox.
    public init(name: String, address: EmailAddress) {
        self.name = name
        self.address = address
    }
}

/// One email with a plain-text and an HTML part (multipart/alternative, UTF-8, quoted-printable).
public struct MailMessage: Sendable, Hashable {
    /// Sender.
    public var from: Mailbox
    /// Recipients (the `To` header and the SMTP envelope are both exactly these).
    public var to: [Mailbox]
    /// Subject.
    public var subject: String
    /// Plain-text body.
    public var text: String
    /// HTML body.
    public var html: String
    /// `Message-ID` (without brackets), stable per (event, recipient) so a resend is recognisable.
    public var messageId: String
    /// `Date`.
    public var date: Date
    /// Language of the content (`Content-Language`).
    public var language: String

    /// Creates a message.
    public init(from: Mailbox, to: [Mailbox], subject: String, text: String, html: String, messageId: String,
                date: Date, language: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageId = messageId
        self.date = date
        self.language = language
    }

    /// The message as sent (RFC 5322 + MIME, CRLF line ends). A display name that would break a
    /// header (CR, LF, NUL) is dropped and the bare address used; any other header value that
    /// would break one is refused.
    public func rendered() throws(HeaderText.Refused) -> [UInt8] {
        func mailbox(_ box: Mailbox, _ header: String) -> String {
            (try? HeaderText.mailbox(name: box.name, address: box.address, header: header)) ?? "<\(box.address.value)>"
        }
        let boundary = "=_pumpurs_" + String(messageId.filter { $0.isLetter || $0.isNumber }.prefix(40))
        guard HeaderText.isSafe(messageId), HeaderText.isSafe(language) else { throw HeaderText.Refused(header: "Message-ID") }
        let lines = [
            "From: \(mailbox(from, "From"))",
            "To: \(to.map { mailbox($0, "To") }.joined(separator: ", "))",
            "Subject: \(try HeaderText.encode(subject, header: "Subject"))",
            "Date: \(RFC5322Date.format(date))",
            "Message-ID: <\(messageId)>",
            "MIME-Version: 1.0",
            "Content-Language: \(language)",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(text),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(html),
            "--\(boundary)--",
            "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }
}
