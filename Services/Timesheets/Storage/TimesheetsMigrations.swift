import Postgres

/// The timesheets schema: a copy of each plan built from approval's events (with every change of
/// it), monthly work records with their history, and the entries. Nothing is deleted: a withdrawn
/// entry keeps who withdrew it and when; a record's transitions keep who, when and why. Times are
/// `timestamptz` (UTC); work is whole minutes; there is no money and no personal code here (plans
/// carry only the pseudonymous student code).
enum TimesheetsMigrations {
    /// All migrations (after the kit's and the directory replica's).
    static let all: [Migration] = [
        Migration(version: 100, name: "timesheets_plans_work_logs_entries", sql: """
            CREATE TABLE plans (
                plan_id         uuid PRIMARY KEY,
                revision        integer NOT NULL,
                institution_id  uuid NOT NULL,
                student_code    text NOT NULL,
                semester        text NOT NULL,
                status          text NOT NULL CHECK (status IN ('open', 'closed', 'suspended', 'deleted')),
                measures        jsonb NOT NULL DEFAULT '[]',
                version         integer NOT NULL DEFAULT 0,
                updated_at      timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX plans_by_institution ON plans (institution_id, status, semester);
            CREATE TABLE plan_changes (
                id          bigserial PRIMARY KEY,
                plan_id     uuid NOT NULL REFERENCES plans (plan_id),
                revision    integer NOT NULL,
                signal      text NOT NULL,
                from_status text,
                to_status   text NOT NULL,
                message_id  uuid NOT NULL,
                at          timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX plan_changes_by_plan ON plan_changes (plan_id, id);
            CREATE TABLE work_logs (
                id              uuid PRIMARY KEY,
                person_id       uuid NOT NULL,
                institution_id  uuid NOT NULL,
                month           text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
                state           text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'submitted', 'approved', 'returned')),
                version         integer NOT NULL DEFAULT 0,
                created_at      timestamptz NOT NULL DEFAULT now(),
                updated_at      timestamptz NOT NULL DEFAULT now(),
                UNIQUE (person_id, institution_id, month)
            );
            CREATE INDEX work_logs_by_institution ON work_logs (institution_id, month, state);
            CREATE TABLE work_log_transitions (
                id           bigserial PRIMARY KEY,
                work_log_id  uuid NOT NULL REFERENCES work_logs (id),
                command      text NOT NULL,
                from_state   text NOT NULL,
                to_state     text NOT NULL,
                actor        uuid NOT NULL,
                role         text NOT NULL,
                comment      text,
                at           timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX work_log_transitions_by_log ON work_log_transitions (work_log_id, id);
            CREATE TABLE entries (
                id             uuid PRIMARY KEY,
                work_log_id    uuid NOT NULL REFERENCES work_logs (id),
                plan_id        uuid NOT NULL REFERENCES plans (plan_id),
                plan_revision  integer NOT NULL,
                measure_id     uuid,
                role           text NOT NULL CHECK (role IN ('specialist', 'preparer')),
                provider_type  text,
                subject        text,
                remote         boolean,
                work_date      date NOT NULL,
                minutes        integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
                recorded_by    uuid NOT NULL,
                recorded_at    timestamptz NOT NULL DEFAULT now(),
                withdrawn_at   timestamptz,
                withdrawn_by   uuid,
                CHECK ((role = 'specialist') = (measure_id IS NOT NULL AND provider_type IS NOT NULL AND remote IS NOT NULL)),
                CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
            );
            CREATE INDEX entries_delivered ON entries (plan_id, measure_id) WHERE withdrawn_at IS NULL;
            CREATE INDEX entries_sessions ON entries (plan_id, work_date) WHERE withdrawn_at IS NULL AND role = 'specialist';
            CREATE INDEX entries_by_work_log ON entries (work_log_id, work_date, recorded_at);
            """),
        // Consent gates implementation (issue #19 item 3): an approved plan may wait for it
        // (`waiting`); the first consultation is announced once (`delivery_announced_at`, item 4).
        // Plans here before announce at their next entry, which only starts an approved plan.
        Migration(version: 110, name: "plans_waiting_and_first_delivery", sql: """
            ALTER TABLE plans DROP CONSTRAINT plans_status_check;
            ALTER TABLE plans ADD CONSTRAINT plans_status_check CHECK (status IN ('open', 'waiting', 'closed', 'suspended', 'deleted'));
            ALTER TABLE plans ADD COLUMN delivery_announced_at timestamptz;
            """),
        // Emergency periods from approval's `emergency.*` events (issue #19 item 8, seed 004):
        // inside one, only remote consultations are recorded at the institutions in scope. A
        // period whose end arrives before its declaration (competing consumers) waits as a row with
        // no start, which no rule reads until the declaration fills it in.
        Migration(version: 111, name: "emergency_periods", sql: """
            CREATE TABLE emergency_periods (
                id                  uuid PRIMARY KEY,
                name                text,
                starts_on           date,
                ends_on             date,
                scope_kind          text CHECK (scope_kind IN ('national', 'region', 'municipality')),
                scope_region        text,
                scope_municipality  uuid,
                ended               boolean NOT NULL DEFAULT false,
                updated_at          timestamptz NOT NULL DEFAULT now()
            );
            """),
        // Employment first (issue #19 item 5): a staff contract gates recording and sets the pay
        // rate. Entries keep the contract they were recorded under (older ones have none).
        Migration(version: 120, name: "staff_contracts", sql: """
            CREATE TABLE staff_contracts (
                id                 uuid PRIMARY KEY,
                person_id          uuid NOT NULL,
                institution_id     uuid NOT NULL,
                profession         text NOT NULL,
                hourly_rate_cents  bigint NOT NULL CHECK (hourly_rate_cents > 0),
                valid_from         date NOT NULL,
                valid_until        date CHECK (valid_until IS NULL OR valid_until >= valid_from),
                entered_by         uuid NOT NULL,
                entered_at         timestamptz NOT NULL DEFAULT now(),
                updated_at         timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX staff_contracts_by_person ON staff_contracts (person_id, institution_id, valid_from);
            CREATE INDEX staff_contracts_by_institution ON staff_contracts (institution_id, person_id);
            CREATE TABLE staff_contract_changes (
                id           bigserial PRIMARY KEY,
                contract_id  uuid NOT NULL REFERENCES staff_contracts (id),
                change       text NOT NULL CHECK (change IN ('entered', 'ended')),
                actor        uuid NOT NULL,
                role         text NOT NULL,
                valid_until  date,
                reason       text,
                at           timestamptz NOT NULL DEFAULT now()
            );
            ALTER TABLE entries ADD COLUMN contract_id uuid REFERENCES staff_contracts (id);
            CREATE INDEX entries_by_contract ON entries (contract_id, work_date) WHERE contract_id IS NOT NULL;
            """),
        // The institution coordinator makes the staff's work records (issue #19 item 6): an entry
        // keeps who recorded it (already: `recorded_by`), a record says who vouched for it when it
        // was handed in, the person (submit) or the coordinator (attest).
        Migration(version: 130, name: "work_log_confirmation", sql: """
            ALTER TABLE work_logs
                ADD COLUMN confirmation text CHECK (confirmation IN ('person', 'coordinator')),
                ADD COLUMN confirmed_by uuid,
                ADD COLUMN confirmed_at timestamptz;
            """),
        // The payment terms of an emergency travel with it: the kit's replica keeps them, so
        // timesheets' table gets the same columns as payouts' (one writer for both).
        Migration(version: 140, name: "emergency_period_terms", sql: """
            ALTER TABLE emergency_periods
                ADD COLUMN home_meals_from date,
                ADD COLUMN home_meals_lowest_grade integer,
                ADD COLUMN home_meals_highest_grade integer,
                ADD COLUMN home_meals_plan_semester text;
            """),
    ]
}
