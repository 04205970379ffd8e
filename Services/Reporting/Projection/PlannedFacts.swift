import Contracts
import Foundation
import Rules

/// What the statistics keep of a submitted plan's measures: the planned figures and, for subject
/// consultations, the subjects. Pure; the content's names and free text are never kept.
public enum PlannedFacts {
    /// One measure as reporting stores it.
    public struct Measure: Sendable, Hashable {
        /// Measure id.
        public var measureId: UUID
        /// Position in the plan (money paid is attributed to the first measure of its type).
        public var position: Int
        /// Measure type code.
        public var type: String
        /// Provider types.
        public var providers: [String]
        /// Risk codes addressed.
        public var riskCodes: [String]
        /// Subjects, for a subject consultation (a consultation addressing a risk that names subjects).
        public var subjects: [String]
        /// Planned minutes for the semester.
        public var plannedMinutes: Int?
        /// Planned money per month, in cents.
        public var monthlyCents: Int64?
        /// Planned money per semester, in cents.
        public var semesterCents: Int64?
        /// Planned money for the whole semester: monthly × the semester's months, plus per-semester.
        public var plannedCents: Int64?
    }

    /// The measures of `event`, with the semester's months from `settings`.
    public static func measures(of event: PlanContentSubmitted, settings: ProgrammeSettings) -> [Measure] {
        let months = semesterMonths(event.plan.semester, settings: settings)
        let content = event.content.flatMap { try? JSONDecoder().decode(SupportPlan.self, from: Data($0)) }
        let contentMeasures = content.map(\.measures) ?? []
        // intake writes the payload's measures and the content's in the same order.
        let aligned = contentMeasures.count == event.measures.count
        return event.measures.enumerated().map { index, measure in
            // Saturating: the rules bound the amounts (PlanBounds), but an event must never trap the consumer.
            let planned: Int64? = (measure.monthlyAmountCents == nil && measure.semesterAmountCents == nil) ? nil
                : (Cents(measure.monthlyAmountCents ?? 0).times(Int64(months)) + Cents(measure.semesterAmountCents ?? 0)).value
            var subjects: [String] = []
            if measure.type == MeasureType.consultation.rawValue, aligned, let content,
               contentMeasures[index].kind != .consultativeSupport {
                let addressed = Set(contentMeasures[index].addresses)
                subjects = normalisedSubjects(content.risks.filter { addressed.contains($0.code) && $0.code.needsSubjects }
                    .flatMap(\.subjects))
            }
            return Measure(measureId: measure.measureId, position: index, type: measure.type, providers: measure.providers,
                           riskCodes: measure.riskCodes, subjects: subjects, plannedMinutes: measure.plannedMinutes,
                           monthlyCents: measure.monthlyAmountCents, semesterCents: measure.semesterAmountCents, plannedCents: planned)
        }
    }

    /// Subjects as the statistics group them: trimmed, inner spaces collapsed, lower case, at most
    /// 80 characters, each once, sorted; anything holding a personal code is dropped.
    public static func normalisedSubjects(_ subjects: [String]) -> [String] {
        Array(Set(subjects.compactMap(SubjectName.normalised))).sorted()
    }

    /// Calendar months the semester spans (the calendar in the settings; 4 for an autumn and 5 for
    /// a spring semester it does not list).
    public static func semesterMonths(_ code: String, settings: ProgrammeSettings) -> Int {
        guard let semester = SemesterRef(code: code) else { return 4 }
        guard let dates = settings.dates(of: semester) else { return semester.number == .first ? 4 : 5 }
        return max(1, (dates.end.year * 12 + dates.end.month) - (dates.start.year * 12 + dates.start.month) + 1)
    }

    /// `2022/2023` for `2022/2023-1`.
    public static func schoolYear(of semester: String) -> String {
        SemesterRef(code: semester).map { "\($0.schoolYear)/\($0.schoolYear + 1)" }
            ?? String(semester.split(separator: "-").first ?? Substring(semester))
    }
}
