import Scheduling

/// Each setting the office changed, as the audit log words it: "request notice 72 → 48 hours".
enum SettingsChangeSummary {
    static func lines(from old: Organization, to new: Organization) -> [String] {
        var lines: [String] = []
        func note<Value: Equatable>(_ label: String, _ before: Value, _ after: Value, _ words: (Value) -> String) {
            if before != after { lines.append("\(label) \(words(before)) → \(words(after))") }
        }
        let hours = { (value: Int) in "\(value) hours" }
        let (a, b) = (old.settings, new.settings)
        note("name", old.name, new.name) { "\"\($0)\"" }
        note("time zone", old.timeZone.identifier, new.timeZone.identifier) { $0 }
        note("office email", old.contact.email, new.contact.email) { $0 ?? "none" }
        note("office phone", old.contact.phone, new.contact.phone) { $0 ?? "none" }
        if old.contact.address != new.contact.address { lines.append("the postal address") }
        note("request notice", a.requestNoticeHours, b.requestNoticeHours, hours)
        note("response window", a.responseWindowHours, b.responseWindowHours, hours)
        note("answer by", a.responseCutoff, b.responseCutoff) { $0 == .endOfDayBefore ? "the day before too" : "the window only" }
        note("who answers requests", a.requestRouting, b.requestRouting) { $0 == .adminsOnly ? "the office" : "the tutor and the office" }
        note("slot step", a.slotStepMinutes, b.slotStepMinutes) { "\($0) minutes" }
        note("requests waiting at once", a.openRequestsPerEngagement, b.openRequestsPerEngagement) { "\($0)" }
        note("cancellations", a.cancellationMode, b.cancellationMode) { $0 == .direct ? "direct" : "by request" }
        note("cancellation notice", a.cancellationNoticeHours, b.cancellationNoticeHours, hours)
        note("cancellation buffer", a.cancellationBufferHours, b.cancellationBufferHours, hours)
        note("warning buffer", a.cancellationWarningBufferHours, b.cancellationWarningBufferHours, hours)
        if a.cancellationWarningText != b.cancellationWarningText { lines.append("the warning text") }
        note("a declined reschedule cancels the original", a.declinedRescheduleCancelsOriginal, b.declinedRescheduleCancelsOriginal) {
            $0 ? "yes" : "no"
        }
        note("times written as", a.timeFormat, b.timeFormat) { $0.example }
        note("late cancellations billed to the client", a.lateCancellationBilled, b.lateCancellationBilled) { $0 ? "yes" : "no" }
        note("late cancellations paid to the tutor", a.lateCancellationPaid, b.lateCancellationPaid) { $0 ? "yes" : "no" }
        note("invoice prefix", a.invoicePrefix, b.invoicePrefix) { $0.isEmpty ? "none" : "\"\($0)\"" }
        return lines
    }
}
