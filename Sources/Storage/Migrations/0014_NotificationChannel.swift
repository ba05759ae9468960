extension Migration {
    /// How each person wants to be told: email (everyone has one: it is the login) or a text message.
    static let m0014NotificationChannel = Migration(
        14, "notification channel",
        [
            "ALTER TABLE users ADD COLUMN notify_by TEXT NOT NULL DEFAULT 'email' CHECK (notify_by IN ('email', 'sms'))"
        ])
}
