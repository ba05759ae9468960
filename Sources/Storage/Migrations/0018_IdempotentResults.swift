extension Migration {
    /// Idempotency keys are now claimed and answered inside the move's own transaction, and keep the
    /// move's result rather than an HTTP response. Keys live a day; those of the old shape are dropped.
    static let m0018IdempotentResults = Migration(
        18, "idempotent results",
        [
            "DROP TABLE idempotency_keys",
            """
            CREATE TABLE idempotency_keys (
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                result TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (user_id, key)
            )
            """,
            "CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)",
        ])
}
