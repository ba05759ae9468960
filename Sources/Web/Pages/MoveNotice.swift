import Scheduling

/// What a page says right after the caller's own move: what they did and who has been told, in
/// place of describing the new state as if someone else had done it ("already withdrawn").
/// The move's form redirects with `?done=<move>`; the page shows the notice only when the record
/// agrees (a request's last line is the caller's move; a session is in the state the step leaves),
/// so a copied or reloaded address does not claim a move that did not happen.
struct MoveNotice {
    let caller: Caller
    let routing: RequestRouting
    /// The family as the notice names them: the guardians' names, or "the family".
    let family: [String]
    let tutor: String

    /// "You withdrew the request; Ms Okafor and the office have been told."
    func sentence(_ did: String, event: LifecycleEvent) -> String {
        let audiences = event.audiences(routing: routing)
        var names: [String] = []
        if audiences.contains(.family) && caller.role != .parent { names += family }
        if audiences.contains(.tutor) && caller.role != .tutor { names.append(tutor) }
        if audiences.contains(.office) && caller.role != .admin { names.append("the office") }
        guard let last = names.last else { return "\(did)." }
        let list = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
        let plural = names.count > 1
        return "\(did); \(list) \(plural ? "have" : "has") been told."
    }
}
