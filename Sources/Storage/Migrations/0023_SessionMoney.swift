extension Migration {
    /// Each student's place in a session carries its engagement, its client and the rates copied
    /// when it was booked (existing places take their engagement's rates of today), found by client; the
    /// organization's time format and late-cancellation policy.
    static let m0023SessionMoney = Migration(
        23, "session money",
        [
            "ALTER TABLE session_students ADD COLUMN engagement_id TEXT REFERENCES engagements (id)",
            "ALTER TABLE session_students ADD COLUMN client_id TEXT REFERENCES users (id)",
            "ALTER TABLE session_students ADD COLUMN client_rate_per_hour BIGINT NOT NULL DEFAULT 0 CHECK (client_rate_per_hour >= 0)",
            "ALTER TABLE session_students ADD COLUMN tutor_pay_rate_per_hour BIGINT NOT NULL DEFAULT 0 CHECK (tutor_pay_rate_per_hour >= 0)",
            "CREATE INDEX session_students_by_client ON session_students (client_id)",
            """
            UPDATE session_students SET engagement_id = (
                SELECT e.id FROM sessions s JOIN engagements e ON e.id = s.engagement_id
                WHERE s.id = session_students.session_id AND e.student_id = session_students.student_id)
            """,
            """
            UPDATE session_students SET
                client_id = (SELECT e.client_id FROM engagements e WHERE e.id = session_students.engagement_id),
                client_rate_per_hour = COALESCE((SELECT e.client_rate_per_hour FROM engagements e WHERE e.id = session_students.engagement_id), 0),
                tutor_pay_rate_per_hour = COALESCE(
                    (SELECT e.tutor_pay_rate_per_hour FROM engagements e WHERE e.id = session_students.engagement_id), 0)
            """,
            "ALTER TABLE organizations ADD COLUMN time_format TEXT NOT NULL DEFAULT '24h' CHECK (time_format IN ('24h', '12h'))",
            "ALTER TABLE organizations ADD COLUMN late_cancellation_billed BOOLEAN NOT NULL DEFAULT TRUE",
            "ALTER TABLE organizations ADD COLUMN late_cancellation_paid BOOLEAN NOT NULL DEFAULT TRUE",
        ])
}
