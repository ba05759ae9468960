extension Migration {
    /// Calendar feed addresses are stored as the hash of their token, like every other secret: the
    /// address is shown once, when it is made. Addresses made before this stop working and are made
    /// again from the calendar page.
    static let m0021CalendarFeedHashes = Migration(
        21, "calendar feed hashes",
        [
            "DROP TABLE calendar_feeds",
            """
            CREATE TABLE calendar_feeds (
                user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                token_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL
            )
            """,
        ])
}
