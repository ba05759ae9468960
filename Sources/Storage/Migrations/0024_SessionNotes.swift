extension Migration {
    /// What is written about a session afterwards: rating, report (and when it was sent), internal
    /// note, private notes.
    static let m0024SessionNotes = Migration(
        24, "session notes",
        [
            "ALTER TABLE sessions ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5)",
            "ALTER TABLE sessions ADD COLUMN report TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sessions ADD COLUMN report_sent_at BIGINT",
            "ALTER TABLE sessions ADD COLUMN internal_note TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sessions ADD COLUMN private_notes TEXT NOT NULL DEFAULT ''",
        ])
}
