import Postgres

/// The intake schema's own tables (versions ≥ 100; the kit's outbox and inbox come first).
/// Personal codes exist here only as ciphertext and keyed hash; nothing is ever deleted.
public enum IntakeMigrations {
    /// All intake migrations, in order.
    public static let all: [Migration] = [
        Migration(version: 100, name: "students", sql: """
            CREATE TABLE students (
                id            uuid PRIMARY KEY,
                lookup_hash   bytea NOT NULL UNIQUE CHECK (length(lookup_hash) = 32),
                ciphertext    bytea NOT NULL,
                student_code  text NOT NULL UNIQUE,
                birth_date    date,
                created_at    timestamptz NOT NULL DEFAULT now()
            );
            """),
        Migration(version: 101, name: "plans_history_audit", sql: """
            CREATE TABLE plans (
                id              uuid PRIMARY KEY,
                institution_id  uuid NOT NULL,
                student_id      uuid NOT NULL REFERENCES students (id),
                school_year     integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
                semester        smallint NOT NULL CHECK (semester IN (1, 2)),
                status          text NOT NULL DEFAULT 'draft',
                revision        integer NOT NULL DEFAULT 1,
                content         jsonb,
                created_by      uuid NOT NULL,
                created_at      timestamptz NOT NULL DEFAULT now(),
                updated_at      timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT one_plan_per_student_institution_semester UNIQUE (student_id, institution_id, school_year, semester)
            );
            CREATE INDEX plans_by_institution ON plans (institution_id, school_year, semester, status);
            -- Every state change keeps who, when and why; nothing is deleted.
            CREATE TABLE plan_history (
                id           bigserial PRIMARY KEY,
                plan_id      uuid NOT NULL REFERENCES plans (id),
                from_status  text,
                to_status    text NOT NULL,
                actor        uuid NOT NULL,
                reason       text,
                at           timestamptz NOT NULL DEFAULT now()
            );
            -- Every change and every read of personal data: who, in which role and scope, what,
            -- when, in which flow. Never the personal code itself.
            CREATE TABLE audit (
                id              bigserial PRIMARY KEY,
                actor           uuid NOT NULL,
                role            text NOT NULL,
                scope           text NOT NULL,
                action          text NOT NULL,
                subject         text NOT NULL,
                correlation_id  uuid,
                at              timestamptz NOT NULL DEFAULT now()
            );
            """),
    ]
}
