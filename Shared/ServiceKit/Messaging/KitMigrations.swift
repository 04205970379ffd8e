import Postgres

/// The kit's own tables in every service schema: the outbox, the inbox, idempotency keys and the read audit. They take migration
/// versions 1–99; a service's own migrations start at 100.
public enum KitMigrations {
    /// Outbox and inbox.
    public static let all: [Migration] = [
        Migration(version: 1, name: "kit_outbox", sql: """
            CREATE TABLE outbox (
                id            bigserial PRIMARY KEY,
                message_id    uuid NOT NULL UNIQUE,
                event_type    text NOT NULL,
                schema_version text NOT NULL,
                body          bytea NOT NULL,
                correlation_id uuid NOT NULL,
                traceparent   text,
                created_at    timestamptz NOT NULL DEFAULT now(),
                published_at  timestamptz,
                lease_until   timestamptz,
                attempts      integer NOT NULL DEFAULT 0,
                last_error    text
            );
            CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
            """),
        Migration(version: 2, name: "kit_inbox", sql: """
            CREATE TABLE inbox (
                message_id   uuid PRIMARY KEY,
                event_type   text NOT NULL,
                producer     text NOT NULL,
                received_at  timestamptz NOT NULL DEFAULT now()
            );
            """),
        Migration(version: 3, name: "kit_outbox_lease_owner", sql: """
            ALTER TABLE outbox ADD COLUMN lease_owner uuid;
            """),
        // Idempotency-Key for POST requests (per person): the response is stored with the effects.
        Migration(version: 4, name: "kit_idempotency_keys", sql: """
            CREATE TABLE idempotency_keys (
                actor        uuid NOT NULL,
                key          text NOT NULL,
                fingerprint  bytea NOT NULL,
                status       integer,
                body         bytea,
                location     text,
                created_at   timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (actor, key)
            );
            """),
        // Reads of plan content, reports, receipts, approval summaries and work logs: who (person,
        // role, scope), what, on which plan, when, through which route (ReadAudit). Ids only.
        Migration(version: 5, name: "kit_read_audit", sql: """
            CREATE TABLE read_audit (
                id              bigserial PRIMARY KEY,
                actor           uuid NOT NULL,
                role            text NOT NULL,
                scope           text NOT NULL,
                action          text NOT NULL,
                subject         text NOT NULL,
                plan_id         uuid,
                route           text NOT NULL,
                correlation_id  uuid,
                at              timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX read_audit_by_at ON read_audit (at, id);
            CREATE INDEX read_audit_by_actor ON read_audit (actor, at);
            CREATE INDEX read_audit_by_plan ON read_audit (plan_id, at) WHERE plan_id IS NOT NULL;
            """),
    ]

    /// The kit's migrations followed by the service's (which must use versions ≥ 100).
    public static func with(_ service: [Migration]) -> [Migration] { all + service }
}
