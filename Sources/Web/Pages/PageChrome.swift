import Scheduling
import Workflows

/// What the header of every signed-in page shows: who you are and what waits for you.
struct PageChrome {
    let title: String
    let signedIn: Bool
    let organization: String
    let name: String
    let role: String
    let needsActionLabel: String
    /// Where what waits is listed: the office's Needs action page, everyone else's dashboard.
    let needsActionLink: String
    let csrf: String
    /// The pages this person can open from the header.
    let links: [Link]

    struct Link {
        let href: String
        let label: String
    }

    static func signedIn(title: String, caller: Caller, organization: Organization, waiting: Waiting, csrf: String) -> PageChrome {
        PageChrome(
            title: title, signedIn: true, organization: organization.name, name: caller.name, role: caller.role.wording,
            needsActionLabel: waiting.sentence, needsActionLink: caller.role == .admin ? "/office/requests" : "/", csrf: csrf,
            links: links(for: caller))
    }

    private static func links(for caller: Caller) -> [Link] {
        var links = [
            Link(href: "/", label: "Dashboard"), Link(href: WebPath.calendar, label: "Calendar"), Link(href: WebPath.sessions, label: "Sessions"),
        ]
        if caller.role == .parent && caller.canRequestSessions { links.append(Link(href: WebPath.request("new"), label: "Request a session")) }
        if caller.role != .parent {
            links += [
                Link(href: WebPath.session("new"), label: "Log session"), Link(href: "/availability", label: "Availability"),
                Link(href: "/earnings", label: "Earnings"),
            ]
        }
        if caller.role == .parent { links.append(Link(href: WebPath.billing, label: "Billing")) }
        links.append(Link(href: "/messages", label: "Messages"))
        if caller.role == .admin {
            links += [
                Link(href: WebPath.invoices, label: "Invoices"),
                Link(href: "/office/requests", label: "Needs action"),
                Link(href: "/people", label: "People"),
                Link(href: "/audit", label: "Audit log"),
                Link(href: "/settings", label: "Settings"),
            ]
        }
        return links
    }

    static func signedOut(title: String, csrf: String) -> PageChrome {
        PageChrome(
            title: title, signedIn: false, organization: "", name: "", role: "", needsActionLabel: "", needsActionLink: "/", csrf: csrf, links: [])
    }
}

extension Role {
    /// How the product names the role to people.
    var wording: String {
        switch self {
        case .admin: "Office"
        case .tutor: "Tutor"
        case .parent: "Parent"
        }
    }
}

extension Session {
    /// The calendar colour: confirmed plain, completed green, cancelled struck through, red once a
    /// family asked to cancel.
    var colour: String {
        switch status {
        case .scheduled: cancellationRequest == nil ? "session" : "cancellation-requested"
        case .completed: "completed"
        case .cancelled, .lateCancelled: "cancelled"
        }
    }
}

extension SessionStatus {
    /// How a page names the status: "Completed", "Late cancellation".
    var label: String {
        switch self {
        case .scheduled: "Confirmed"
        case .completed: "Completed"
        case .cancelled: "Cancelled"
        case .lateCancelled: "Late cancellation"
        }
    }
}
