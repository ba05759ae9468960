extension Migration {
    /// Links in emails that answer a request without logging in: each bound to one person, one
    /// request and one action, stored only as a hash, usable once, until the request's deadline.
    static let m0013ActionLinks = Migration(
        13, "action links",
        [
            """
            CREATE TABLE action_links (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                request_id TEXT NOT NULL REFERENCES session_requests (id),
                action TEXT NOT NULL CHECK (action IN ('accept', 'decline', 'accept_proposal', 'decline_proposal')),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            )
            """
        ])
}
