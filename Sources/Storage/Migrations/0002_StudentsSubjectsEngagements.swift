extension Migration {
    /// Students and their guardians, subjects, and engagements (tutor + student + subject + client + rates).
    static let m0002StudentsSubjectsEngagements = Migration(
        2, "students, subjects and engagements",
        [
            """
            CREATE TABLE students (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                name TEXT NOT NULL,
                notes TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX students_by_name ON students (organization_id, name)",
            """
            CREATE TABLE student_guardians (
                student_id TEXT NOT NULL REFERENCES students (id) ON DELETE CASCADE,
                guardian_id TEXT NOT NULL REFERENCES users (id),
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                PRIMARY KEY (student_id, guardian_id)
            )
            """,
            "CREATE INDEX student_guardians_by_guardian ON student_guardians (guardian_id)",
            """
            CREATE TABLE subjects (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                name TEXT NOT NULL,
                UNIQUE (organization_id, name)
            )
            """,
            """
            CREATE TABLE engagements (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                tutor_id TEXT NOT NULL REFERENCES users (id),
                student_id TEXT NOT NULL REFERENCES students (id),
                subject_id TEXT NOT NULL REFERENCES subjects (id),
                client_id TEXT NOT NULL REFERENCES users (id),
                client_rate_per_hour BIGINT NOT NULL CHECK (client_rate_per_hour >= 0),
                tutor_pay_rate_per_hour BIGINT NOT NULL CHECK (tutor_pay_rate_per_hour >= 0),
                default_duration_minutes BIGINT NOT NULL CHECK (default_duration_minutes > 0),
                location TEXT NOT NULL,
                session_type TEXT NOT NULL,
                is_active BOOLEAN NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX engagements_by_tutor ON engagements (organization_id, tutor_id)",
            "CREATE INDEX engagements_by_student ON engagements (organization_id, student_id)",
        ])
}
