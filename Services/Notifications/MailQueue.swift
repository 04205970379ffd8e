import Contracts
import Foundation
import Logging
import Mail
import Postgres
import ServiceKit

/// One email to enqueue.
struct OutgoingMail: Sendable {
    var eventId: UUID
    var recipient: DirectoryReplica.Person
    var kind: MailKind
    var subject: String
    var text: String
    var html: String
    /// A one-line description for a digest (approval_awaiting only).
    var item: String?
}

/// The mail outbox: emails are written in the event handler's transaction (one per event and
/// recipient, rendered once), then a sender sends what is due, records every attempt with the
/// server's reply, retries transient failures with a doubling delay and declares a mail dead
/// after the attempt limit (`pumpurs mail dead|retry`). Several instances may send: rows are
/// claimed with a lease and SKIP LOCKED.
struct MailQueue: Sendable {
    let settings: MailSettings
    let client: SMTPClient
    let now: @Sendable () -> Date

    init(settings: MailSettings, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.client = SMTPClient(configuration: settings.smtp)
        self.now = now
    }

    /// Stores the mail unless this (event, recipient) already has one. A recipient whose address
    /// is not acceptable is skipped (and logged), never guessed.
    @discardableResult
    func enqueue(_ mail: OutgoingMail, digest: Bool = false, on connection: PostgresConnection, logger: Logger) throws -> Bool {
        guard let address = EmailAddress(mail.recipient.email) else {
            logger.warning("recipient has no valid email; not sent", metadata: ["person_id": "\(mail.recipient.id)", "kind": "\(mail.kind.rawValue)"])
            return false
        }
        let message = MailMessage(from: settings.from, to: [Mailbox(name: mail.recipient.name, address: address)], subject: mail.subject,
                                  text: mail.text, html: mail.html,
                                  messageId: "\(mail.eventId.uuidString.lowercased()).\(mail.recipient.id.uuidString.lowercased())@pumpurs",
                                  date: now(), language: mail.recipient.language == "en" ? "en" : "lv")
        let bytes: [UInt8]
        do {
            bytes = try message.rendered()
        } catch {
            logger.error("mail could not be rendered; not sent", metadata: ["kind": "\(mail.kind.rawValue)", "error": "\(error)"])
            return false
        }
        let inserted = try connection.execute("""
            INSERT INTO mails (id, event_id, recipient_id, recipient_email, kind, language, subject, item, message, status)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (event_id, recipient_id) DO NOTHING
            """, [UUID.timeOrdered(), mail.eventId, mail.recipient.id, address.value, mail.kind.rawValue, message.language, mail.subject, mail.item,
                  bytes, digest ? "digest" : "queued"])
        return inserted == 1
    }

    /// Sends what is due; returns (sent, failed) counts of this pass.
    @discardableResult
    func sendDue(pool: PostgresPool, logger: Logger, batch: Int = 50) async throws -> (sent: Int, failed: Int) {
        let lease = 120
        let claimed = try await pool.withTransaction { connection in
            try connection.query("""
                UPDATE mails SET lease_until = now() + make_interval(secs => $1)
                WHERE id IN (SELECT id FROM mails WHERE status = 'queued' AND next_attempt_at <= now()
                             AND (lease_until IS NULL OR lease_until < now())
                             ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient_email, message, attempts
                """, [lease, batch]).map { row in
                    (try row.decode("id", as: UUID.self), try row.decode("recipient_email", as: String.self),
                     try row.decode("message", as: [UInt8].self), try row.decode("attempts", as: Int.self))
                }
        }
        let sendable = claimed.compactMap { row in EmailAddress(row.1).map { (id: row.0, address: $0, message: row.2, attempts: row.3) } }
        // One SMTP session for the whole batch; the sent ones are recorded in one transaction.
        // A crash between the session and that commit sends those mails again once their lease
        // ends (at least once; the stable Message-ID lets mail clients fold the duplicate).
        let report = await client.send(session: sendable.map {
            SMTPEnvelope(bytes: $0.message, from: settings.from.address, to: [$0.address])
        })
        let sentIds = zip(sendable, report.outcomes).compactMap { row, outcome in
            (try? outcome.get()) != nil ? row.id.uuidString.lowercased() : nil
        }
        if !sentIds.isEmpty {
            try await pool.withTransaction { connection in
                try connection.execute("""
                    WITH sent AS (
                      UPDATE mails SET status = 'sent', attempts = attempts + 1, sent_at = now(), lease_until = NULL, last_error = NULL
                      WHERE id = ANY(string_to_array($1, ',')::uuid[]) RETURNING id, attempts)
                    INSERT INTO mail_attempts (mail_id, attempt, outcome) SELECT id, attempts, 'sent' FROM sent
                    """, [sentIds.joined(separator: ",")])
            }
        }
        // The session stopped early (the server could not be reached): the mails it did not try
        // are due again at the next tick, without an attempt counted against them.
        let untried = sendable.dropFirst(report.outcomes.count).map { $0.id.uuidString.lowercased() }
        if !untried.isEmpty {
            try await pool.withTransaction { connection in
                try connection.execute("UPDATE mails SET lease_until = NULL WHERE id = ANY(string_to_array($1, ',')::uuid[]) AND status = 'queued'",
                                       [untried.joined(separator: ",")])
            }
        }
        var failed = 0
        for (row, outcome) in zip(sendable, report.outcomes) {
            guard case .failure(let error) = outcome else { continue }
            let (id, attempts) = (row.id, row.attempts)
            let reply = "\(error)"
            let dead = !error.isTransient || attempts + 1 >= settings.maxAttempts
            let delay = min(settings.maxBackoff, settings.initialBackoff * (1 << min(attempts, 16)))
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            try await pool.withTransaction { connection in
                try connection.execute("""
                    UPDATE mails SET status = $2, attempts = $3, last_error = $4, lease_until = NULL,
                        next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1
                    """, [id, dead ? "dead" : "queued", attempts + 1, reply, seconds])
                try connection.execute("INSERT INTO mail_attempts (mail_id, attempt, outcome, reply) VALUES ($1, $2, 'failed', $3)",
                                       [id, attempts + 1, reply])
            }
            failed += 1
            logger.warning(dead ? "mail is dead (attempt limit or permanent refusal)" : "mail not sent; will retry",
                           metadata: ["mail_id": "\(id)", "attempt": "\(attempts + 1)", "reply": "\(reply)"])
        }
        let sent = sentIds.count
        return (sent, failed)
    }
}
