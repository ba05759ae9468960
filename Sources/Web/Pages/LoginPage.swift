/// The login form, with the email kept and the refusal shown after a failed attempt.
struct LoginPage {
    let chrome: PageChrome
    let email: String
    let error: String?
}
