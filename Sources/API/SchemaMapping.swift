import Foundation
import Scheduling

/// Domain values as the OpenAPI document's schemas, hiding what the caller may not see.
extension Components.Schemas.Person {
    init(_ user: User) {
        self.init(
            id: user.id, role: Components.Schemas.Role(rawValue: user.role.rawValue)!, name: user.name, email: user.email,
            phone: user.phone, notifyBy: .init(rawValue: user.notifyBy.rawValue)!,
            canRequestSessions: user.role == .parent ? user.canRequestSessions : nil,
            hasAccount: user.hasPassword)
    }
}

extension Components.Schemas.Student {
    init(_ student: Student, for caller: Caller) {
        self.init(id: student.id, name: student.name, guardianIds: student.guardianIDs, notes: caller.role == .parent ? nil : student.notes)
    }
}

extension Components.Schemas.Subject {
    init(_ subject: Subject) { self.init(id: subject.id, name: subject.name) }
}

extension Components.Schemas.Engagement {
    init(_ engagement: Engagement, currency: String, for caller: Caller) {
        self.init(
            id: engagement.id, tutorId: engagement.tutorID, studentId: engagement.studentID, subjectId: engagement.subjectID,
            clientId: engagement.clientID,
            clientRatePerHour: engagement.clientRateVisible(to: caller) ? engagement.terms.clientRatePerHour : nil,
            tutorPayRatePerHour: engagement.tutorPayVisible(to: caller) ? engagement.terms.tutorPayRatePerHour : nil,
            currency: currency, defaultDurationMinutes: engagement.terms.defaultDurationMinutes,
            longestRequestMinutes: engagement.terms.requestLimitMinutes, location: engagement.terms.location,
            sessionType: engagement.terms.sessionType, active: engagement.isActive)
    }
}

extension Components.Schemas.Organization {
    init(_ organization: Organization) {
        let s = organization.settings
        self.init(
            id: organization.id, name: organization.name, timeZone: organization.timeZone.identifier, currency: organization.currency,
            contactEmail: organization.contact.email, contactPhone: organization.contact.phone, contactAddress: organization.contact.address,
            settings: .init(
                requestNoticeHours: s.requestNoticeHours, responseWindowHours: s.responseWindowHours,
                responseCutoff: .init(rawValue: s.responseCutoff.rawValue)!, cancellationMode: .init(rawValue: s.cancellationMode.rawValue)!,
                cancellationNoticeHours: s.cancellationNoticeHours, cancellationBufferHours: s.cancellationBufferHours,
                cancellationWarningBufferHours: s.cancellationWarningBufferHours, cancellationWarningText: s.cancellationWarningText,
                declinedRescheduleCancelsOriginal: s.declinedRescheduleCancelsOriginal,
                requestRouting: .init(rawValue: s.requestRouting.rawValue)!, slotStepMinutes: s.slotStepMinutes,
                openRequestsPerEngagement: s.openRequestsPerEngagement, timeFormat: .init(rawValue: s.timeFormat.rawValue)!,
                lateCancellationBilled: s.lateCancellationBilled, lateCancellationPaid: s.lateCancellationPaid, invoicePrefix: s.invoicePrefix))
    }
}

extension Components.Schemas.Availability {
    init(tutorID: String, timeZone: TimeZone, availability: Availability, sessionsOutsideHours: [String]) {
        self.init(
            tutorId: tutorID, timeZone: timeZone.identifier,
            weekly: availability.weekly.sorted { ($0.weekday, $0.hours) < ($1.weekday, $1.hours) }.map {
                .init(weekday: .init(rawValue: $0.weekday.rawValue)!, start: $0.hours.start.iso, end: $0.hours.end.iso)
            },
            overrides: availability.overrides.sorted { $0.date < $1.date }.map { override in
                .init(date: override.date.iso, hours: override.hours.map { .init(start: $0.start.iso, end: $0.end.iso) })
            },
            timeOff: availability.timeOff.sorted { $0.time.start < $1.time.start }.map {
                .init(start: $0.time.start, end: $0.time.end, reason: $0.reason)
            }, sessionsOutsideHours: sessionsOutsideHours)
    }
}

extension Components.Schemas.AvailabilityUpdate {
    /// Reads wall-clock times and dates, naming the field of each one that does not parse.
    func availability() throws(DomainError) -> Availability {
        var issues = IssueList()
        func time(_ text: String, _ field: String) -> LocalTime {
            if let value = LocalTime(iso: text) { return value }
            issues.add(field, "\"\(text)\" is not a time of day: use HH:MM between 00:00 and 24:00.")
            return .midnight
        }
        let weekly = self.weekly.enumerated().map { index, entry in
            WeeklyHours(
                weekday: Weekday(rawValue: entry.weekday.rawValue)!,
                hours: WorkingHours(start: time(entry.start, "weekly[\(index)].start"), end: time(entry.end, "weekly[\(index)].end")))
        }
        let overrides = self.overrides.enumerated().compactMap { index, entry -> DateOverride? in
            let hours = entry.hours.enumerated().map { position, stretch in
                WorkingHours(
                    start: time(stretch.start, "overrides[\(index)].hours[\(position)].start"),
                    end: time(stretch.end, "overrides[\(index)].hours[\(position)].end"))
            }
            guard let date = LocalDate(iso: entry.date) else {
                issues.add("overrides[\(index)].date", "\"\(entry.date)\" is not a date: use YYYY-MM-DD.")
                return nil
            }
            return DateOverride(date: date, hours: hours)
        }
        let timeOff = self.timeOff.enumerated().compactMap { index, entry -> TimeOff? in
            guard let range = TimeRange(start: entry.start, end: entry.end) else {
                issues.add("timeOff[\(index)].end", "Time off must end after it starts.")
                return nil
            }
            return TimeOff(time: range, reason: entry.reason ?? "")
        }
        try issues.throwIfAny()
        return Availability(weekly: weekly, overrides: overrides, timeOff: timeOff)
    }
}
