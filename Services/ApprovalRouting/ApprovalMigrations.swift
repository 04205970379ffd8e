import Postgres

/// The approval schema: each plan's approval state (a copy built from intake's and validation's
/// events), every decision with who, when, acting-for and comment, delegations, and the
/// reminders already raised. Nothing is deleted.
public enum ApprovalMigrations {
    /// All migrations (after the kit's and the directory replica's).
    public static let all: [Migration] = [
        Migration(version: 100, name: "approval_plans_decisions", sql: """
            CREATE TABLE approval_plans (
                plan_id          uuid PRIMARY KEY,
                revision         integer NOT NULL,
                institution_id   uuid NOT NULL,
                student_code     text NOT NULL,
                semester         text NOT NULL,
                prepared_by      uuid,
                risk_codes       jsonb NOT NULL DEFAULT '[]',
                measures         jsonb NOT NULL DEFAULT '[]',
                warnings         jsonb NOT NULL DEFAULT '[]',
                state            text NOT NULL,
                consent_on_file  boolean NOT NULL DEFAULT false,
                amount_paid      bigint NOT NULL DEFAULT 0,
                awaiting_since   timestamptz,
                version          integer NOT NULL DEFAULT 0,
                updated_at       timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX approval_plans_waiting ON approval_plans (state, awaiting_since);
            CREATE TABLE decisions (
                id          bigserial PRIMARY KEY,
                plan_id     uuid NOT NULL REFERENCES approval_plans (plan_id),
                revision    integer NOT NULL,
                command     text NOT NULL,
                from_state  text NOT NULL,
                to_state    text NOT NULL,
                decided_by  uuid NOT NULL,
                role        text NOT NULL,
                acting_for  uuid,
                comment     text,
                at          timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX decisions_by_plan ON decisions (plan_id, id);
            CREATE TABLE delegations (
                id           uuid PRIMARY KEY,
                delegator    uuid NOT NULL,
                delegate     uuid NOT NULL,
                role         text NOT NULL,
                scope_kind   text NOT NULL,
                scope_id     uuid,
                scope_region text,
                valid_from   date NOT NULL,
                valid_until  date NOT NULL CHECK (valid_until >= valid_from),
                created_at   timestamptz NOT NULL DEFAULT now(),
                revoked_at   timestamptz
            );
            CREATE INDEX delegations_by_delegate ON delegations (delegate, valid_from, valid_until) WHERE revoked_at IS NULL;
            -- One reminder and one escalation per plan revision and level, however many instances sweep.
            CREATE TABLE reminders (
                plan_id   uuid NOT NULL,
                revision  integer NOT NULL,
                level     text NOT NULL,
                stage     text NOT NULL CHECK (stage IN ('reminder', 'escalation')),
                raised_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (plan_id, revision, level, stage)
            );
            """),
        // The highest consent change seen (plan.consent_changed 1.1 `change`): a late redelivery
        // of an older change must not overwrite a newer one (a revocation undone by a stale record).
        Migration(version: 101, name: "consent_change_order", sql: """
            ALTER TABLE approval_plans ADD COLUMN consent_change integer NOT NULL DEFAULT 0;
            """),
        // Everyone who wrote the plan, per revision (plan.submitted's submitter, and whom they
        // submitted for): nobody who wrote ANY revision decides the plan (issue #17). Plans
        // already here keep their current revision's preparer; earlier revisions' authors were
        // never stored, so they cannot be recovered.
        Migration(version: 102, name: "plan_authors", sql: """
            CREATE TABLE plan_authors (
                plan_id      uuid NOT NULL,
                revision     integer NOT NULL,
                person_id    uuid NOT NULL,
                how          text NOT NULL CHECK (how IN ('submitted', 'submitted_for')),
                recorded_at  timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (plan_id, person_id, revision)
            );
            INSERT INTO plan_authors (plan_id, revision, person_id, how)
            SELECT plan_id, revision, prepared_by, 'submitted' FROM approval_plans WHERE prepared_by IS NOT NULL;
            """),
        // Consent gates implementation, not submission (issue #19 item 3): consent may be
        // recorded before the plan is submitted or long after, so its latest state is kept per
        // plan whether or not approval knows the plan yet; plans here before keep what they had.
        // `support_delivered`: the first consultation or compensation (issue #19 item 4).
        Migration(version: 103, name: "plan_consents_and_delivery", sql: """
            CREATE TABLE plan_consents (
                plan_id     uuid PRIMARY KEY,
                on_file     boolean NOT NULL,
                change      integer NOT NULL,
                updated_at  timestamptz NOT NULL DEFAULT now()
            );
            INSERT INTO plan_consents (plan_id, on_file, change)
            SELECT plan_id, consent_on_file, consent_change FROM approval_plans;
            ALTER TABLE approval_plans ADD COLUMN support_delivered text
                CHECK (support_delivered IN ('consultation', 'payout'));
            """),
        // Emergency periods (issue #19 item 8, seed 004) and what each did to each plan in scope:
        // one row per plan for the declaration (`pause`) and one for the end (`resume`), with the
        // plan's lifecycle state then. The pause is an overlay: `approval_plans.state` is not changed.
        Migration(version: 104, name: "emergencies", sql: """
            CREATE TABLE emergencies (
                id                        uuid PRIMARY KEY,
                name                      text NOT NULL,
                reason                    text NOT NULL,
                starts_on                 date NOT NULL,
                ends_on                   date CHECK (ends_on IS NULL OR ends_on >= starts_on),
                scope_kind                text NOT NULL CHECK (scope_kind IN ('national', 'region', 'municipality')),
                scope_region              text,
                scope_municipality        uuid,
                home_meals_from           date,
                home_meals_lowest_grade   integer NOT NULL,
                home_meals_highest_grade  integer NOT NULL CHECK (home_meals_highest_grade >= home_meals_lowest_grade),
                home_meals_plan_semester  text,
                declared_by               uuid NOT NULL,
                declared_role             text NOT NULL,
                declared_at               timestamptz NOT NULL DEFAULT now(),
                ended_by                  uuid,
                ended_at                  timestamptz,
                end_comment               text
            );
            CREATE TABLE emergency_plan_results (
                emergency_id  uuid NOT NULL REFERENCES emergencies (id),
                plan_id       uuid NOT NULL REFERENCES approval_plans (plan_id),
                action        text NOT NULL CHECK (action IN ('pause', 'resume')),
                state         text NOT NULL,
                outcome       text NOT NULL,
                region        text NOT NULL,
                at            timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (emergency_id, action, plan_id)
            );
            """),
    ]
}
