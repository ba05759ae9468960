public import Scheduling

extension DomainError.Kind {
    /// The HTTP status every transport (the JSON API, the web pages) answers a refusal with.
    public var httpStatus: Int {
        switch self {
        case .malformed: 400
        case .invalid: 422
        case .notFound: 404
        case .forbidden: 403
        case .conflict: 409
        case .unauthenticated: 401
        case .rateLimited: 429
        }
    }
}
