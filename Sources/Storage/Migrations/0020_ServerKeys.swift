extension Migration {
    /// Secrets of the installation rather than of a person, shared by every instance: the key that
    /// signs the form tokens of the pages before login.
    static let m0020ServerKeys = Migration(
        20, "server keys",
        [
            """
            CREATE TABLE server_keys (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """
        ])
}
