import Postgres

/// The risk validation schema: what it knows about plans (to find a student's other plans in a
/// semester) and every validation result, one per plan revision.
public enum RiskValidationMigrations {
    /// All migrations (after the kit's and the directory replica's).
    public static let all: [Migration] = [
        Migration(version: 100, name: "known_plans_validations", sql: """
            -- Every plan seen in plan.submitted, by pseudonymous student code (never a personal code).
            CREATE TABLE known_plans (
                plan_id          uuid PRIMARY KEY,
                student_code     text NOT NULL,
                institution_id   uuid NOT NULL,
                semester         text NOT NULL,
                latest_revision  integer NOT NULL,
                deleted          boolean NOT NULL DEFAULT false,
                updated_at       timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX known_plans_by_student ON known_plans (student_code, semester);
            -- One result per plan revision: a redelivered or replayed submission is not validated twice;
            -- a resubmission (new revision) is validated afresh.
            CREATE TABLE validations (
                plan_id       uuid NOT NULL,
                revision      integer NOT NULL,
                outcome       text NOT NULL CHECK (outcome IN ('passed', 'failed')),
                findings      jsonb NOT NULL,
                message_id    uuid NOT NULL,
                validated_at  timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (plan_id, revision)
            );
            """),
    ]
}
