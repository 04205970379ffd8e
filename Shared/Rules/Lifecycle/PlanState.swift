/// The states of a plan (DOMAIN.md §3; the real system's Projekts, Saskaņošanā, Apstiprināts,
/// Īstenošanā, Apturēts, Pārskatīšanā, Neaktīvs).
public enum PlanState: String, Codable, Sendable, CaseIterable, Hashable {
    /// Being prepared (Projekts).
    case draft
    /// Sent by the preparer; awaiting automatic validation.
    case submitted
    /// Passed validation; ready to be forwarded for approval.
    case validated
    /// Failed validation; the preparer fixes it and submits again.
    case rejectedByValidation = "rejected_by_validation"
    /// Awaiting the institution head (director).
    case awaitingInstitutionHead = "awaiting_institution_head"
    /// Awaiting the municipality coordinator (municipal institutions only).
    case awaitingMunicipality = "awaiting_municipality"
    /// Awaiting the IKVD expert (final level).
    case awaitingIKVD = "awaiting_ikvd"
    /// Approved at every level (Apstiprināts).
    case approved
    /// Support is being delivered (Īstenošanā).
    case inImplementation = "in_implementation"
    /// Returned for revision by an approver, with a comment.
    case returned
    /// Suspended with a reason (Apturēts).
    case suspended
    /// A change to an approved plan is being made (Pārskatīšanā).
    case underReview = "under_review"
    /// The semester report is written.
    case reported
    /// Closed; final.
    case closed
    /// Deleted (Neaktīvs); final. Nothing is physically erased.
    case deleted

    /// Whether no command applies any more.
    public var isFinal: Bool { self == .closed || self == .deleted }

    /// The approval level a plan in this state waits for, if any.
    public var awaitedLevel: ApprovalLevel? {
        switch self {
        case .awaitingInstitutionHead: .institutionHead
        case .awaitingMunicipality: .municipality
        case .awaitingIKVD: .ikvd
        default: nil
        }
    }

    /// The state in Latvian (as the real system names it) and English.
    public var label: LocalizedText {
        switch self {
        case .draft: LocalizedText(lv: "Projekts", en: "Draft")
        case .submitted: LocalizedText(lv: "Iesniegts", en: "Submitted")
        case .validated: LocalizedText(lv: "Pārbaudīts", en: "Validated")
        case .rejectedByValidation: LocalizedText(lv: "Noraidīts pārbaudē", en: "Rejected by validation")
        case .awaitingInstitutionHead: LocalizedText(lv: "Saskaņošanā (iestādes vadītājs)", en: "Awaiting the institution head")
        case .awaitingMunicipality: LocalizedText(lv: "Saskaņošanā (pašvaldība)", en: "Awaiting the municipality")
        case .awaitingIKVD: LocalizedText(lv: "Saskaņošanā (IKVD)", en: "Awaiting IKVD")
        case .approved: LocalizedText(lv: "Apstiprināts", en: "Approved")
        case .inImplementation: LocalizedText(lv: "Īstenošanā", en: "In implementation")
        case .returned: LocalizedText(lv: "Atgriezts labošanai", en: "Returned for revision")
        case .suspended: LocalizedText(lv: "Apturēts", en: "Suspended")
        case .underReview: LocalizedText(lv: "Pārskatīšanā", en: "Under review")
        case .reported: LocalizedText(lv: "Atskaite iesniegta", en: "Reported")
        case .closed: LocalizedText(lv: "Slēgts", en: "Closed")
        case .deleted: LocalizedText(lv: "Neaktīvs", en: "Deleted")
        }
    }
}

/// The approval levels.
public enum ApprovalLevel: String, Codable, Sendable, CaseIterable, Hashable {
    /// The institution head (director): first level.
    case institutionHead = "institution_head"
    /// The municipality coordinator: second level, municipal institutions only.
    case municipality
    /// The IKVD expert: final level.
    case ikvd

    /// The role that decides at this level.
    public var approver: ActorRole {
        switch self {
        case .institutionHead: .institutionHead
        case .municipality: .municipalityCoordinator
        case .ikvd: .ikvdExpert
        }
    }
}

/// Who issues a command.
public enum ActorRole: String, Codable, Sendable, CaseIterable, Hashable {
    /// The platform itself (validation results, consent revocation from intake).
    case system
    /// The plan's preparer.
    case preparer
    /// The institution's project coordinator.
    case institutionCoordinator = "institution_coordinator"
    /// The institution head (director).
    case institutionHead = "institution_head"
    /// The municipality coordinator.
    case municipalityCoordinator = "municipality_coordinator"
    /// An IKVD expert.
    case ikvdExpert = "ikvd_expert"
}
