/// "Forgot your password?": asking for a link, and choosing a new password from it.
struct PasswordResetPage {
    let chrome: PageChrome
    /// The link's secret, on the second step.
    let token: String?
    let email: String
    /// Shown once a link was asked for, whether or not the account exists.
    let sent: Bool
    let error: String?
    /// The new-password form is shown (the link can still be used).
    let usable: Bool
    let holder: String?
}
