extension Migration {
    /// `request` cancellation mode: a family's request that the office cancel a session.
    static let m0009CancellationRequests = Migration(
        9, "cancellation requests",
        [
            "ALTER TABLE sessions ADD COLUMN cancellation_requested_at BIGINT",
            "ALTER TABLE sessions ADD COLUMN cancellation_requested_by TEXT REFERENCES users (id) ON DELETE SET NULL",
            "ALTER TABLE sessions ADD COLUMN cancellation_requested_by_name TEXT",
            "ALTER TABLE sessions ADD COLUMN cancellation_request_comment TEXT",
        ])
}
