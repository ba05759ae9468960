extension Migration {
    /// One-time links to choose a new password; like invitations, only a hash of the secret is kept.
    static let m0008PasswordResets = Migration(
        8, "password resets",
        [
            """
            CREATE TABLE password_resets (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            )
            """,
            "CREATE INDEX password_resets_by_user ON password_resets (user_id, created_at)",
        ])
}
