import Scheduling
import Workflows

/// The names a page puts next to ids, read once per page through what the caller may see.
struct PeopleNames {
    let students: [String: String]
    let subjects: [String: String]
    let tutors: [String: String]

    static func load(for caller: Caller, directory: Directory) async throws -> PeopleNames {
        PeopleNames(
            students: Dictionary(uniqueKeysWithValues: try await directory.students(for: caller).map { ($0.id, $0.name) }),
            subjects: Dictionary(uniqueKeysWithValues: try await directory.subjects(for: caller).map { ($0.id, $0.name) }),
            tutors: Dictionary(uniqueKeysWithValues: try await directory.tutors(for: caller).map { ($0.id, $0.name) }))
    }

    /// "Maths · Tobi Adeyemi with Amara Okafor": a session or request as one line of a list.
    func line(subjectID: String, studentIDs: [String], tutorID: String) -> String {
        "\(subjects[subjectID] ?? "Session") · \(studentIDs.compactMap { students[$0] }.joined(separator: ", ")) with \(tutors[tutorID] ?? "a tutor")"
    }

    /// "Maths with Amara Okafor for Tobi Adeyemi"
    func engagement(_ engagement: Engagement) -> String {
        "\(subjects[engagement.subjectID] ?? "A subject") with \(tutors[engagement.tutorID] ?? "a tutor") for \(students[engagement.studentID] ?? "a student")"
    }
}
