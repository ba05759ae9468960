/// The login form, with the email kept and the refusal shown after a failed attempt.
struct LoginPage {
    let chrome: PageChrome
    let email: String
    /// The page asked for before logging in, where a successful login leads.
    let next: String?
    let error: String?
}
