import Rules

extension RuleCase {
    static func addRisk(_ fixture: inout Fixture, _ risk: IdentifiedRisk, providers: [ProviderType] = [.psychologist]) {
        fixture.plan.risks.append(risk)
        fixture.plan.measures.append(Fixture.consultation([risk.code], providers))
    }

    static func justify(_ text: String) -> @Sendable (inout Fixture) -> Void {
        { $0.plan.risks[1].justification = text }
    }

    static let risks: [RuleCase] = [
        .plan(.riskDuplicate, nil, "distinct risks") { _ in },
        .plan(.riskDuplicate, .error, "L02 twice") { $0.plan.risks.append($0.plan.risks[0]) },
        .plan(.riskDuplicate, nil, "two differently named O01") {
            addRisk(&$0, IdentifiedRisk(code: .O01, otherName: "Azartspēles", justification: Fixture.concrete))
            addRisk(&$0, IdentifiedRisk(code: .O01, otherName: "Bēgšana no mājām", justification: Fixture.concrete))
        },
        .plan(.riskOtherNameRequired, nil, "O01 named") {
            addRisk(&$0, IdentifiedRisk(code: .O01, otherName: "Atkarība no datorspēlēm", justification: Fixture.concrete))
        },
        .plan(.riskOtherNameRequired, .error, "O01 unnamed") {
            addRisk(&$0, IdentifiedRisk(code: .O01, otherName: " ", justification: Fixture.concrete))
        },
        .plan(.riskJustificationRequired, nil, "justified") { _ in },
        .plan(.riskJustificationRequired, .error, "empty justification", justify("")),
        .plan(.riskJustificationVague, .error, "seed's forbidden example", justify("psiholoģiskas problēmas")),
        .plan(.riskJustificationVague, .error, "forbidden example without diacritics", justify("Psihologiskas problemas!")),
        .plan(.riskJustificationVague, .error, "English vague phrase", justify("Family problems, lazy.")),
        .plan(.riskJustificationVague, .error, "only repeats the risk name",
              justify("Vecāki neatbalsta izglītojamo mācību procesā")),
        .plan(.riskJustificationVague, .warning, "vague phrase plus concrete detail",
              justify("Psiholoģiskas problēmas: agresīvs nezināmās (skolēnam svešās) situācijās")),
        .plan(.riskJustificationVague, nil, "seed's acceptable example",
              justify("agresīvs nezināmās (skolēnam svešās) situācijās")),
        .plan(.riskJustificationVague, .error, "operator-added vague phrase") {
            $0.settings.additionalVaguePhrases = ["nav ieinteresēts"]
            $0.plan.risks[1].justification = "Nav ieinteresēts."
        },
        .plan(.riskJustificationDetail, nil, "enough detail") { _ in },
        .plan(.riskJustificationDetail, .error, "too short", justify("Slikti raksta.")),
        .plan(.riskJustificationDetail, .error, "function words do not count", justify("Ir ļoti un arī ar to.")),
        .plan(.riskSubjectsRequired, nil, "L02 names subjects") { _ in },
        .plan(.riskSubjectsRequired, nil, "F04 needs no subjects") { $0.plan.risks[1].subjects = [] },
        .plan(.riskSubjectsRequired, .error, "L02 without subjects") { $0.plan.risks[0].subjects = [""] },
        .plan(.riskHowItHelpsRequired, nil, "L02 says how it helps") { _ in },
        .plan(.riskHowItHelpsRequired, .error, "L02 without how it helps") { $0.plan.risks[0].howSupportHelps = "" },
        .plan(.riskHowItHelpsRequired, .error, "L01 without how it helps") {
            $0.context.documentsOnFile = [.viisAttendanceExtract]
            addRisk(&$0, IdentifiedRisk(code: .L01, justification: Fixture.concrete, subjects: ["ķīmija"]))
        },
        .plan(.riskEvidenceRequired, nil, "L01 with VIIS extract uploaded") {
            $0.context.documentsOnFile = [.viisAttendanceExtract]
            addRisk(&$0, IdentifiedRisk(code: .L01, justification: Fixture.concrete, subjects: ["ķīmija"],
                                        howSupportHelps: "Konsultācijās apgūs nokavēto."))
        },
        .plan(.riskEvidenceRequired, .error, "L01 without VIIS extract") {
            addRisk(&$0, IdentifiedRisk(code: .L01, justification: Fixture.concrete, subjects: ["ķīmija"],
                                        howSupportHelps: "Konsultācijās apgūs nokavēto."))
        },
        .plan(.riskEvidenceRequired, .error, "S03 without disability certificate") {
            addRisk(&$0, IdentifiedRisk(code: .S03, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, nil, "S03 with certificate uploaded") {
            $0.context.documentsOnFile = [.disabilityCertificate]
            addRisk(&$0, IdentifiedRisk(code: .S03, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, .error, "E02 without status certificate") {
            addRisk(&$0, IdentifiedRisk(code: .E02, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, nil, "E02 with needy certificate uploaded") {
            $0.context.documentsOnFile = [.needyCertificate]
            addRisk(&$0, IdentifiedRisk(code: .E02, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, .error, "E03 with only a needy certificate") {
            $0.context.documentsOnFile = [.needyCertificate]
            addRisk(&$0, IdentifiedRisk(code: .E03, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, nil, "E03 with 8.5.1 statement uploaded") {
            $0.context.documentsOnFile = [.no851SupportStatement]
            addRisk(&$0, IdentifiedRisk(code: .E03, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, nil, "S03 with a certificate carried forward, still valid") {
            // Fixture semester 2019/2020-1 starts 2019-09-02; uploaded 2018-12-01 + 12 months.
            $0.context.carriedDocuments = [CarriedDocument(kind: .disabilityCertificate, uploadedOn: day("2018-12-01"))]
            addRisk(&$0, IdentifiedRisk(code: .S03, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, .error, "S03 with a certificate carried forward, expired") {
            $0.context.carriedDocuments = [CarriedDocument(kind: .disabilityCertificate, uploadedOn: day("2018-06-01"))]
            addRisk(&$0, IdentifiedRisk(code: .S03, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, nil, "E02 with a carried certificate valid by its own end date") {
            $0.context.carriedDocuments = [CarriedDocument(kind: .lowIncomeCertificate, uploadedOn: day("2017-01-10"),
                                                           validUntil: day("2019-12-31"))]
            addRisk(&$0, IdentifiedRisk(code: .E02, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceRequired, .error, "E02 with a carried certificate whose own end date passed") {
            $0.context.carriedDocuments = [CarriedDocument(kind: .lowIncomeCertificate, uploadedOn: day("2019-08-01"),
                                                           validUntil: day("2019-08-31"))]
            addRisk(&$0, IdentifiedRisk(code: .E02, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceIfIssued, nil, "L02 with the grade report uploaded") {
            $0.context.documentsOnFile = [.gradeReport]
        },
        .plan(.riskEvidenceIfIssued, .warning, "L02 without a grade report") { $0.context.documentsOnFile = [] },
        .plan(.riskLevelRequired, nil, "every risk has its level") { _ in },
        .plan(.riskLevelRequired, .error, "a risk without its level") { $0.plan.risks[1].level = nil },
        .plan(.riskEvidenceRequired, nil, "L06: the description suffices (and/or staff report)") {
            addRisk(&$0, IdentifiedRisk(code: .L06, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceMedicalStatement, nil, "S01 with a psychologist only") {
            addRisk(&$0, IdentifiedRisk(code: .S01, justification: Fixture.concrete))
        },
        .plan(.riskEvidenceMedicalStatement, .error, "S01 with an occupational therapist, no statement") {
            addRisk(&$0, IdentifiedRisk(code: .S01, justification: Fixture.concrete), providers: [.occupationalTherapist])
        },
        .plan(.riskEvidenceMedicalStatement, .error, "S01 with an assistant, no statement") {
            addRisk(&$0, IdentifiedRisk(code: .S01, justification: Fixture.concrete), providers: [.assistant, .teacher])
        },
        .plan(.riskEvidenceMedicalStatement, nil, "S01 with an assistant and a medical statement") {
            $0.context.documentsOnFile = [.medicalStatement]
            addRisk(&$0, IdentifiedRisk(code: .S01, justification: Fixture.concrete), providers: [.assistant])
        },
        .plan(.riskMeasureRequired, nil, "each risk has a measure") { _ in },
        .plan(.riskMeasureRequired, .error, "risk without measure") {
            $0.plan.risks.append(IdentifiedRisk(code: .E04, justification: Fixture.concrete))
        },
        .plan(.riskMeasureRequired, .error, "a low-level risk still needs its measure (any level, item 12)") {
            $0.plan.risks.append(IdentifiedRisk(code: .E04, level: .low, justification: Fixture.concrete))
        },
        .plan(.riskJustificationRequired, .error, "a low-level risk still needs its justification") {
            $0.plan.risks[1].level = .low
            $0.plan.risks[1].justification = ""
        },
    ]
}
