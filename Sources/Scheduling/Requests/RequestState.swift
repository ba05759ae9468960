/// Where a session request stands (PRODUCT.md "The session request"), with its calendar colour.
public enum RequestState: String, CaseIterable, Hashable, Sendable, Codable {
    /// Waiting for the tutor or office (light blue; striped when the parent replied).
    case pending
    /// The tutor offered another time; waiting for the parent (lilac).
    case proposed
    /// A session exists at the agreed time.
    case accepted
    /// The tutor or office said no, with a reason.
    case declined
    /// The parent took it back, or turned down the proposed time.
    case withdrawn
    /// Nobody answered by the deadline; declined automatically.
    case expired

    /// Open requests hold their time: nobody else is offered it.
    public var isOpen: Bool { self == .pending || self == .proposed }
}
