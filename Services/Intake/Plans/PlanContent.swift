import Contracts
import Foundation
import Rules

/// What the preparer writes into a plan (`PUT /plans/{id}/content`): the student card, the risks,
/// the measures and the priority risk. The rules library's own types are used as they are, so
/// the API speaks the same field names as the findings' paths (`risks[0].justification`).
struct PlanContent: Codable, Sendable, Equatable {
    /// Student card: grade or course, programme kind, preparer, situation, goal.
    var card: GeneralInformation
    /// Identified risks.
    var risks: [IdentifiedRisk]
    /// Support measures; each keeps a stable id across edits (timesheets and payouts refer to it).
    var measures: [PlanMeasure]
    /// The risk the semester's support starts with.
    var priorityRisk: RiskCode?
    /// Why a weekly load above the threshold is needed, if it is.
    var loadJustification: String?

    /// An empty plan, as a new draft starts.
    static let empty = PlanContent(card: GeneralInformation(gradeOrCourse: nil, preparerName: "", situation: "", goal: ""),
                                   risks: [], measures: [], priorityRisk: nil, loadJustification: nil)

    /// The plan as the rules library validates it.
    func supportPlan(id: UUID, institutionId: UUID, studentCode: String, semester: SemesterRef) -> SupportPlan {
        SupportPlan(id: id.uuidString.lowercased(), institutionId: institutionId.uuidString.lowercased(),
                    studentCode: studentCode, semester: semester, general: card, risks: risks,
                    measures: measures.map(\.measure), priorityRisk: priorityRisk, loadJustification: loadJustification)
    }

    /// Gives every measure without an id a new one (ids the client sends are kept).
    func withMeasureIds() -> PlanContent {
        var copy = self
        copy.measures = measures.map { entry in
            var entry = entry
            if entry.id == nil { entry.id = UUID.timeOrdered() }
            return entry
        }
        return copy
    }

    /// The content for a new semester's draft: the same card, risks and measures under new
    /// measure ids (evidence, consent and findings belong to the old plan).
    func copiedForward() -> PlanContent {
        var copy = self
        copy.measures = measures.map { entry in
            var entry = entry
            entry.id = UUID.timeOrdered()
            return entry
        }
        return copy
    }
}

/// One measure with its id: the rules library's `PlannedMeasure` fields plus `id`, flat in JSON.
struct PlanMeasure: Codable, Sendable, Equatable {
    var id: UUID?
    var measure: PlannedMeasure

    enum CodingKeys: String, CodingKey { case id }

    init(id: UUID?, measure: PlannedMeasure) {
        self.id = id
        self.measure = measure
    }

    init(from decoder: any Decoder) throws {
        id = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(UUID.self, forKey: .id)
        measure = try PlannedMeasure(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try measure.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
    }
}
