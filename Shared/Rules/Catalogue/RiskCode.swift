/// The 33 risk codes of seed 000 (32 named risks and "other"), stable across releases.
public enum RiskCode: String, Codable, Sendable, CaseIterable, Hashable, Comparable, CodingKeyRepresentable {
    /// Unexcused absences.
    case L01
    /// Failing grades.
    case L02
    /// Difficulty learning the content.
    case L03
    /// Gaps from the previous stage of education.
    case L04
    /// Behaviour problems.
    case L05
    /// Conflicts with classmates/schoolmates/coursemates.
    case L06
    /// Conflicts with teachers.
    case L07
    /// Violence, bullying or exclusion directed at the student.
    case L08
    /// Repeating a year.
    case L09
    /// Poor cooperation between institution and family.
    case L10
    /// Language barrier.
    case L11
    /// Verbal or physical aggression.
    case L12
    /// Overload (studies, hobby education, pre-professional).
    case L13
    /// Ill parent or other relative.
    case S01
    /// Special needs.
    case S02
    /// Disability.
    case S03
    /// Pregnancy.
    case S04
    /// Has a young child or children.
    case S05
    /// Married or in a relationship.
    case S06
    /// Hard to get to the institution.
    case E01
    /// Not enough money for basic needs.
    case E02
    /// Family cannot provide individual learning materials.
    case E03
    /// No internet at home.
    case E04
    /// Student's debts, payday loans.
    case E05
    /// Household duties.
    case E06
    /// Parents work elsewhere or are away for long.
    case F01
    /// Looks after siblings or others.
    case F02
    /// Parents have addictions.
    case F03
    /// Parents do not support learning.
    case F04
    /// Parents are over-involved.
    case F05
    /// Conflicts in the family.
    case F06
    /// In out-of-family care.
    case F07
    /// Another risk, named by the preparer.
    case O01

    /// Catalogue order.
    public static func < (lhs: RiskCode, rhs: RiskCode) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// The risk's group.
    public var group: RiskGroup {
        switch rawValue.first {
        case "L": .learning
        case "S": .socialHealth
        case "E": .economic
        case "F": .family
        default: .other
        }
    }

    /// Whether the plan must name the subjects and say how the support reduces the risk
    /// (seed 000 item 20: L01–L04).
    public var needsSubjects: Bool { [.L01, .L02, .L03, .L04].contains(self) }

    /// Whether the preparer must name the risk (O01).
    public var needsName: Bool { self == .O01 }

    /// The evidence the risk requires beyond its justification (seed 000).
    public var evidence: EvidenceRequirement {
        switch self {
        case .L01: .document(.viisAttendanceExtract)
        case .L02: .documentIfIssued(.gradeReport)
        case .L06, .L07: .descriptionOrDocument(.staffReport)
        case .S01: .documentIfProvider(.medicalStatement, providers: [.occupationalTherapist, .assistant])
        case .S03: .document(.disabilityCertificate)
        case .E02: .anyOf([.needyCertificate, .lowIncomeCertificate])
        case .E03: .anyOf([.lowIncomeCertificate, .no851SupportStatement])
        case .O01: .asTheRiskRequires
        default: .descriptionOnly
        }
    }
}
