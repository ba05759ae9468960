extension Migration {
    /// What one family may hold of a tutor's time by requests: open requests per engagement (an
    /// organization setting) and the longest session a family may ask for (per engagement; its
    /// usual length when not set).
    static let m0019RequestLimits = Migration(
        19, "request limits",
        [
            "ALTER TABLE organizations ADD COLUMN open_requests_per_engagement BIGINT NOT NULL DEFAULT 5",
            "ALTER TABLE engagements ADD COLUMN longest_request_minutes BIGINT",
        ])
}
