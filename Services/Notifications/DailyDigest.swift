import Foundation
import Logging
import Postgres
import ServiceKit

/// The daily digest for approvers who asked for one: their `approval_awaiting` mails are held
/// (status `digest`) and, once a day from the configured hour (UTC), replaced by one email
/// listing them all. At most one digest per person and day: what arrives after today's digest
/// waits for tomorrow's. The digest's id is derived from (person, day), so two instances sweeping
/// at once still produce one digest.
struct DailyDigest: Sendable {
    let queue: MailQueue
    let templates: MailTemplates

    @discardableResult
    func run(pool: PostgresPool, logger: Logger) async throws -> Int {
        let now = queue.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard calendar.component(.hour, from: now) >= queue.settings.digestHour else { return 0 }
        let day = calendar.dateComponents([.year, .month, .day], from: now)
        let dayText = String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        return try await pool.withTransaction { connection in
            var sent = 0
            let people = try connection.query("""
                SELECT DISTINCT m.recipient_id, p.name, p.email, p.language FROM mails m JOIN replica_people p ON p.id = m.recipient_id
                WHERE m.status = 'digest'
                """)
            for row in people {
                let person = DirectoryReplica.Person(id: try row.decode("recipient_id"), name: try row.decode("name"),
                                                     email: try row.decode("email"), language: try row.decode("language"))
                let items = try connection.query("""
                    SELECT id, item FROM mails WHERE recipient_id = $1 AND status = 'digest' ORDER BY created_at FOR UPDATE SKIP LOCKED
                    """, [person.id]).map { (try $0.decode("id", as: UUID.self), try $0.decode("item", as: String?.self) ?? "") }
                guard !items.isEmpty else { continue }
                let values: [String: Any] = ["recipientName": person.name, "count": items.count, "items": items.map(\.1),
                                             "link": PortalLinks(base: queue.settings.portal).queue]
                // One id per person and day: once today's digest exists, the rest is held for
                // tomorrow's (a sweep runs every few minutes; the digest is daily), and two
                // instances sweeping at once still make one.
                let digestId = Self.digestId(person: person.id, day: dayText)
                guard try connection.query("SELECT 1 FROM mails WHERE event_id = $1 AND recipient_id = $2", [digestId, person.id]).isEmpty else {
                    continue
                }
                let rendered = templates.render(.digest, language: person.language, values)
                guard try queue.enqueue(OutgoingMail(eventId: digestId, recipient: person, kind: .digest, subject: rendered.subject,
                                                     text: rendered.text, html: rendered.html), on: connection, logger: logger) else { continue }
                for (id, _) in items {
                    try connection.execute("UPDATE mails SET status = 'digested' WHERE id = $1", [id])
                }
                sent += 1
            }
            return sent
        }
    }

    /// A stable UUID for one person's digest of one day (name-based, SHA-1 as in RFC 4122 v5 shape).
    static func digestId(person: UUID, day: String) -> UUID {
        var hasher = Hasher64()
        hasher.add(person.uuidString + "|" + day)
        let a = hasher.value, b = hasher.value &* 0x9E37_79B9_7F4A_7C15
        var bytes = withUnsafeBytes(of: a.bigEndian) { Array($0) } + withUnsafeBytes(of: b.bigEndian) { Array($0) }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// FNV-1a 64: a stable (process-independent) hash for derived ids.
struct Hasher64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }
}
