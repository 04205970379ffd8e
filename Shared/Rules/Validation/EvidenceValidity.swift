/// Whether a document carried forward from an earlier plan still counts for a new semester
/// (issue #19: "carried forward as a document, with its original upload date, still valid for
/// the new semester"). A document that names its own end of validity counts up to that day; one
/// that does not counts for `carriedEvidenceMonths` after its upload. Either way it must still be
/// valid on the new semester's first day.
public enum EvidenceValidity {
    /// Whether `document` counts for a semester starting on `semesterStart`.
    public static func counts(_ document: CarriedDocument, semesterStart: CalendarDate, settings: ProgrammeSettings) -> Bool {
        semesterStart <= lastValidDay(of: document, settings: settings)
    }

    /// The last day the document counts.
    public static func lastValidDay(of document: CarriedDocument, settings: ProgrammeSettings) -> CalendarDate {
        if let validUntil = document.validUntil { return validUntil }
        let months = min(max(settings.carriedEvidenceMonths, 0), 120)
        let total = document.uploadedOn.month - 1 + months
        let year = document.uploadedOn.year + total / 12
        let month = total % 12 + 1
        let lastDay = (28...31).reversed().first { CalendarDate(year: year, month: month, day: $0) != nil } ?? 28
        return CalendarDate(year: year, month: month, day: min(document.uploadedOn.day, lastDay))
            ?? document.uploadedOn
    }
}
