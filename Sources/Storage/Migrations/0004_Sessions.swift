extension Migration {
    /// Sessions and their students. On PostgreSQL an exclusion constraint makes a double-booked
    /// tutor impossible even if application code were wrong.
    static let m0004Sessions = Migration(4, "sessions") { dialect in
        var statements = [
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                tutor_id TEXT NOT NULL REFERENCES users (id),
                subject_id TEXT NOT NULL REFERENCES subjects (id),
                engagement_id TEXT REFERENCES engagements (id),
                starts_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
                status TEXT NOT NULL CHECK (status IN ('scheduled', 'completed', 'cancelled', 'late_cancelled')),
                location TEXT NOT NULL,
                session_type TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX sessions_by_tutor ON sessions (organization_id, tutor_id, starts_at)",
            "CREATE INDEX sessions_by_organization ON sessions (organization_id, starts_at)",
            """
            CREATE TABLE session_students (
                session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                student_id TEXT NOT NULL REFERENCES students (id),
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                PRIMARY KEY (session_id, student_id)
            )
            """,
            "CREATE INDEX session_students_by_student ON session_students (student_id)",
        ]
        if dialect == .postgres {
            statements += [
                "CREATE EXTENSION IF NOT EXISTS btree_gist",
                """
                ALTER TABLE sessions ADD CONSTRAINT sessions_tutor_not_double_booked
                EXCLUDE USING gist (tutor_id WITH =, int8range(starts_at, ends_at) WITH &&)
                WHERE (status IN ('scheduled', 'completed'))
                """,
            ]
        }
        return statements
    }
}
