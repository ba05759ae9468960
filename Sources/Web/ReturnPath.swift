import Foundation
import Hummingbird

/// Where the login form sends someone back to: the page they asked for before logging in (such
/// as an email's "Details" link). Only a path on this site is kept, so the form cannot be made to
/// send a person elsewhere after they log in (an open redirect).
enum ReturnPath {
    /// `raw` when it is a path of this site: it starts with one `/`, and holds no backslash (which
    /// browsers read as `/`, making `/\evil.example` another site) and no white space or control
    /// character (which browsers drop, making `/\t/evil.example` read `//evil.example`).
    static func checked(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), raw.utf8.count <= 2000, !raw.hasPrefix("/login"),
            !raw.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        else { return nil }
        return raw
    }

    /// The login page, coming back to `request`'s page afterwards when it was a page being read.
    /// A form sent after the session ended cannot be sent again for the person: they log in and
    /// start from the dashboard.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")

    static func logInFirst(_ request: Request) -> Response {
        guard request.method == .get, let path = checked(request.uri.description), path != "/" else { return .redirect(to: "/login") }
        return .redirect(to: "/login?next=\(path.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")")
    }
}
