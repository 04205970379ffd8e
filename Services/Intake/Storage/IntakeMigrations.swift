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
        // The directory: who works where, in which role and scope (DOMAIN.md §2). Assignments are
        // revoked, never deleted.
        Migration(version: 102, name: "directory", sql: """
            CREATE TABLE municipalities (
                id          uuid PRIMARY KEY,
                name        text NOT NULL UNIQUE,
                region      text NOT NULL,
                created_by  uuid NOT NULL,
                created_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE institutions (
                id               uuid PRIMARY KEY,
                name             text NOT NULL,
                kind             text NOT NULL CHECK (kind IN ('general', 'vocational')),
                founder          text NOT NULL CHECK (founder IN ('municipal', 'state')),
                municipality_id  uuid REFERENCES municipalities (id),
                region           text NOT NULL,
                created_by       uuid NOT NULL,
                created_at       timestamptz NOT NULL DEFAULT now(),
                -- A state institution has no municipality step; a municipal one always has one.
                CHECK ((founder = 'municipal') = (municipality_id IS NOT NULL))
            );
            CREATE TABLE people (
                id          uuid PRIMARY KEY,
                name        text NOT NULL,
                email       text NOT NULL,
                language    text NOT NULL CHECK (language IN ('lv', 'en')),
                created_by  uuid NOT NULL,
                created_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE UNIQUE INDEX people_email ON people (lower(email));
            CREATE TABLE role_assignments (
                id            uuid PRIMARY KEY,
                person_id     uuid NOT NULL REFERENCES people (id),
                role          text NOT NULL,
                scope_kind    text NOT NULL CHECK (scope_kind IN ('national', 'region', 'municipality', 'institution')),
                scope_id      uuid,
                scope_region  text,
                assigned_by   uuid NOT NULL,
                assigned_at   timestamptz NOT NULL DEFAULT now(),
                revoked_by    uuid,
                revoked_at    timestamptz
            );
            CREATE UNIQUE INDEX one_active_assignment ON role_assignments
                (person_id, role, scope_kind, coalesce(scope_id::text, scope_region, '')) WHERE revoked_at IS NULL;
            """),
        // What a plan carries besides its content: declarations, the latest findings, documents
        // (evidence and scanned consent forms, with checksums) and consent records.
        Migration(version: 103, name: "plan_documents_consent", sql: """
            ALTER TABLE plans
                ADD COLUMN esf_declarations jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN findings jsonb NOT NULL DEFAULT '[]',
                ADD COLUMN status_note text,
                ADD COLUMN implementation_may_start boolean NOT NULL DEFAULT false,
                ADD COLUMN copied_from uuid REFERENCES plans (id);
            CREATE INDEX plans_by_student ON plans (student_id);
            CREATE TABLE documents (
                id           uuid PRIMARY KEY,
                plan_id      uuid NOT NULL REFERENCES plans (id),
                purpose      text NOT NULL CHECK (purpose IN ('evidence', 'consent')),
                kind         text NOT NULL,
                media_type   text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
                size_bytes   integer NOT NULL CHECK (size_bytes > 0),
                sha256       bytea NOT NULL CHECK (length(sha256) = 32),
                content      bytea NOT NULL,
                uploaded_by  uuid NOT NULL,
                uploaded_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX documents_by_plan ON documents (plan_id);
            CREATE TABLE consents (
                id             uuid PRIMARY KEY,
                plan_id        uuid NOT NULL REFERENCES plans (id),
                signer         text NOT NULL CHECK (signer IN ('student', 'parent_or_guardian')),
                signed_on      date NOT NULL,
                document_id    uuid NOT NULL REFERENCES documents (id),
                recorded_by    uuid NOT NULL,
                recorded_at    timestamptz NOT NULL DEFAULT now(),
                revoked_by     uuid,
                revoked_at     timestamptz,
                revoke_reason  text
            );
            CREATE UNIQUE INDEX one_active_consent ON consents (plan_id) WHERE revoked_at IS NULL;
            """),
        // A plan's history and its consents (revoked ones too) are read by plan on every
        // submission and status change; without these, each read scanned the whole table
        // (the pipeline benchmark found it: most of PostgreSQL's time went there).
        Migration(version: 104, name: "history_and_consents_by_plan", sql: """
            CREATE INDEX plan_history_by_plan ON plan_history (plan_id, id);
            CREATE INDEX consents_by_plan ON consents (plan_id, recorded_at);
            """),
        // The upload quota counts a person's documents of the day on every upload (issue #17).
        Migration(version: 110, name: "documents_by_uploader", sql: """
            CREATE INDEX documents_by_uploader ON documents (uploaded_by, uploaded_at);
            """),
        // Birth dates are sealed like personal codes (issue #17 item 8): new writes fill only
        // `birth_date_sealed`; rows from before keep `birth_date` until the service's start-up
        // sweep (StudentBirthDates.sealLegacy) seals them and clears it. The index finds those few.
        Migration(version: 120, name: "students_birth_date_sealed", sql: """
            ALTER TABLE students ADD COLUMN birth_date_sealed bytea;
            CREATE INDEX students_birth_date_unsealed ON students (id) WHERE birth_date IS NOT NULL;
            """),
        // The staff portal signs people in through an identity provider (issue #18); a person
        // carries the provider's subject as a keyed hash only (Latvija.lv's is a personal code).
        Migration(version: 130, name: "people_sign_in_subject", sql: """
            ALTER TABLE people ADD COLUMN sign_in_subject_hash bytea;
            CREATE UNIQUE INDEX people_sign_in_subject ON people (sign_in_subject_hash) WHERE sign_in_subject_hash IS NOT NULL;
            """),
        // Only attached documents count as evidence (issue #19 item 1). A document may name its
        // own end of validity, and copy forward carries a plan's evidence documents to the new
        // plan as documents (same upload date, the bytes stay once, with the original).
        Migration(version: 140, name: "documents_validity_and_carried", sql: """
            ALTER TABLE documents
                ADD COLUMN valid_until date,
                ADD COLUMN carried_from uuid REFERENCES documents (id),
                ALTER COLUMN content DROP NOT NULL,
                ADD CONSTRAINT documents_bytes_once CHECK ((content IS NULL) = (carried_from IS NOT NULL));
            """),
    ]
}
