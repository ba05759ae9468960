public import Scheduling

extension DB {
    /// Serialises every change to one tutor's schedule. On PostgreSQL it locks the tutor's row until
    /// the transaction ends, so two instances cannot both see a time free and both take it; on
    /// SQLite the single writer in `BEGIN IMMEDIATE` already serialises all writes.
    public func lockSchedule(ofTutor tutorID: String) async throws {
        guard dialect == .postgres else { return }
        try await sql.raw("SELECT id FROM users WHERE id = \(bind: tutorID) FOR UPDATE").run()
    }
}

extension DB {
    /// The request a move is about to change, its tutor's schedule locked first (as every change to
    /// a schedule does) and then its own row. On SQLite the writer's transaction already holds
    /// everything, so one read does.
    public func requestLockingSchedule(id: String, organizationID: String) async throws -> SessionRequest? {
        guard dialect == .postgres else { return try await request(id: id, organizationID: organizationID) }
        // A request's tutor never changes, so it can be read without a lock to find whose schedule to lock.
        try await sql.raw(
            """
            SELECT id FROM users WHERE id = (
                SELECT tutor_id FROM session_requests WHERE id = \(bind: id) AND organization_id = \(bind: organizationID))
            FOR UPDATE
            """
        ).run()
        return try await request(id: id, organizationID: organizationID, lock: true)
    }
}
