extension Migration {
    /// An organization's own wording of a kind of message; no row means the standard wording.
    static let m0015MessageTemplates = Migration(
        15, "message templates",
        [
            """
            CREATE TABLE message_templates (
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                text TEXT,
                updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (organization_id, kind)
            )
            """
        ])
}
