extension Migration {
    /// How families reach the office: named in refusals only the office can help with.
    static let m0022OfficeContact = Migration(
        22, "office contact",
        [
            "ALTER TABLE organizations ADD COLUMN contact_email TEXT",
            "ALTER TABLE organizations ADD COLUMN contact_phone TEXT",
        ])
}
