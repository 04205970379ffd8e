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
    ]
}
