extension Migration {
    /// A tutor's weekly hours (local wall-clock minutes), date overrides, and time off (UTC instants).
    static let m0003Availability = Migration(
        3, "availability",
        [
            """
            CREATE TABLE weekly_hours (
                tutor_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                weekday BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                start_minute BIGINT NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
                end_minute BIGINT NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
                PRIMARY KEY (tutor_id, weekday, start_minute)
            )
            """,
            """
            CREATE TABLE date_overrides (
                tutor_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                date TEXT NOT NULL,
                PRIMARY KEY (tutor_id, date)
            )
            """,
            """
            CREATE TABLE date_override_hours (
                tutor_id TEXT NOT NULL,
                date TEXT NOT NULL,
                start_minute BIGINT NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
                end_minute BIGINT NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
                PRIMARY KEY (tutor_id, date, start_minute),
                FOREIGN KEY (tutor_id, date) REFERENCES date_overrides (tutor_id, date) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE time_off (
                id TEXT PRIMARY KEY,
                tutor_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                starts_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
                reason TEXT NOT NULL
            )
            """,
            "CREATE INDEX time_off_by_tutor ON time_off (tutor_id, ends_at)",
        ])
}
