extension DB {
    /// Serialises every change to one tutor's schedule. On PostgreSQL it locks the tutor's row until
    /// the transaction ends, so two instances cannot both see a time free and both take it; on
    /// SQLite the single writer in `BEGIN IMMEDIATE` already serialises all writes.
    public func lockSchedule(ofTutor tutorID: String) async throws {
        guard dialect == .postgres else { return }
        try await sql.raw("SELECT id FROM users WHERE id = \(bind: tutorID) FOR UPDATE").run()
    }
}
