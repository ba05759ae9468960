extension Migration {
    /// Messages written in the same transaction as the change that causes them, delivered later.
    static let m0006Outbox = Migration(
        6, "outbox",
        [
            """
            CREATE TABLE outbox_messages (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                recipient_id TEXT REFERENCES users (id) ON DELETE SET NULL,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
                address TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                sent_at BIGINT
            )
            """,
            "CREATE INDEX outbox_messages_unsent ON outbox_messages (sent_at, created_at)",
            "CREATE INDEX outbox_messages_by_recipient ON outbox_messages (recipient_id, created_at)",
        ])
}
