import Postgres

/// The portal's own schema: sign-in attempts and sessions. It owns no programme data.
/// Nothing is deleted: an ended session keeps its row with why and when it ended.
public enum PortalMigrations {
    public static let all: [Migration] = [
        Migration(version: 100, name: "sign_in_and_sessions", sql: """
            CREATE TABLE sign_in_attempts (
                state_hash     bytea PRIMARY KEY,
                nonce          text NOT NULL,
                code_verifier  text NOT NULL,
                language       text NOT NULL CHECK (language IN ('lv', 'en')),
                created_at     timestamptz NOT NULL DEFAULT now(),
                used_at        timestamptz
            );
            CREATE TABLE sessions (
                id               uuid PRIMARY KEY,
                token_hash       bytea NOT NULL UNIQUE,
                person_id        uuid NOT NULL,
                assignment_id    uuid,
                language         text NOT NULL CHECK (language IN ('lv', 'en')),
                form_token       text NOT NULL,
                id_token         text,
                created_at       timestamptz NOT NULL DEFAULT now(),
                last_seen_at     timestamptz NOT NULL DEFAULT now(),
                ended_at         timestamptz,
                end_reason       text CHECK (end_reason IN ('sign_out', 'sign_out_everywhere', 'idle', 'absolute', 'no_roles'))
            );
            CREATE INDEX sessions_open_by_person ON sessions (person_id) WHERE ended_at IS NULL;
            """),
        // Where to go after signing in (a link from an email to a plan's page).
        Migration(version: 101, name: "sign_in_return_to", sql: """
            ALTER TABLE sign_in_attempts ADD COLUMN return_to text;
            """),
    ]
}
