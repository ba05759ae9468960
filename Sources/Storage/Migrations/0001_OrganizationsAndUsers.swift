extension Migration {
    /// Tenants with every setting of PRODUCT.md, and the people who log in to them.
    static let m0001OrganizationsAndUsers = Migration(
        1, "organizations and users",
        [
            """
            CREATE TABLE organizations (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                currency TEXT NOT NULL,
                request_notice_hours BIGINT NOT NULL,
                response_window_hours BIGINT NOT NULL,
                response_cutoff TEXT NOT NULL,
                cancellation_mode TEXT NOT NULL,
                cancellation_notice_hours BIGINT NOT NULL,
                cancellation_buffer_hours BIGINT NOT NULL,
                cancellation_warning_buffer_hours BIGINT NOT NULL,
                cancellation_warning_text TEXT NOT NULL,
                declined_reschedule_cancels_original BOOLEAN NOT NULL,
                request_routing TEXT NOT NULL,
                slot_step_minutes BIGINT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                role TEXT NOT NULL CHECK (role IN ('admin', 'tutor', 'parent')),
                name TEXT NOT NULL,
                email TEXT NOT NULL,
                phone TEXT,
                password_hash TEXT,
                can_request_sessions BOOLEAN NOT NULL DEFAULT FALSE,
                created_at BIGINT NOT NULL,
                UNIQUE (organization_id, email)
            )
            """,
            "CREATE INDEX users_by_email ON users (email)",
            "CREATE INDEX users_by_role ON users (organization_id, role, name)",
        ])
}
