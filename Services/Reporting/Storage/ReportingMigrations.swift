import Postgres

/// The reporting schema: a read model of the platform's events (plans with their risks, measures
/// and status; approved work lines; released and reversed payouts) and the implementation reports.
///
/// No personal data: students appear only by their pseudonymous code, staff only by person id
/// (the report's author and confirmer); no names, no personal codes, no bank details. Facts are
/// keyed by the ids the events carry (plan + revision, work record + line, payout), so an event
/// delivered again, or published again under a new message id, writes nothing new. Nothing is
/// deleted: a resubmitted plan's facts are stored under its new revision and only the current
/// revision counts.
enum ReportingMigrations {
    static let all: [Migration] = [
        Migration(version: 100, name: "reporting_read_model", sql: """
            CREATE TABLE rep_plans (
                plan_id         uuid PRIMARY KEY,
                revision        integer NOT NULL,
                institution_id  uuid NOT NULL,
                student_code    text NOT NULL,      -- pseudonymous; never a name or personal code
                semester        text NOT NULL,      -- 2022/2023-1
                school_year     text NOT NULL,      -- 2022/2023
                status          text NOT NULL,
                created_at      timestamptz NOT NULL DEFAULT now(),
                updated_at      timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX rep_plans_by_semester ON rep_plans (semester, institution_id);
            CREATE INDEX rep_plans_by_school_year ON rep_plans (school_year, institution_id);
            -- every status change the events caused, with the event that caused it
            CREATE TABLE rep_plan_status_history (
                id           bigserial PRIMARY KEY,
                plan_id      uuid NOT NULL REFERENCES rep_plans,
                revision     integer NOT NULL,
                from_status  text,
                to_status    text NOT NULL,
                event_type   text NOT NULL,
                message_id   uuid,
                at           timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE rep_plan_risks (
                plan_id     uuid NOT NULL REFERENCES rep_plans,
                revision    integer NOT NULL,
                code        text NOT NULL,
                risk_group  text NOT NULL,
                PRIMARY KEY (plan_id, revision, code)
            );
            CREATE TABLE rep_plan_measures (
                plan_id          uuid NOT NULL REFERENCES rep_plans,
                revision         integer NOT NULL,
                measure_id       uuid NOT NULL,
                position         integer NOT NULL,
                type             text NOT NULL,
                providers        jsonb NOT NULL DEFAULT '[]',
                risk_codes       jsonb NOT NULL DEFAULT '[]',
                subjects         jsonb NOT NULL DEFAULT '[]',   -- subject consultations only
                planned_minutes  integer,
                monthly_cents    bigint,
                semester_cents   bigint,
                planned_cents    bigint,                        -- for the whole semester
                PRIMARY KEY (plan_id, revision, measure_id)
            );
            -- one row per line of an approved work record (lines come in a fixed order)
            CREATE TABLE rep_work_lines (
                work_log_id    uuid NOT NULL,
                line_no        integer NOT NULL,
                plan_id        uuid NOT NULL,
                measure_id     uuid,
                role           text NOT NULL,
                provider_type  text,
                month          text NOT NULL,
                minutes        integer NOT NULL,
                recorded_at    timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (work_log_id, line_no)
            );
            CREATE INDEX rep_work_lines_by_plan ON rep_work_lines (plan_id);
            CREATE TABLE rep_payouts (
                payout_id     uuid PRIMARY KEY,
                plan_id       uuid NOT NULL,
                measure       text NOT NULL,
                period        text NOT NULL,
                amount_cents  bigint NOT NULL,
                released_at   timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX rep_payouts_by_plan ON rep_payouts (plan_id);
            CREATE TABLE rep_payout_reversals (
                payout_id     uuid PRIMARY KEY,
                amount_cents  bigint NOT NULL,
                reversed_at   timestamptz NOT NULL DEFAULT now()
            );
            """),
        Migration(version: 101, name: "implementation_reports", sql: """
            -- one implementation report per plan; the preparer writes and submits, the head confirms
            CREATE TABLE reports (
                plan_id        uuid PRIMARY KEY REFERENCES rep_plans,
                state          text NOT NULL CHECK (state IN ('draft', 'submitted', 'confirmed')),
                risks          jsonb NOT NULL DEFAULT '[]',
                summary        text,
                figures        jsonb,           -- planned vs delivered as they stood at submission
                written_by     uuid NOT NULL,
                written_at     timestamptz NOT NULL DEFAULT now(),
                submitted_by   uuid,
                submitted_at   timestamptz,
                confirmed_by   uuid,
                confirmed_at   timestamptz,
                version        integer NOT NULL DEFAULT 1
            );
            CREATE TABLE report_history (
                id          bigserial PRIMARY KEY,
                plan_id     uuid NOT NULL REFERENCES reports,
                action      text NOT NULL CHECK (action IN ('write', 'submit', 'confirm')),
                from_state  text,
                to_state    text NOT NULL,
                actor       uuid NOT NULL,
                role        text NOT NULL,
                acting_for  uuid,
                at          timestamptz NOT NULL DEFAULT now()
            );
            """),
        // Issue #17 item 7: a planned figure above 2^31 failed the integer column and dead-lettered
        // every later event of the plan. The rules now bound planned minutes to the semester's
        // minutes (PlanBounds), and the columns hold any Int the events can carry anyway, so an
        // event accepted upstream is never refused by storage here.
        Migration(version: 102, name: "wide_minutes", sql: """
            ALTER TABLE rep_plan_measures ALTER COLUMN planned_minutes TYPE bigint;
            ALTER TABLE rep_work_lines ALTER COLUMN minutes TYPE bigint;
            """),
        // Issue #19 point 9: the programme counts consultations (sessions), not only hours.
        // `worklog.approved` 1.2 carries them per line; a line from an older producer has none (NULL).
        Migration(version: 103, name: "work_line_sessions", sql: """
            ALTER TABLE rep_work_lines ADD COLUMN sessions bigint;
            -- the sessions of a work line that named a subject, per normalised subject
            CREATE TABLE rep_work_line_subjects (
                work_log_id  uuid NOT NULL,
                line_no      integer NOT NULL,
                subject      text NOT NULL,
                sessions     bigint NOT NULL,
                minutes      bigint NOT NULL,
                PRIMARY KEY (work_log_id, line_no, subject),
                FOREIGN KEY (work_log_id, line_no) REFERENCES rep_work_lines
            );
            """),
        // The emergency periods IKVD declares (issue #19 item 8, seed 004) and their effect: plans
        // paused per region when declared, resumed and still suspended when ended.
        Migration(version: 104, name: "emergencies", sql: """
            CREATE TABLE rep_emergencies (
                id               uuid PRIMARY KEY,
                name             text,
                starts_on        date,
                ends_on          date,
                scope_kind       text,
                scope_region     text,
                ended            boolean NOT NULL DEFAULT false,
                resumed_plans    integer,
                stays_suspended  integer,
                updated_at       timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE rep_emergency_regions (
                emergency_id  uuid NOT NULL,
                region        text NOT NULL,
                paused        integer NOT NULL CHECK (paused >= 0),
                PRIMARY KEY (emergency_id, region)
            );
            """),
    ]
}
