/// The five groups of early-school-leaving (PMP) risks in seed 000, "Risku pamatojumi".
public enum RiskGroup: String, Codable, Sendable, CaseIterable, Hashable {
    /// Risks linked to learning and the institution's environment.
    case learning
    /// Social environment and health risks.
    case socialHealth = "social_health"
    /// Economic risks.
    case economic
    /// Family risks.
    case family
    /// Other risks identified and named by the preparer.
    case other

    /// The group's name as in seed 000, with an English rendering.
    public var label: LocalizedText {
        switch self {
        case .learning:
            LocalizedText(lv: "Ar mācību darbu/izglītības iestādes vidi saistītie riski",
                          en: "Risks linked to learning and the institution's environment")
        case .socialHealth:
            LocalizedText(lv: "Sociālās vides un veselības riski", en: "Social environment and health risks")
        case .economic: LocalizedText(lv: "Ekonomiskie riski", en: "Economic risks")
        case .family: LocalizedText(lv: "Ar ģimeni saistītie riski", en: "Family-related risks")
        case .other: LocalizedText(lv: "Citi identificētie riski", en: "Other identified risks")
        }
    }

    /// The risk codes in this group, in catalogue order.
    public var risks: [RiskCode] { RiskCode.allCases.filter { $0.group == self } }
}

/// Kinds of evidence document that a risk or a measure may require.
public enum EvidenceKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Attendance data extracted from VIIS (the state education information system).
    case viisAttendanceExtract = "viis_attendance_extract"
    /// Report of the staff member who handled a conflict.
    case staffReport = "staff_report"
    /// Disability certificate (invaliditātes apliecinājums).
    case disabilityCertificate = "disability_certificate"
    /// Medical staff statement on the need for an occupational therapist or assistant.
    case medicalStatement = "medical_statement"
    /// Needy person status certificate (trūcīgā statusa izziņa).
    case needyCertificate = "needy_certificate"
    /// Low-income status certificate (maznodrošinātā statusa izziņa).
    case lowIncomeCertificate = "low_income_certificate"
    /// Statement that the student receives no support under specific objective 8.5.1.
    case no851SupportStatement = "no_851_support_statement"
    /// Grade report (sekmju apliecinājums, seed 000 item 7), for failing grades (L02).
    case gradeReport = "grade_report"
    /// Any other supporting document.
    case other

    /// The document's name in Latvian and English.
    public var label: LocalizedText {
        switch self {
        case .viisAttendanceExtract:
            LocalizedText(lv: "Dati no Valsts izglītības informācijas sistēmas (kavējumi)",
                          en: "Attendance extract from VIIS")
        case .staffReport:
            LocalizedText(lv: "Konflikta risināšanā iesaistītā skolas personāla ziņojums",
                          en: "Report of the staff who handled the conflict")
        case .disabilityCertificate: LocalizedText(lv: "Invaliditātes apliecinājums", en: "Disability certificate")
        case .medicalStatement:
            LocalizedText(lv: "Medicīnas personāla apliecinājums par atbalsta nepieciešamību",
                          en: "Medical staff statement on the need for the support")
        case .needyCertificate: LocalizedText(lv: "Izziņa par trūcīgā statusu", en: "Needy status certificate")
        case .lowIncomeCertificate:
            LocalizedText(lv: "Izziņa par maznodrošinātā statusu", en: "Low-income status certificate")
        case .no851SupportStatement:
            LocalizedText(lv: "Apliecinājums, ka nesaņem atbalstu 8.5.1. SAM ietvaros",
                          en: "Statement of not receiving support under objective 8.5.1")
        case .gradeReport: LocalizedText(lv: "Sekmju apliecinājums", en: "Grade report")
        case .other: LocalizedText(lv: "Cits dokuments", en: "Other document")
        }
    }
}

/// What a risk needs as evidence beyond its written justification (seed 000, third column of
/// "Risku pamatojumi").
public enum EvidenceRequirement: Sendable, Hashable {
    /// The detailed description in the justification is the evidence.
    case descriptionOnly
    /// This document must be attached.
    case document(EvidenceKind)
    /// At least one of these documents must be attached.
    case anyOf([EvidenceKind])
    /// "Description and/or staff report": the justification alone satisfies it; the
    /// document is welcome but optional.
    case descriptionOrDocument(EvidenceKind)
    /// The document is needed only if a measure for this risk involves one of the providers.
    case documentIfProvider(EvidenceKind, providers: Set<ProviderType>)
    /// "As the risk requires" (O01): the preparer decides; nothing is enforced.
    case asTheRiskRequires
    /// The document is expected where the school issues one (L02's grade report): missing, it
    /// is a warning for the approvers, not a refusal.
    case documentIfIssued(EvidenceKind)

    /// The documents that, attached, satisfy this requirement given the providers involved;
    /// `nil` when no document is needed.
    public func documentsNeeded(providers: Set<ProviderType>) -> Set<EvidenceKind>? {
        switch self {
        case .descriptionOnly, .descriptionOrDocument, .asTheRiskRequires, .documentIfIssued: nil
        case .document(let kind): [kind]
        case .anyOf(let kinds): Set(kinds)
        case .documentIfProvider(let kind, let triggering):
            providers.isDisjoint(with: triggering) ? nil : [kind]
        }
    }
}
