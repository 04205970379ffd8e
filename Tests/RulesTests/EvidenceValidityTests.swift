import Foundation
import Rules
import Testing

/// How long a document carried forward from an earlier plan counts (issue #19 item 1).
@Suite("Carried-forward evidence validity")
struct EvidenceValidityTests {
    @Test("without its own end date it counts for the operator's months after upload", arguments: [
        ("2019-01-15", 12, "2020-01-15"),
        ("2019-01-31", 1, "2019-02-28"),
        ("2019-12-31", 2, "2020-02-29"),
        ("2019-03-10", 0, "2019-03-10"),
    ])
    func lastDay(uploaded: String, months: Int, expected: String) {
        var settings = ProgrammeSettings.defaults
        settings.carriedEvidenceMonths = months
        let document = CarriedDocument(kind: .needyCertificate, uploadedOn: day(uploaded))
        #expect(EvidenceValidity.lastValidDay(of: document, settings: settings) == day(expected))
    }

    @Test("its own end date wins over the operator's months")
    func ownEndDate() {
        let document = CarriedDocument(kind: .lowIncomeCertificate, uploadedOn: day("2019-01-01"), validUntil: day("2019-03-31"))
        #expect(!EvidenceValidity.counts(document, semesterStart: day("2019-09-01"), settings: .defaults))
        #expect(EvidenceValidity.counts(document, semesterStart: day("2019-03-31"), settings: .defaults))
    }

    @Test("the semester's first day is the day it must still be valid on")
    func boundary() {
        let document = CarriedDocument(kind: .disabilityCertificate, uploadedOn: day("2018-09-01"))
        #expect(EvidenceValidity.counts(document, semesterStart: day("2019-09-01"), settings: .defaults))
        #expect(!EvidenceValidity.counts(document, semesterStart: day("2019-09-02"), settings: .defaults))
    }

    @Test("a carried settings value outside 0…120 months is clamped, never a crash")
    func clamped() {
        var settings = ProgrammeSettings.defaults
        settings.carriedEvidenceMonths = Int.max
        let document = CarriedDocument(kind: .other, uploadedOn: day("2019-01-01"))
        #expect(EvidenceValidity.lastValidDay(of: document, settings: settings) == day("2029-01-01"))
    }

    @Test("a risk's named evidence no longer exists: only attached documents count")
    func namedIsNotAttached() throws {
        // The old JSON shape with `evidence` named on the risk decodes, and counts for nothing.
        let json = #"{"code":"S03","level":"high","justification":"x","subjects":[],"howSupportHelps":"","evidence":["disability_certificate"]}"#
        let risk = try JSONDecoder().decode(IdentifiedRisk.self, from: Data(json.utf8))
        var fixture = Fixture()
        fixture.plan.risks.append(risk)
        fixture.plan.measures.append(Fixture.consultation([.S03]))
        #expect(fixture.validate().contains { $0.ruleId == .riskEvidenceRequired && $0.path == "risks[2].evidence" })
    }
}
