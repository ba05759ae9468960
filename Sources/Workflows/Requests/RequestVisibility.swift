import Scheduling

/// Who may see a request: the office always; the tutor their own, unless requests go to the
/// office only; a parent those about their own children.
enum RequestVisibility {
    static func allows(_ caller: Caller, toSee request: SessionRequest, parties: RequestParties) -> Bool {
        switch caller.role {
        case .admin: true
        case .tutor: caller.userID == request.tutorID && parties.organization.settings.requestRouting == .tutorAndAdmins
        case .parent: parties.student.guardianIDs.contains(caller.userID)
        }
    }
}
