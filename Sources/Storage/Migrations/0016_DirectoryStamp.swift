extension Migration {
    /// A value on each organization that changes whenever its people, students, families, subjects,
    /// engagements or message wording change, so that what was read of them can be reused while it
    /// stays the same (see `DB.stampedOrganization`). Triggers set it, so no write can forget to;
    /// the value is new each time (random on SQLite, a sequence on PostgreSQL) rather than counted,
    /// because a counter would come back to a value already seen after a rollback.
    static let m0016DirectoryStamp = Migration(16, "directory stamp") { dialect in
        let tables = ["users", "students", "student_guardians", "subjects", "engagements", "message_templates"]
        var statements = ["ALTER TABLE organizations ADD COLUMN directory_stamp BIGINT NOT NULL DEFAULT 0"]
        switch dialect {
        case .sqlite:
            for table in tables {
                for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                    statements.append(
                        """
                        CREATE TRIGGER \(table)_\(event.lowercased())_stamps_directory AFTER \(event) ON \(table)
                        BEGIN UPDATE organizations SET directory_stamp = random() WHERE id = \(row).organization_id; END
                        """)
                }
            }
        case .postgres:
            statements += [
                "CREATE SEQUENCE directory_stamps",
                """
                CREATE FUNCTION stamp_directory() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        UPDATE organizations SET directory_stamp = nextval('directory_stamps') WHERE id = OLD.organization_id;
                    ELSE
                        UPDATE organizations SET directory_stamp = nextval('directory_stamps') WHERE id = NEW.organization_id;
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
            ]
            for table in tables {
                statements.append(
                    "CREATE TRIGGER \(table)_stamps_directory AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION stamp_directory()"
                )
            }
        }
        return statements
    }
}
