extension Migration {
    /// Invitations with an iCalendar attachment: the attachment is stored with its message (it says
    /// what was true when the message was written), and each calendar event's SEQUENCE is counted.
    static let m0011CalendarInvites = Migration(
        11, "calendar invites",
        [
            "ALTER TABLE outbox_messages ADD COLUMN attachment_type TEXT",
            "ALTER TABLE outbox_messages ADD COLUMN attachment_name TEXT",
            "ALTER TABLE outbox_messages ADD COLUMN attachment_text TEXT",
            """
            CREATE TABLE calendar_sequences (
                uid TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                sequence INTEGER NOT NULL
            )
            """,
        ])
}
