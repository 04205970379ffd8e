/// The eight support measures of MK regulation No. 460, 23.1.1 (seed 000).
public enum MeasureType: String, Codable, Sendable, CaseIterable, Hashable, CodingKeyRepresentable {
    /// Consultations and consultative support by a specialist (hours, not money).
    case consultation
    /// Intercity / inter-district public transport tickets.
    case transportIntercity = "transport_intercity"
    /// City public transport tickets (vocational education only).
    case transportCity = "transport_city"
    /// Dormitory or boarding-school place.
    case lodging
    /// Meals.
    case meals
    /// Individual learning materials (vocational education only).
    case learningMaterials = "learning_materials"
    /// Clothes, shoes, hygiene items.
    case personalItems = "personal_items"
    /// Special transport (students with a disability).
    case specialTransport = "special_transport"

    /// The measure's name as in seed 000, with an English rendering.
    public var label: LocalizedText {
        switch self {
        case .consultation:
            LocalizedText(lv: "Konsultācijas un konsultatīvais atbalsts", en: "Consultations and consultative support")
        case .transportIntercity:
            LocalizedText(lv: "Starpilsētu un starpnovadu sabiedriskā transporta biļešu kompensācija",
                          en: "Intercity and inter-district public transport tickets")
        case .transportCity:
            LocalizedText(lv: "Pilsētas sabiedriskā transporta biļešu kompensācija", en: "City public transport tickets")
        case .lodging:
            LocalizedText(lv: "Naktsmītnes nodrošināšana dienesta viesnīcā vai internātā",
                          en: "Place in a dormitory or boarding school")
        case .meals: LocalizedText(lv: "Ēdināšana", en: "Meals")
        case .learningMaterials:
            LocalizedText(lv: "Individuālo mācību līdzekļu nodrošināšana", en: "Individual learning materials")
        case .personalItems:
            LocalizedText(lv: "Individuālās lietošanas priekšmeti (apģērbs, apavi, higiēnas preces)",
                          en: "Personal items (clothes, shoes, hygiene items)")
        case .specialTransport: LocalizedText(lv: "Speciālā transporta nodrošināšana", en: "Special transport")
        }
    }

    /// Whether the measure is delivered in hours by specialists rather than paid as money.
    public var isConsultation: Bool { self == .consultation }

    /// The education programme kinds whose students may receive the measure.
    public var programmeKinds: Set<InstitutionKind> {
        switch self {
        case .transportCity, .learningMaterials: [.vocational]
        default: [.general, .vocational]
        }
    }

    /// Whether the measure is excluded when the same need is already funded from the state,
    /// municipal or another budget (consultations, meals, special transport).
    public var excludedWhenFundedElsewhere: Bool {
        [.consultation, .meals, .specialTransport].contains(self)
    }
}

/// Kinds of consultation support (seed 000 items 13, 16; MK No. 460 23.1.1): the two kinds of
/// work of item 13, and the crisis and school-holiday support that the regulation lists with the
/// subject consultations as funded consultation support.
public enum ConsultationKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Extra subject consultations or support-staff consultations (konsultēšana).
    case consultation
    /// A guided conversation about values, behaviour and decisions (konsultatīvais atbalsts).
    case consultativeSupport = "consultative_support"
    /// Support in a crisis (atbalsts krīzes situācijā).
    case crisisSupport = "crisis_support"
    /// Support during school holidays (atbalsts skolas brīvlaikos), with its dates.
    case holidaySupport = "holiday_support"

    /// The kind's name with a short explanation.
    public var label: LocalizedText {
        switch self {
        case .consultation:
            LocalizedText(lv: "Konsultācijas (mācību priekšmetos vai atbalsta personāla)",
                          en: "Consultations (subject or support staff)")
        case .consultativeSupport:
            LocalizedText(lv: "Konsultatīvais atbalsts (pedagoga profesionāli virzīta saruna)",
                          en: "Consultative support (a professionally guided conversation)")
        case .crisisSupport: LocalizedText(lv: "Atbalsts krīzes situācijā", en: "Support in a crisis")
        case .holidaySupport: LocalizedText(lv: "Atbalsts skolas brīvlaikos", en: "Support during school holidays")
        }
    }
}
