import Foundation
import Testing

@testable import Scheduling

/// Every state × move × actor, against PRODUCT.md's table written out independently below.
@Suite struct RequestLifecycleTests {
    enum Actor: String, CaseIterable, CustomStringConvertible {
        case familyWithRequests, familyWithoutRequests, otherParent, tutorOfRequest, otherTutor, office, system
        var description: String { rawValue }
    }

    static let now = instant("2026-03-23T10:00:00Z")
    static let slot = TimeRange(start: instant("2026-03-27T10:00:00Z"), minutes: 60)
    static let otherSlot = TimeRange(start: instant("2026-03-27T14:00:00Z"), minutes: 60)

    static func organization(_ routing: RequestRouting) -> Organization {
        var organization = Organization(id: "org", name: "Northside", timeZone: zone("Europe/London"), currency: "GBP")
        organization.settings.requestRouting = routing
        return organization
    }

    static func caller(_ actor: Actor) -> Mover {
        func person(_ id: String, _ role: Role, _ name: String, canRequest: Bool = false) -> Mover {
            .person(
                Caller(user: User(id: id, organizationID: "org", role: role, name: name, email: "\(id)@x.example", canRequestSessions: canRequest)))
        }
        switch actor {
        case .familyWithRequests: return person("mum", .parent, "Mum", canRequest: true)
        case .familyWithoutRequests: return person("dad", .parent, "Dad")
        case .otherParent: return person("neighbour", .parent, "Neighbour", canRequest: true)
        case .tutorOfRequest: return person("shah", .tutor, "Ms Shah")
        case .otherTutor: return person("jones", .tutor, "Mr Jones")
        case .office: return person("office", .admin, "Office")
        case .system: return .system
        }
    }

    static func request(in state: RequestState, overdue: Bool) -> SessionRequest {
        var request = SessionRequest(
            id: "r", organizationID: "org", engagementID: "e", tutorID: "shah", studentID: "s", subjectID: "maths", parentID: "mum",
            replacesSessionID: nil, createdAt: now.addingTimeInterval(-3600), state: state, requestedTime: slot,
            proposedTime: state == .proposed ? otherSlot : nil, respondBy: now.addingTimeInterval(overdue ? -60 : 3600), updatedAt: now)
        if !state.isOpen {
            request.closedAt = instant("2026-03-20T09:00:00Z")
            request.closedByName = state == .expired ? nil : "Ms Shah"
        }
        return request
    }

    static let moves: [RequestMove] = [
        .accept(SessionDetails(location: "Room 1", sessionType: "In person")), .decline(reason: "Away"),
        .propose(time: otherSlot, note: "How about 2pm?"), .acceptProposal, .reply(message: "Could we do 3pm?", time: nil), .declineProposal,
        .withdraw, .expire,
    ]

    /// The table, written out: the state a legal move leads to, and who may make it.
    enum Outcome: Equatable {
        case success(RequestState)
        case failure(DomainError.Kind)
    }

    static func expected(_ move: RequestMove, from state: RequestState, by actor: Actor, routing: RequestRouting, overdue: Bool) -> Outcome {
        guard state.isOpen else { return .failure(.conflict) }
        let target: RequestState?
        switch (move, state) {
        case (.accept, .pending): target = .accepted
        case (.decline, .pending): target = .declined
        case (.propose, .pending): target = .proposed
        case (.acceptProposal, .proposed): target = .accepted
        case (.reply, .proposed): target = .pending
        case (.declineProposal, .proposed): target = .withdrawn
        case (.withdraw, _): target = .withdrawn
        case (.expire, _): target = .expired
        default: target = nil
        }
        if case .expire = move {
            guard overdue else { return .failure(.conflict) }
            return actor == .system ? .success(.expired) : .failure(.forbidden)
        }
        if overdue { return .failure(.conflict) }
        guard let target else { return .failure(.conflict) }
        switch move {
        case .accept, .decline, .propose:
            switch actor {
            case .office: return .success(target)
            case .tutorOfRequest: return routing == .tutorAndAdmins ? .success(target) : .failure(.forbidden)
            case .otherTutor, .otherParent: return .failure(actor == .otherTutor ? .notFound : .forbidden)
            default: return .failure(.forbidden)
            }
        default:
            switch actor {
            case .familyWithRequests: return .success(target)
            case .otherParent: return .failure(.notFound)
            default: return .failure(.forbidden)
            }
        }
    }

    @Test(arguments: RequestState.allCases)
    func everyMoveByEveryActor(_ state: RequestState) {
        var checked = 0
        for routing in RequestRouting.allCases {
            let context = RequestLifecycle.Context(organization: Self.organization(routing), now: Self.now, guardianIDs: ["mum", "dad"])
            for overdue in [false, true] {
                for move in Self.moves {
                    for actor in Actor.allCases {
                        let expected = Self.expected(move, from: state, by: actor, routing: routing, overdue: overdue)
                        let outcome: Outcome
                        do throws(DomainError) {
                            outcome = .success(
                                try RequestLifecycle.apply(move, to: Self.request(in: state, overdue: overdue), by: Self.caller(actor), in: context)
                                    .state)
                        } catch {
                            outcome = .failure(error.kind)
                        }
                        #expect(outcome == expected, "\(state) \(move.name) by \(actor), \(routing), overdue \(overdue)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 2 * 2 * 8 * 7)
    }

    @Test func refusalsReadLikeSentences() {
        let context = RequestLifecycle.Context(organization: Self.organization(.tutorAndAdmins), now: Self.now, guardianIDs: ["mum"])
        func message(_ state: RequestState, _ move: RequestMove, _ actor: Actor) -> String? {
            do throws(DomainError) {
                _ = try RequestLifecycle.apply(move, to: Self.request(in: state, overdue: false), by: Self.caller(actor), in: context)
                return nil
            } catch { return error.message }
        }
        #expect(message(.declined, .withdraw, .familyWithRequests) == "This request was already declined by Ms Shah on Fri 20 Mar 2026.")
        #expect(
            message(.expired, .accept(SessionDetails(location: "x", sessionType: "y")), .office)
                == "This request expired on Fri 20 Mar 2026: nobody answered in time.")
        #expect(
            message(.pending, .acceptProposal, .familyWithRequests) == "There is no proposed time to answer: the request is waiting for the tutor.")
        #expect(
            message(.proposed, .decline(reason: "no"), .office)
                == "Another time (Fri 27 Mar 14:00 GMT) was already proposed; the family's answer is awaited.")
        #expect(message(.pending, .decline(reason: "  "), .office) == "Declining needs a reason; the family will read it.")
        #expect(message(.pending, .propose(time: Self.otherSlot, note: ""), .tutorOfRequest) == "Proposing another time needs a note for the family.")
        #expect(message(.proposed, .reply(message: " ", time: nil), .familyWithRequests) == "A reply needs a message, another time, or both.")
        #expect(
            message(.pending, .accept(SessionDetails(location: "x", sessionType: "y")), .familyWithRequests)
                == "Only the tutor or the office can accept a request.")
    }

    @Test func movesRecordWhoClosedAndWhatIsHeld() throws {
        let context = RequestLifecycle.Context(organization: Self.organization(.tutorAndAdmins), now: Self.now, guardianIDs: ["mum"])
        let pending = Self.request(in: .pending, overdue: false)
        #expect(pending.heldTime == Self.slot)
        let proposed = try RequestLifecycle.apply(
            .propose(time: Self.otherSlot, note: "2pm?"), to: pending, by: Self.caller(.tutorOfRequest), in: context)
        #expect(proposed.heldTime == Self.otherSlot)
        #expect(proposed.awaitsFamily && !proposed.awaitsTutor)
        let replied = try RequestLifecycle.apply(
            .reply(message: "4pm?", time: Self.slot), to: proposed, by: Self.caller(.familyWithRequests), in: context)
        #expect(replied.state == .pending && replied.parentReplied && replied.heldTime == Self.slot)
        #expect(replied.proposedTime == nil, "the family answered the proposal: the tutor's page no longer shows it")
        let declined = try RequestLifecycle.apply(.decline(reason: " Fully booked "), to: replied, by: Self.caller(.office), in: context)
        #expect(declined.declineReason == "Fully booked")
        #expect(declined.closedByName == "Office" && declined.closedAt == Self.now)
        #expect(declined.heldTime == nil)
    }
}
