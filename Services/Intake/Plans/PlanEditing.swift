import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// `PUT /plans/{id}/esf-declarations` body.
struct ESFDeclarations: Codable, Sendable {
    var declarations: [OtherESFSupport]
}

/// Changes to a draft's content and declarations: only while the plan is editable, each with
/// its audit row, on the caller's transaction.
struct PlanEditing: Sendable {
    /// Replaces the content. Measures keep the ids the client sends back; new ones get new ids.
    func replaceContent(_ content: PlanContent, planId: UUID, actor: Principal, correlationId: UUID,
                        on connection: PostgresConnection) throws -> PlanRecord {
        var record = try PlanAccess.load(planId, for: actor, forUpdate: true, on: connection)
        try PlanAccess.requireEditable(record)
        try Self.checkText(content)
        let stored = content.withMeasureIds()
        let ids = stored.measures.compactMap(\.id)
        guard Set(ids).count == ids.count else {
            throw CommonProblems.invalidField("measures", "measure.id_duplicate", lv: "Pasākumu identifikatori atkārtojas.",
                                              en: "Measure ids repeat.")
        }
        try connection.execute("UPDATE plans SET content = $2::jsonb, updated_at = now() WHERE id = $1",
                               [planId, try PlanRecord.encodeJSON(stored)])
        try Audit.record(actor: actor, action: "plan.content_update", subject: "plan:\(planId.lowercased)",
                         correlationId: correlationId, on: connection)
        record.content = stored
        return record
    }

    /// Replaces the other-ESF declarations.
    func replaceDeclarations(_ input: ESFDeclarations, planId: UUID, actor: Principal, correlationId: UUID,
                             on connection: PostgresConnection) throws -> PlanRecord {
        var record = try PlanAccess.load(planId, for: actor, forUpdate: true, on: connection)
        try PlanAccess.requireEditable(record)
        for (index, declaration) in input.declarations.enumerated() {
            _ = try DirectoryText.name(declaration.project, field: "declarations[\(index)].project")
        }
        try connection.execute("UPDATE plans SET esf_declarations = $2::jsonb, updated_at = now() WHERE id = $1",
                               [planId, try PlanRecord.encodeJSON(input.declarations)])
        try Audit.record(actor: actor, action: "plan.esf_declarations_update", subject: "plan:\(planId.lowercased)",
                         correlationId: correlationId, on: connection)
        record.esfDeclarations = input.declarations
        return record
    }

    /// Size limits on free text, so one plan cannot grow without bound.
    static func checkText(_ content: PlanContent) throws(ProblemDetails) {
        func limit(_ text: String?, _ field: String, _ max: Int) throws(ProblemDetails) {
            guard let text, text.count > max else { return }
            throw CommonProblems.invalidField(field, "text.too_long", lv: "Teksts ir garāks par \(max) rakstzīmēm.",
                                              en: "The text is longer than \(max) characters.")
        }
        try limit(content.card.preparerName, "card.preparerName", 200)
        try limit(content.card.situation, "card.situation", 4000)
        try limit(content.card.goal, "card.goal", 4000)
        try limit(content.loadJustification, "loadJustification", 4000)
        guard content.risks.count <= 40, content.measures.count <= 60 else {
            throw CommonProblems.invalidField(content.risks.count > 40 ? "risks" : "measures", "plan.too_many_items",
                                              lv: "Pārāk daudz ierakstu.", en: "Too many entries.")
        }
        for (index, risk) in content.risks.enumerated() {
            try limit(risk.justification, "risks[\(index)].justification", 4000)
            try limit(risk.howSupportHelps, "risks[\(index)].howSupportHelps", 4000)
            try limit(risk.otherName, "risks[\(index)].otherName", 200)
        }
    }
}
