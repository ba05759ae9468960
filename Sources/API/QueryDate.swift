import Scheduling

/// Dates in query strings (`YYYY-MM-DD`), refused with the field's name when they do not exist or
/// lie outside the years anything here can happen in.
enum QueryDate {
    static let years = 1900...2200

    static func parse(_ text: String, field: String) throws(DomainError) -> LocalDate {
        guard let date = LocalDate(iso: text) else { throw DomainError.invalid(field, "\"\(text)\" is not a date: use YYYY-MM-DD.") }
        guard years.contains(date.year) else {
            throw DomainError.invalid(field, "\(text) is out of range: give a date between \(years.lowerBound) and \(years.upperBound).")
        }
        return date
    }

    static func parseOptional(_ text: String?, field: String) throws(DomainError) -> LocalDate? {
        try text.map { text throws(DomainError) in try parse(text, field: field) }
    }
}
