/// Who makes a move: a person, or the system (deadlines).
public enum Mover: Hashable, Sendable {
    case person(Caller)
    case system

    public var caller: Caller? {
        if case .person(let caller) = self { return caller }
        return nil
    }
}
