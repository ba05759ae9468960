/// Setting a password from an invitation link; a used or expired link says so and offers login.
struct InvitationPage {
    let chrome: PageChrome
    let token: String
    /// The invited person's name, when the link is still good.
    let invitee: String?
    let error: String?
    /// Whether the form is shown (the link has not been used and has not expired).
    let usable: Bool
}
