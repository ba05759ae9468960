extension Migration {
    /// Each person's private calendar feed address. The token is kept as it is (not hashed) because
    /// the app shows the address again whenever asked; it reads one calendar and is replaced on reset.
    static let m0012CalendarFeeds = Migration(
        12, "calendar feeds",
        [
            """
            CREATE TABLE calendar_feeds (
                user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                token TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL
            )
            """
        ])
}
