extension Migration {
    /// Login sessions and API tokens (stored as SHA-256 hashes), login attempts for throttling,
    /// and one-time invitations.
    static let m0005AccessTokensAndInvitations = Migration(
        5, "access tokens, login attempts and invitations",
        [
            """
            CREATE TABLE access_tokens (
                token_hash TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                kind TEXT NOT NULL CHECK (kind IN ('api', 'web')),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX access_tokens_by_user ON access_tokens (user_id)",
            """
            CREATE TABLE login_attempts (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL,
                remote_address TEXT NOT NULL,
                attempted_at BIGINT NOT NULL,
                succeeded BOOLEAN NOT NULL
            )
            """,
            "CREATE INDEX login_attempts_by_email ON login_attempts (email, attempted_at)",
            "CREATE INDEX login_attempts_by_address ON login_attempts (remote_address, attempted_at)",
            """
            CREATE TABLE invitations (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                invited_by TEXT NOT NULL REFERENCES users (id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                accepted_at BIGINT
            )
            """,
            "CREATE INDEX invitations_by_user ON invitations (user_id)",
        ])
}
