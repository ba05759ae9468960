public import Scheduling
public import Storage

extension DomainError {
    /// What a refusal by the database means to the person who asked, where no workflow said it
    /// more precisely: a write that lost a race with an identical one. Nil for failures that are
    /// not refusals. The API and the web pages both say this.
    public init?(refusal: StoreError) {
        switch refusal {
        case .uniqueViolation: self = .conflict("That already exists: someone saved the same thing a moment ago. Reload to see it.")
        case .exclusionViolation: self = .conflict("That time was taken a moment ago. Reload to see what is free.")
        case .foreignKeyViolation: self = .conflict("Something this refers to was removed a moment ago. Reload and try again.")
        case .closed: return nil
        }
    }
}
