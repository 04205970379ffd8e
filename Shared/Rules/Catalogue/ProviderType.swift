/// The nine consultation providers of MK regulation No. 460, 23.1.2 (seed 000 item 16).
public enum ProviderType: String, Codable, Sendable, CaseIterable, Hashable, CodingKeyRepresentable {
    /// Teacher (pedagogs).
    case teacher
    /// Psychologist (psihologs).
    case psychologist
    /// Social pedagogue (sociālais pedagogs).
    case socialPedagogue = "social_pedagogue"
    /// Teacher's assistant (pedagoga palīgs).
    case teacherAssistant = "teacher_assistant"
    /// Special education teacher (speciālās izglītības pedagogs).
    case specialEducationTeacher = "special_education_teacher"
    /// Sign language interpreter (surdotulks).
    case signLanguageInterpreter = "sign_language_interpreter"
    /// Assistant (asistents).
    case assistant
    /// Speech therapist (logopēds).
    case speechTherapist = "speech_therapist"
    /// Occupational therapist (ergoterapeits).
    case occupationalTherapist = "occupational_therapist"

    /// The provider's title in Latvian and English.
    public var label: LocalizedText {
        switch self {
        case .teacher: LocalizedText(lv: "Pedagogs", en: "Teacher")
        case .psychologist: LocalizedText(lv: "Psihologs", en: "Psychologist")
        case .socialPedagogue: LocalizedText(lv: "Sociālais pedagogs", en: "Social pedagogue")
        case .teacherAssistant: LocalizedText(lv: "Pedagoga palīgs", en: "Teacher's assistant")
        case .specialEducationTeacher:
            LocalizedText(lv: "Speciālās izglītības pedagogs", en: "Special education teacher")
        case .signLanguageInterpreter: LocalizedText(lv: "Surdotulks", en: "Sign language interpreter")
        case .assistant: LocalizedText(lv: "Asistents", en: "Assistant")
        case .speechTherapist: LocalizedText(lv: "Logopēds", en: "Speech therapist")
        case .occupationalTherapist: LocalizedText(lv: "Ergoterapeits", en: "Occupational therapist")
        }
    }
}

/// Whether an education institution (or a student's programme) is general or vocational.
public enum InstitutionKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// General education (vispārējā izglītība): grades.
    case general
    /// Vocational education (profesionālā izglītība): courses.
    case vocational
}

/// Who founded an institution. With the kind it decides the approval route: see
/// ``InstitutionCategory/isStateVocational`` (only state AND vocational skips the municipality).
public enum InstitutionFounder: String, Codable, Sendable, CaseIterable, Hashable {
    /// A municipality.
    case municipal
    /// The state (a VPII when the institution is vocational).
    case state
}

/// An institution as far as the rules need it.
public struct InstitutionProfile: Codable, Sendable, Hashable {
    /// Stable institution id.
    public var id: String
    /// General or vocational.
    public var kind: InstitutionKind
    /// Municipal or state.
    public var founder: InstitutionFounder

    /// Creates an institution profile.
    public init(id: String, kind: InstitutionKind, founder: InstitutionFounder) {
        self.id = id
        self.kind = kind
        self.founder = founder
    }
}
