import Foundation
import OpenAPIRuntime
import Scheduling

/// Reads every RFC 3339 date-time (fractional seconds, any offset the RFC allows) and writes
/// whole-second UTC (`2027-01-14T16:00:00Z`). The runtime's default reads whole seconds only.
struct FlexibleDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String { date.rfc3339UTC }

    func decode(_ text: String) throws -> Date {
        guard let date = RFC3339.parse(text) else { throw InvalidDateTime(text: text) }
        return date
    }
}

/// A date-time that does not exist or is not written as RFC 3339. The runtime's decoder does not
/// say where it was; `JSONInputRules` finds the field from the text.
struct InvalidDateTime: Error {
    let text: String
}
