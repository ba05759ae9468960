/// The web app's addresses that anything besides the page itself names: links in messages, links
/// between pages, redirects, cookie paths, and the routes. Each is written once here, so a link
/// and the page it leads to cannot drift apart.
public enum WebPath {
    public static let requests = "/requests"
    public static let sessions = "/sessions"
    public static let actionLinks = "/a"
    public static let invitations = "/invitations"
    public static let passwordReset = "/password-reset"
    public static let calendar = "/calendar"
    public static let calendarFeed = "/calendar/feed"
    public static let invoices = "/invoices"
    public static let billing = "/billing"

    public static func request(_ id: String) -> String { "\(requests)/\(id)" }
    public static func session(_ id: String) -> String { "\(sessions)/\(id)" }
    public static func invoice(_ id: String) -> String { "\(invoices)/\(id)" }
    public static func actionLink(_ token: String) -> String { "\(actionLinks)/\(token)" }
    public static func invitation(_ token: String) -> String { "\(invitations)/\(token)" }
    public static func passwordReset(_ token: String) -> String { "\(passwordReset)/\(token)" }
    public static func calendarFeed(_ token: String) -> String { "\(calendarFeed)/\(token).ics" }
}

extension Dependencies {
    /// `path` as people reach it from a message: `https://desk.example.org/requests/…`.
    public func url(_ path: String) -> String { publicBaseURL + path }
}
