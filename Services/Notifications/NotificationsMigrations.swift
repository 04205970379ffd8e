import Postgres

/// The notifications schema: who prepared each plan (from `plan.submitted`), every email with its
/// state and every attempt with the server's reply, and who wants a daily digest. One email per
/// (event, recipient): the unique key makes redelivered events harmless.
public enum NotificationsMigrations {
    /// All migrations (after the kit's and the directory replica's).
    public static let all: [Migration] = [
        Migration(version: 100, name: "mails", sql: """
            CREATE TABLE plan_contacts (
                plan_id         uuid PRIMARY KEY,
                preparer        uuid NOT NULL,
                institution_id  uuid NOT NULL,
                student_code    text NOT NULL,
                semester        text NOT NULL,
                updated_at      timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE mails (
                id               uuid PRIMARY KEY,
                event_id         uuid NOT NULL,
                recipient_id     uuid NOT NULL,
                recipient_email  text NOT NULL,
                kind             text NOT NULL,
                language         text NOT NULL,
                subject          text NOT NULL,
                item             text,
                message          bytea NOT NULL,
                status           text NOT NULL CHECK (status IN ('queued', 'sent', 'dead', 'digest', 'digested')),
                attempts         integer NOT NULL DEFAULT 0,
                next_attempt_at  timestamptz NOT NULL DEFAULT now(),
                lease_until      timestamptz,
                last_error       text,
                created_at       timestamptz NOT NULL DEFAULT now(),
                sent_at          timestamptz,
                UNIQUE (event_id, recipient_id)
            );
            CREATE INDEX mails_due ON mails (next_attempt_at) WHERE status = 'queued';
            CREATE INDEX mails_digest ON mails (recipient_id) WHERE status = 'digest';
            -- Every attempt: when, and what the server (or the connection) said.
            CREATE TABLE mail_attempts (
                id        bigserial PRIMARY KEY,
                mail_id   uuid NOT NULL REFERENCES mails (id),
                attempt   integer NOT NULL,
                outcome   text NOT NULL CHECK (outcome IN ('sent', 'failed')),
                reply     text,
                at        timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE digest_subscribers (
                person_id  uuid PRIMARY KEY,
                active     boolean NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            """),
    ]
}
