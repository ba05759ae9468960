extension Migration {
    /// Session requests with the time each holds, their conversations, the audit log, idempotency
    /// keys, and what sessions need for "make session" and cancellation. On PostgreSQL an exclusion
    /// constraint keeps two open requests from holding overlapping times of one tutor.
    static let m0007SessionRequests = Migration(7, "session requests, conversations, audit log, idempotency") { dialect in
        // Audit events are ordered by when they were written; several are written in the same second.
        let sequence =
            dialect == .postgres ? "sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "sequence INTEGER PRIMARY KEY AUTOINCREMENT"
        var statements = [
            "ALTER TABLE sessions ADD COLUMN class_name TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sessions ADD COLUMN room TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sessions ADD COLUMN cancellation_reason TEXT",
            "ALTER TABLE sessions ADD COLUMN cancelled_at BIGINT",
            """
            CREATE TABLE session_requests (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                engagement_id TEXT NOT NULL REFERENCES engagements (id),
                tutor_id TEXT NOT NULL REFERENCES users (id),
                student_id TEXT NOT NULL REFERENCES students (id),
                subject_id TEXT NOT NULL REFERENCES subjects (id),
                parent_id TEXT NOT NULL REFERENCES users (id),
                replaces_session_id TEXT REFERENCES sessions (id),
                state TEXT NOT NULL CHECK (state IN ('pending', 'proposed', 'accepted', 'declined', 'withdrawn', 'expired')),
                requested_start BIGINT NOT NULL,
                requested_end BIGINT NOT NULL,
                proposed_start BIGINT,
                proposed_end BIGINT,
                held_start BIGINT,
                held_end BIGINT,
                parent_replied BOOLEAN NOT NULL,
                respond_by BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                closed_by_name TEXT,
                closed_at BIGINT,
                decline_reason TEXT,
                session_id TEXT REFERENCES sessions (id),
                CHECK ((held_start IS NULL) = (state NOT IN ('pending', 'proposed')))
            )
            """,
            "CREATE INDEX session_requests_held ON session_requests (organization_id, tutor_id, held_start)",
            "CREATE INDEX session_requests_due ON session_requests (respond_by) WHERE held_start IS NOT NULL",
            "CREATE INDEX session_requests_by_state ON session_requests (organization_id, state, created_at)",
            "CREATE INDEX session_requests_by_parent ON session_requests (organization_id, parent_id, created_at)",
            """
            CREATE TABLE request_messages (
                id TEXT PRIMARY KEY,
                request_id TEXT NOT NULL REFERENCES session_requests (id) ON DELETE CASCADE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
                author_name TEXT NOT NULL,
                author_role TEXT NOT NULL,
                event TEXT NOT NULL,
                body TEXT NOT NULL,
                time_start BIGINT,
                time_end BIGINT,
                created_at BIGINT NOT NULL,
                sequence BIGINT NOT NULL,
                UNIQUE (request_id, sequence)
            )
            """,
            """
            CREATE TABLE audit_events (
                \(sequence),
                id TEXT NOT NULL UNIQUE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
                actor_name TEXT NOT NULL,
                actor_role TEXT NOT NULL,
                action TEXT NOT NULL,
                subject_type TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                summary TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX audit_events_by_time ON audit_events (organization_id, created_at)",
            "CREATE INDEX audit_events_by_subject ON audit_events (organization_id, subject_id)",
            """
            CREATE TABLE idempotency_keys (
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                status BIGINT,
                content_type TEXT,
                body TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (user_id, key)
            )
            """,
            "CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)",
        ]
        if dialect == .postgres {
            statements.append(
                """
                ALTER TABLE session_requests ADD CONSTRAINT session_requests_hold_once
                EXCLUDE USING gist (tutor_id WITH =, int8range(held_start, held_end) WITH &&) WHERE (held_start IS NOT NULL)
                """)
        }
        return statements
    }
}
