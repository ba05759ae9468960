extension Migration {
    /// Invoices, their lines (what each student's place in a session cost when it was billed),
    /// payments, and each organization's last invoice number. A place is on at most one live
    /// invoice at a time: `session_students.invoice_id` says which, and a void gives it back.
    static let m0025Invoices = Migration(
        25, "invoices",
        [
            """
            CREATE TABLE invoices (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                client_id TEXT NOT NULL REFERENCES users (id),
                number_prefix TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number > 0),
                status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'void')),
                currency TEXT NOT NULL,
                total BIGINT NOT NULL CHECK (total >= 0),
                amount_paid BIGINT NOT NULL DEFAULT 0 CHECK (amount_paid >= 0 AND amount_paid <= total),
                note TEXT NOT NULL DEFAULT '',
                issued_on TEXT,
                due_on TEXT,
                created_at BIGINT NOT NULL,
                issued_at BIGINT,
                sent_at BIGINT,
                voided_at BIGINT,
                void_reason TEXT NOT NULL DEFAULT '',
                UNIQUE (organization_id, number)
            )
            """,
            "CREATE INDEX invoices_by_client ON invoices (organization_id, client_id, number)",
            """
            CREATE TABLE invoice_lines (
                invoice_id TEXT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
                session_id TEXT NOT NULL REFERENCES sessions (id),
                student_id TEXT NOT NULL REFERENCES students (id),
                starts_at BIGINT NOT NULL,
                minutes INTEGER NOT NULL,
                student_name TEXT NOT NULL,
                subject_name TEXT NOT NULL,
                tutor_name TEXT NOT NULL,
                rate_per_hour BIGINT NOT NULL,
                amount BIGINT NOT NULL CHECK (amount >= 0),
                PRIMARY KEY (invoice_id, session_id, student_id)
            )
            """,
            "ALTER TABLE session_students ADD COLUMN invoice_id TEXT REFERENCES invoices (id)",
            "CREATE INDEX session_students_by_invoice ON session_students (invoice_id)",
            """
            CREATE TABLE payments (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                invoice_id TEXT NOT NULL REFERENCES invoices (id),
                amount BIGINT NOT NULL CHECK (amount > 0),
                paid_on TEXT NOT NULL,
                method TEXT NOT NULL,
                reference TEXT NOT NULL DEFAULT '',
                recorded_by TEXT NOT NULL REFERENCES users (id),
                recorded_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX payments_by_invoice ON payments (invoice_id)",
            """
            CREATE TABLE invoice_numbers (
                organization_id TEXT PRIMARY KEY REFERENCES organizations (id),
                last_number INTEGER NOT NULL
            )
            """,
            "ALTER TABLE organizations ADD COLUMN invoice_prefix TEXT NOT NULL DEFAULT 'INV-'",
            "ALTER TABLE organizations ADD COLUMN contact_address TEXT",
        ])
}
