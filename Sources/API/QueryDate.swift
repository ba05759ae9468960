import Scheduling

/// Dates in query strings (`YYYY-MM-DD`), refused with the field's name when they do not exist.
enum QueryDate {
    static func parse(_ text: String, field: String) throws(DomainError) -> LocalDate {
        guard let date = LocalDate(iso: text) else { throw DomainError.invalid(field, "\"\(text)\" is not a date: use YYYY-MM-DD.") }
        return date
    }

    static func parseOptional(_ text: String?, field: String) throws(DomainError) -> LocalDate? {
        try text.map { text throws(DomainError) in try parse(text, field: field) }
    }
}
