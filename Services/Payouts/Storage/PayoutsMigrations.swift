import Postgres
import ServiceKit

/// The payouts schema. Money is integer cents (`bigint`), times `timestamptz` (UTC), and nothing
/// is deleted: payouts change state with who/when/why, the ledger only grows (a trigger refuses
/// UPDATE and DELETE on it), and bank details keep their history.
enum PayoutsMigrations {
    static let all: [Migration] = [
        Migration(version: 100, name: "payout_plans_and_payees", sql: """
            -- payouts' copy of each plan, from approval's and intake's events
            CREATE TABLE pay_plans (
                plan_id                 uuid PRIMARY KEY,
                revision                integer NOT NULL,
                institution_id          uuid NOT NULL,
                student_code            text NOT NULL,
                semester                text NOT NULL,
                measures                jsonb NOT NULL,
                implementation_allowed  boolean NOT NULL DEFAULT false,
                fully_approved          boolean NOT NULL DEFAULT false,
                suspended               boolean NOT NULL DEFAULT false,
                deleted                 boolean NOT NULL DEFAULT false,
                consent_on_file         boolean NOT NULL DEFAULT true,
                updated_at              timestamptz NOT NULL DEFAULT now()
            );
            -- who is paid: a claimant's account (by IBAN) or a staff member's (by person)
            CREATE TABLE payees (
                reference   text PRIMARY KEY,
                person_id   uuid UNIQUE,
                name        text NOT NULL,
                iban        text NOT NULL,
                bic         text,
                created_at  timestamptz NOT NULL DEFAULT now(),
                updated_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE UNIQUE INDEX payees_claimant_by_iban ON payees (iban) WHERE person_id IS NULL;
            CREATE TABLE payee_history (
                id          bigserial PRIMARY KEY,
                reference   text NOT NULL REFERENCES payees,
                name        text NOT NULL,
                iban        text NOT NULL,
                bic         text,
                changed_by  uuid NOT NULL,
                changed_at  timestamptz NOT NULL DEFAULT now()
            );
            """),
        Migration(version: 101, name: "claims_payouts_ledger_batches", sql: """
            -- receipts are uploaded first (raw PDF/JPEG/PNG), then named by one claim only
            CREATE TABLE receipts (
                id              uuid PRIMARY KEY,
                institution_id  uuid NOT NULL,
                media_type      text NOT NULL,
                size_bytes      integer NOT NULL,
                sha256          bytea NOT NULL,
                content         bytea NOT NULL,
                uploaded_by     uuid NOT NULL,
                uploaded_at     timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE claims (
                id                  uuid PRIMARY KEY,
                plan_id             uuid NOT NULL REFERENCES pay_plans,
                measure_id          uuid NOT NULL,
                measure_type        text NOT NULL,
                period              text NOT NULL,
                claimed_cents       bigint NOT NULL CHECK (claimed_cents > 0),
                description         text NOT NULL,
                payee_reference     text NOT NULL REFERENCES payees,
                receipt_id          uuid NOT NULL UNIQUE REFERENCES receipts,
                receipt_sha256      bytea NOT NULL,
                submitted_by        uuid NOT NULL,
                submitted_at        timestamptz NOT NULL DEFAULT now()
            );
            -- the same receipt file cannot be claimed twice on a plan's measure, even re-uploaded
            CREATE UNIQUE INDEX claims_one_per_receipt_file ON claims (plan_id, measure_id, receipt_sha256);
            CREATE TABLE batches (
                id              uuid PRIMARY KEY,
                period          text NOT NULL,
                count           integer NOT NULL CHECK (count > 0),
                total_cents     bigint NOT NULL,
                execution_date  date NOT NULL,
                created_by      uuid NOT NULL,
                created_at      timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE payouts (
                id                uuid PRIMARY KEY,
                idempotency_key   text NOT NULL UNIQUE,
                kind              text NOT NULL CHECK (kind IN ('claim', 'staff')),
                claim_id          uuid UNIQUE REFERENCES claims,
                plan_id           uuid NOT NULL REFERENCES pay_plans,
                institution_id    uuid NOT NULL,
                student_code      text NOT NULL,
                measure           text NOT NULL,
                measure_id        uuid,
                period            text NOT NULL,
                cap_key           text,
                amount_cents      bigint NOT NULL CHECK (amount_cents >= 0),
                claimed_cents     bigint,
                capped_cents      bigint NOT NULL DEFAULT 0,
                person_id         uuid,
                role              text,
                minutes           integer,
                payee_reference   text REFERENCES payees,
                state             text NOT NULL CHECK (state IN ('held', 'released', 'voided', 'reversed')),
                hold_reason       text,
                payee_name        text,
                payee_iban        text,
                payee_bic         text,
                batch_id          uuid REFERENCES batches,
                created_at        timestamptz NOT NULL DEFAULT now(),
                released_at       timestamptz,
                voided_at         timestamptz,
                void_reason       text,
                updated_at        timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX payouts_by_plan ON payouts (plan_id, state);
            CREATE INDEX payouts_by_cap ON payouts (cap_key) WHERE state <> 'voided';
            CREATE INDEX payouts_held_by_person ON payouts (person_id) WHERE state = 'held';
            CREATE INDEX payouts_unbatched ON payouts (period) WHERE state = 'released' AND batch_id IS NULL;
            -- what was paid: +amount at release, -amount for a finance correction; never edited
            CREATE TABLE ledger (
                id               bigserial PRIMARY KEY,
                payout_id        uuid NOT NULL REFERENCES payouts,
                entry            text NOT NULL CHECK (entry IN ('release', 'reversal')),
                amount_cents     bigint NOT NULL,
                period           text NOT NULL,
                measure          text NOT NULL,
                plan_id          uuid NOT NULL,
                institution_id   uuid NOT NULL,
                municipality_id  uuid,
                reason           text,
                recorded_by      uuid,
                recorded_at      timestamptz NOT NULL DEFAULT now(),
                UNIQUE (payout_id, entry)
            );
            CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the payout ledger is append-only: record a reversing entry instead';
            END $$;
            CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger
                FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
            """),
        Migration(version: 102, name: "one_claim_per_receipt_file", sql: """
            -- A receipt file is paid once at all, not once per plan and measure (review finding).
            DROP INDEX claims_one_per_receipt_file;
            CREATE UNIQUE INDEX claims_one_per_receipt_file ON claims (receipt_sha256);
            """),
        // The ledger is read by plan (what a plan was paid, on every release); without an index
        // each read scanned the whole append-only ledger. (By payout: the UNIQUE (payout_id, entry).)
        Migration(version: 103, name: "ledger_by_plan", sql: """
            CREATE INDEX ledger_by_plan ON ledger (plan_id);
            """),
        // The highest consent change seen (plan.consent_changed 1.1 `change`): a late redelivery
        // of an older revocation must not void the pay of a plan whose consent is back on file.
        Migration(version: 104, name: "consent_change_order", sql: """
            ALTER TABLE pay_plans ADD COLUMN consent_change integer NOT NULL DEFAULT 0;
            """),
        // Review #17, item 1: staff pay could be redirected. See StaffPayees and StaffPayeeChanges.
        Migration(version: 105, name: "payee_safety", sql: """
            -- A claimant's account belongs to the school that claims for it: a claim from another
            -- school with the same IBAN makes that school's own payee instead of renaming this one.
            ALTER TABLE payees ADD COLUMN institution_id uuid;
            -- Old claimant accounts used by one school's claims become that school's; one used by
            -- several stays unowned (its claims and payouts keep pointing at it; new claims never
            -- match it again, so no school renames another's through it).
            UPDATE payees e SET institution_id = owner.institution_id
            FROM (SELECT c.payee_reference, (array_agg(DISTINCT p.institution_id))[1] AS institution_id
                  FROM claims c JOIN pay_plans p ON p.plan_id = c.plan_id
                  GROUP BY c.payee_reference HAVING count(DISTINCT p.institution_id) = 1) owner
            WHERE e.reference = owner.payee_reference AND e.person_id IS NULL;
            DROP INDEX payees_claimant_by_iban;
            CREATE UNIQUE INDEX payees_claimant_by_school_iban ON payees (institution_id, iban)
                WHERE person_id IS NULL AND institution_id IS NOT NULL;
            -- When a staff account last moved to another IBAN; held staff pay waits a while after
            -- it (PayeeChangeWait). NULL: as the person first registered it (old rows too).
            ALTER TABLE payees ADD COLUMN account_changed_at timestamptz;
            -- A change of someone's staff account proposed by finance: it takes effect only when a
            -- second, different finance officer confirms it.
            CREATE TABLE staff_payee_proposals (
                id            uuid PRIMARY KEY,
                person_id     uuid NOT NULL,
                name          text NOT NULL,
                iban          text NOT NULL,
                bic           text,
                reason        text NOT NULL,
                proposed_by   uuid NOT NULL,
                proposed_at   timestamptz NOT NULL DEFAULT now(),
                state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'superseded')),
                decided_by    uuid,
                decided_at    timestamptz,
                CHECK (decided_by IS NULL OR state <> 'confirmed' OR decided_by <> proposed_by)
            );
            CREATE UNIQUE INDEX staff_payee_proposals_one_pending ON staff_payee_proposals (person_id) WHERE state = 'pending';
            -- Every change of a staff account: who, when, the old and new IBAN masked, why.
            CREATE TABLE staff_payee_audit (
                id               bigserial PRIMARY KEY,
                person_id        uuid NOT NULL,
                reference        text NOT NULL REFERENCES payees,
                action           text NOT NULL CHECK (action IN ('registered', 'changed')),
                old_iban_masked  text,
                new_iban_masked  text NOT NULL,
                changed_by       uuid NOT NULL,
                confirmed_by     uuid,
                proposal_id      uuid REFERENCES staff_payee_proposals,
                reason           text NOT NULL,
                changed_at       timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX staff_payee_audit_by_person ON staff_payee_audit (person_id, changed_at);
            """),
        // Issue #19 point 10: youth initiative projects (DOMAIN.md §9b). A partner's competition,
        // the NGO applications it received (counts of participants only, never a student), the
        // decisions, and the project's payments as payouts of their own kind: no plan, no student,
        // but the same ledger, batches, exports and finance events as every other payout.
        Migration(version: 106, name: "youth_initiative_projects", sql: """
            CREATE TABLE youth_competitions (
                id                      uuid PRIMARY KEY,
                partner_kind            text NOT NULL CHECK (partner_kind IN ('municipality', 'vpii')),
                partner_id              uuid NOT NULL,
                title                   text NOT NULL,
                opens_on                date NOT NULL,
                closes_on               date NOT NULL CHECK (closes_on >= opens_on),
                budget_cents            bigint NOT NULL CHECK (budget_cents > 0),
                medium_term_plan        text NOT NULL,
                created_by              uuid NOT NULL,
                created_at              timestamptz NOT NULL DEFAULT now(),
                UNIQUE (partner_kind, partner_id, title)
            );
            CREATE TABLE youth_applications (
                id                      uuid PRIMARY KEY,
                competition_id          uuid NOT NULL REFERENCES youth_competitions,
                received_on             date NOT NULL,
                organisation_name       text NOT NULL,
                registration_number     text NOT NULL,
                works_with_youth        boolean NOT NULL,
                project_title           text NOT NULL,
                requested_cents         bigint NOT NULL CHECK (requested_cents > 0),
                starts_on               date NOT NULL,
                ends_on                 date NOT NULL,
                participants_planned    integer NOT NULL CHECK (participants_planned >= 0),
                at_risk_participants    integer NOT NULL CHECK (at_risk_participants >= 0),
                non_formal_methods      text NOT NULL,
                plan_alignment          text NOT NULL,
                payee_reference         text NOT NULL REFERENCES payees,
                findings                jsonb NOT NULL,
                state                   text NOT NULL DEFAULT 'submitted'
                                        CHECK (state IN ('submitted', 'awarded', 'refused', 'withdrawn')),
                awarded_cents           bigint CHECK (awarded_cents > 0),
                decision_reason         text,
                decided_by              uuid,
                decided_at              timestamptz,
                registered_by           uuid NOT NULL,
                registered_at           timestamptz NOT NULL DEFAULT now(),
                -- the same project of the same NGO is one application per competition
                UNIQUE (competition_id, registration_number, project_title),
                CHECK ((state = 'awarded') = (awarded_cents IS NOT NULL))
            );
            CREATE INDEX youth_applications_by_competition ON youth_applications (competition_id, state);
            -- A project's payment is a payout without a plan or student.
            ALTER TABLE payouts DROP CONSTRAINT payouts_kind_check;
            ALTER TABLE payouts ADD CONSTRAINT payouts_kind_check CHECK (kind IN ('claim', 'staff', 'youth_project'));
            ALTER TABLE payouts ALTER COLUMN plan_id DROP NOT NULL, ALTER COLUMN institution_id DROP NOT NULL,
                ALTER COLUMN student_code DROP NOT NULL;
            ALTER TABLE payouts ADD COLUMN youth_project_id uuid REFERENCES youth_applications;
            ALTER TABLE payouts ADD CONSTRAINT payouts_subject CHECK (CASE kind
                WHEN 'youth_project' THEN youth_project_id IS NOT NULL AND plan_id IS NULL AND student_code IS NULL
                ELSE plan_id IS NOT NULL AND institution_id IS NOT NULL AND student_code IS NOT NULL AND youth_project_id IS NULL END);
            CREATE INDEX payouts_by_youth_project ON payouts (youth_project_id) WHERE youth_project_id IS NOT NULL;
            ALTER TABLE ledger ALTER COLUMN plan_id DROP NOT NULL, ALTER COLUMN institution_id DROP NOT NULL;
            ALTER TABLE ledger ADD COLUMN youth_project_id uuid;
            ALTER TABLE ledger ADD CONSTRAINT ledger_subject CHECK (plan_id IS NOT NULL OR youth_project_id IS NOT NULL);
            """),
        // Consent gates implementation, not submission (issue #19 item 3): its latest state is
        // kept per plan whether or not payouts knows the plan yet, and a plan arriving later
        // starts from it (no longer "on file" by default). Plans here before keep what they had.
        Migration(version: 120, name: "plan_consents", sql: """
            CREATE TABLE plan_consents (
                plan_id     uuid PRIMARY KEY,
                on_file     boolean NOT NULL,
                change      integer NOT NULL,
                updated_at  timestamptz NOT NULL DEFAULT now()
            );
            INSERT INTO plan_consents (plan_id, on_file, change)
            SELECT plan_id, consent_on_file, consent_change FROM pay_plans;
            ALTER TABLE pay_plans ALTER COLUMN consent_on_file SET DEFAULT false;
            """),
        // Emergency periods and their payment exceptions (issue #19 item 8, seed 004): the periods
        // from approval (the kit's replica), and what the exceptions need to know of a plan: its
        // grade or course and the day it was first submitted (from `plan.submitted` 2.1).
        Migration(version: 130, name: "emergency_periods_and_plan_submissions", sql: EmergencyReplica.migrationSQL + """
            CREATE TABLE plan_submissions (
                plan_id             uuid PRIMARY KEY,
                grade_or_course     integer,
                first_submitted_on  date NOT NULL,
                updated_at          timestamptz NOT NULL DEFAULT now()
            );
            """),
        // Finance marks a batch as sent to the bank (issue #20): when and by whom, once.
        Migration(version: 140, name: "batches_sent", sql: """
            ALTER TABLE batches ADD COLUMN sent_at timestamptz, ADD COLUMN sent_by uuid,
                ADD CONSTRAINT batches_sent_together CHECK ((sent_at IS NULL) = (sent_by IS NULL));
            """),
    ]
}
