extension Migration {
    /// Background work that must happen exactly once: delivering an outbox message now, and (later)
    /// expiring a request or sending a reminder at a due time. Times are epoch milliseconds, because
    /// retries of a quick local failure are sub-second apart.
    static let m0010Jobs = Migration(
        10, "jobs",
        [
            """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                organization_id TEXT REFERENCES organizations (id),
                kind TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                unique_key TEXT NOT NULL UNIQUE,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'dead')),
                run_at_ms BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                locked_by TEXT,
                locked_until_ms BIGINT,
                last_error TEXT,
                created_at_ms BIGINT NOT NULL,
                finished_at_ms BIGINT
            )
            """,
            "CREATE INDEX jobs_due ON jobs (run_at_ms) WHERE state = 'queued'",
            "CREATE INDEX jobs_leased ON jobs (locked_until_ms) WHERE state = 'running'",
            "CREATE INDEX jobs_dead ON jobs (organization_id, finished_at_ms) WHERE state = 'dead'",
        ])
}
