/// The people and timetable of the demo organization: fixed, so that logins and screenshots are stable.
enum DemoRoster {
    struct Tutor {
        let name: String
        let subjects: [String]
        /// ISO weekday (1 = Monday), start and end as HH:MM.
        let hours: [(Int, String, String)]
    }

    static let organizationName = "Northside Tutoring"
    static let timeZone = "Europe/London"
    static let officeName = "Priya Desai"

    static let subjects = ["Maths", "Physics", "English", "History", "French", "Spanish", "Chemistry", "Biology", "Computer Science"]

    static let tutors = [
        Tutor(name: "Amara Okafor", subjects: ["Maths", "Physics"], hours: weekdays(1...5, "15:00", "20:00") + [(6, "09:00", "13:00")]),
        Tutor(name: "Ben Hughes", subjects: ["English", "History"], hours: [1, 3, 4].map { ($0, "16:00", "21:00") } + [(7, "10:00", "14:00")]),
        Tutor(name: "Chloé Martin", subjects: ["French", "Spanish"], hours: weekdays(1...4, "14:00", "19:00") + [(6, "10:00", "15:00")]),
        Tutor(name: "Daniel Kim", subjects: ["Chemistry", "Biology"], hours: weekdays(2...5, "16:00", "20:30") + [(6, "09:00", "12:00")]),
        Tutor(name: "Ella Shah", subjects: ["Computer Science", "Maths"], hours: weekdays(1...5, "17:00", "21:00") + [(7, "12:00", "17:00")]),
    ]

    /// Each parent and their children.
    static let families: [(parent: String, phone: String, children: [String])] = [
        ("Grace Adeyemi", "+44 7700 900101", ["Tobi Adeyemi", "Kemi Adeyemi"]),
        ("Hannah Brooks", "+44 7700 900102", ["Oliver Brooks", "Isla Brooks"]),
        ("Imran Chaudhry", "+44 7700 900103", ["Zara Chaudhry", "Adam Chaudhry"]),
        ("Julia Fernandes", "+44 7700 900104", ["Leo Fernandes", "Maya Fernandes"]),
        ("Kwame Mensah", "+44 7700 900105", ["Ama Mensah", "Kofi Mensah"]),
        ("Laura Nowak", "+44 7700 900106", ["Filip Nowak", "Zofia Nowak"]),
        ("Mohammed Rahman", "+44 7700 900107", ["Aisha Rahman", "Yusuf Rahman"]),
        ("Niamh O'Brien", "+44 7700 900108", ["Cian O'Brien", "Saoirse O'Brien"]),
        ("Oscar Lindqvist", "+44 7700 900109", ["Freya Lindqvist"]),
        ("Paula Rossi", "+44 7700 900110", ["Luca Rossi"]),
        ("Rachel Goldberg", "+44 7700 900111", ["Noah Goldberg"]),
        ("Sanjay Iyer", "+44 7700 900112", ["Anika Iyer"]),
    ]

    /// Pence per hour, by subject: what families pay and what tutors earn.
    static func rates(for subject: String) -> (client: Int, tutor: Int) {
        switch subject {
        case "Maths", "Physics", "Chemistry", "Computer Science": (5_000, 3_200)
        case "Biology", "English": (4_500, 2_900)
        default: (4_200, 2_700)
        }
    }

    private static func weekdays(_ days: ClosedRange<Int>, _ start: String, _ end: String) -> [(Int, String, String)] {
        days.map { ($0, start, end) }
    }
}
