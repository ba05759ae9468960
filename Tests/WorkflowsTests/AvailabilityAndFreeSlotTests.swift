import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct AvailabilityEditingTests {
    @Test(arguments: TestDatabase.available)
    func tutorsEditTheirOwnHoursOnly(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let editing = AvailabilityEditing(dependencies)
            let tutor = org.tutors[0]
            let week = Availability(
                weekly: [WeeklyHours(weekday: .saturday, hours: WorkingHours(start: LocalTime(iso: "10:00")!, end: LocalTime(iso: "12:00")!))],
                overrides: [DateOverride(date: LocalDate(iso: "2026-03-25")!, hours: [])],
                timeOff: [TimeOff(time: TimeRange(start: testEpoch.addingTimeInterval(86_400 * 10), minutes: 24 * 60), reason: "Training")])
            let saved = try await editing.replace(tutorID: tutor.id, with: week, by: org.caller(tutor))
            #expect(saved.availability == week)
            await expectRefusal(.forbidden) { try await editing.replace(tutorID: tutor.id, with: week, by: org.caller(org.tutors[1])) }
            await expectRefusal(.forbidden) { try await editing.current(tutorID: tutor.id, for: org.caller(org.parents[0])) }
            await expectRefusal(.notFound) { try await editing.current(tutorID: org.parents[0].id, for: org.caller(org.admin)) }
            _ = try await editing.current(tutorID: tutor.id, for: org.caller(org.admin))
        }
    }

    @Test(arguments: TestDatabase.available)
    func thePastCannotBeEdited(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let past = Availability(
                overrides: [DateOverride(date: LocalDate(iso: "2026-03-22")!, hours: [])],
                timeOff: [TimeOff(time: TimeRange(start: testEpoch.addingTimeInterval(-7200), minutes: 60), reason: "")])
            do {
                _ = try await AvailabilityEditing(dependencies).replace(tutorID: org.tutors[0].id, with: past, by: org.caller(org.admin))
                Issue.record("past availability was accepted")
            } catch let error as DomainError {
                #expect(error.issues.map(\.field) == ["overrides[0].date", "timeOff[0].end"])
                #expect(error.issues[0].message == "Sun 22 Mar 2026 is in the past.")
            }
        }
    }
}

@Suite struct FreeSlotListingTests {
    @Test(arguments: TestDatabase.available)
    func slotsStartAfterTheNoticeAndSkipSessions(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let engagement = org.engagements[0]
            // Thursday 26 March 10:00–11:00 UTC is taken.
            let taken = TimeRange(start: testEpoch.addingTimeInterval(3 * 86_400), minutes: 60)
            try await dependencies.store.write { db in
                try await db.insertSession(
                    Session(
                        id: "taken", organizationID: org.organization.id, tutorID: engagement.tutorID,
                        students: [SessionStudent(through: org.engagements[2])],
                        subjectID: engagement.subjectID, engagementID: org.engagements[2].id, time: taken, status: .scheduled, location: "",
                        sessionType: "Online"),
                    now: testEpoch)
            }
            let result = try await FreeSlotListing(dependencies).slots(
                engagementID: engagement.id, from: LocalDate(iso: "2026-03-23")!, to: LocalDate(iso: "2026-03-27")!, for: org.caller(org.parents[0]))
            // 72 h from Monday 10:00 is Thursday 10:00; that hour is taken, so the first hour-long slot is 11:00.
            #expect(result.earliestStart == testEpoch.addingTimeInterval(72 * 3600))
            #expect(result.timeline.describe(result.slots[0].start) == "Thu 26 Mar 11:00 GMT")
            #expect(result.slots.allSatisfy { !$0.overlaps(taken) && $0.start >= result.earliestStart })
            // Thursday 11:00…16:00 and Friday 09:00…16:00 on the half hour.
            #expect(result.slots.count == 11 + 15)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theNoticeSettingMovesTheFirstSlot(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            var changes = OrganizationSettingsUpdate.Changes()
            changes.requestNoticeHours = 24
            _ = try await OrganizationSettingsUpdate(dependencies).apply(changes, by: org.caller(org.admin))
            let result = try await FreeSlotListing(dependencies).slots(
                engagementID: org.engagements[0].id, from: LocalDate(iso: "2026-03-23")!, to: LocalDate(iso: "2026-03-27")!,
                for: org.caller(org.parents[0]))
            #expect(result.timeline.describe(result.slots[0].start) == "Tue 24 Mar 10:00 GMT")
        }
    }

    @Test(arguments: TestDatabase.available)
    func whoMaySearchAndHowFar(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let listing = FreeSlotListing(dependencies)
            let from = LocalDate(iso: "2026-03-23")!
            await expectRefusal(.forbidden, "parent 1 may not request sessions") {
                try await listing.slots(engagementID: org.engagements[2].id, from: from, to: from, for: org.caller(org.parents[1]))
            }
            await expectRefusal(.notFound, "another family's engagement") {
                try await listing.slots(engagementID: org.engagements[2].id, from: from, to: from, for: org.caller(org.parents[0]))
            }
            await expectRefusal(.invalid) {
                try await listing.slots(engagementID: org.engagements[0].id, from: from, to: from.adding(days: 62), for: org.caller(org.admin))
            }
            await expectRefusal(.invalid) {
                try await listing.slots(engagementID: org.engagements[0].id, from: from, to: from.adding(days: -1), for: org.caller(org.admin))
            }
            let longest = try await listing.slots(
                engagementID: org.engagements[0].id, from: from, to: from.adding(days: 61), for: org.caller(org.tutors[0]))
            #expect(longest.dates.count == 62)
        }
    }

    @Test(arguments: TestDatabase.available)
    func nothingIsOfferedPastTheBookingWindow(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let listing = FreeSlotListing(dependencies)
            // Two years ahead of Mon 23 Mar 2026 is Fri 24 Mar 2028, a working day.
            let result = try await listing.slots(
                engagementID: org.engagements[0].id, from: LocalDate(iso: "2028-03-22")!, to: LocalDate(iso: "2028-03-28")!,
                for: org.caller(org.parents[0]))
            let days = Set(result.slots.map { result.timeline.local($0.start).date })
            #expect(days.max() == LocalDate(iso: "2028-03-24")!, "the last day offered is the window's last")
            let beyond = try await listing.slots(
                engagementID: org.engagements[0].id, from: LocalDate(iso: "2028-03-27")!, to: LocalDate(iso: "2028-03-31")!,
                for: org.caller(org.parents[0]))
            #expect(beyond.slots.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func slotsKeepTheirWallClockAcrossLondonsSpringChange(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let result = try await FreeSlotListing(dependencies).slots(
                engagementID: org.engagements[0].id, from: LocalDate(iso: "2026-03-27")!, to: LocalDate(iso: "2026-03-30")!, durationMinutes: 60,
                for: org.caller(org.admin))
            let friday = result.slots.filter { result.timeline.local($0.start).date == LocalDate(iso: "2026-03-27")! }
            let monday = result.slots.filter { result.timeline.local($0.start).date == LocalDate(iso: "2026-03-30")! }
            #expect(result.timeline.local(friday[0].start).rfc3339 == "2026-03-27T09:00:00+00:00")
            #expect(result.timeline.local(monday[0].start).rfc3339 == "2026-03-30T09:00:00+01:00")
            #expect(friday.count == monday.count)
        }
    }
}
