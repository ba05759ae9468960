extension Migration {
    /// Tutors' weekly hours, date overrides and time off join the directory (see migration 16): a
    /// request's check then reuses the tutor's availability while the stamp holds. An override's
    /// hours carry no organization; theirs is the override's.
    static let m0017AvailabilityStampsDirectory = Migration(17, "availability stamps the directory") { dialect in
        let tables = ["weekly_hours", "date_overrides", "time_off"]
        func overrideOrganization(_ row: String) -> String {
            "(SELECT organization_id FROM date_overrides o WHERE o.tutor_id = \(row).tutor_id AND o.date = \(row).date)"
        }
        var statements: [String] = []
        switch dialect {
        case .sqlite:
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                for table in tables {
                    statements.append(
                        """
                        CREATE TRIGGER \(table)_\(event.lowercased())_stamps_directory AFTER \(event) ON \(table)
                        BEGIN UPDATE organizations SET directory_stamp = random() WHERE id = \(row).organization_id; END
                        """)
                }
                statements.append(
                    """
                    CREATE TRIGGER date_override_hours_\(event.lowercased())_stamps_directory AFTER \(event) ON date_override_hours
                    BEGIN UPDATE organizations SET directory_stamp = random() WHERE id = \(overrideOrganization(row)); END
                    """)
            }
        case .postgres:
            for table in tables {
                statements.append(
                    "CREATE TRIGGER \(table)_stamps_directory AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION stamp_directory()"
                )
            }
            statements += [
                """
                CREATE FUNCTION stamp_directory_of_override() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        UPDATE organizations SET directory_stamp = nextval('directory_stamps')
                        WHERE id = \(overrideOrganization("OLD"));
                    ELSE
                        UPDATE organizations SET directory_stamp = nextval('directory_stamps')
                        WHERE id = \(overrideOrganization("NEW"));
                    END IF;
                    RETURN NULL;
                END
                $$
                """,
                """
                CREATE TRIGGER date_override_hours_stamps_directory AFTER INSERT OR UPDATE OR DELETE ON date_override_hours
                FOR EACH ROW EXECUTE FUNCTION stamp_directory_of_override()
                """,
            ]
        }
        return statements
    }
}
