/// What the validator needs to know beyond the plan itself, gathered by the caller.
public struct ValidationContext: Codable, Sendable, Hashable {
    /// The plan's institution.
    public var institution: InstitutionProfile
    /// The student's birth date (from the old-format personal code, or entered separately
    /// for new-format codes); age is taken on the semester's start date (DOMAIN.md §3).
    public var studentBirthDate: CalendarDate?
    /// The student's age in whole years on the semester's start date, for callers that must not
    /// see the birth date (messages carry this instead, issue #17 item 8). Used when present;
    /// otherwise the age is derived from `studentBirthDate`. Absent from older JSON.
    public var studentAgeAtSemesterStart: Int?
    /// The kinds of the evidence documents uploaded to this plan (status certificates, statements,
    /// extracts). Only attached documents count (seed 000 item 7); naming one is not having it.
    public var documentsOnFile: Set<EvidenceKind>
    /// Documents carried forward from the student's earlier plan, with their original upload
    /// date: each counts while `EvidenceValidity` says it is still valid for this semester.
    public var carriedDocuments: [CarriedDocument]
    /// The consent application on file, if any.
    public var consent: ConsentRecord?
    /// Support the student receives in other ESF projects, as declared (seed 000 item 14).
    public var otherESFSupport: [OtherESFSupport]
    /// The student's other plans (any institution), to find duplicates in the semester.
    public var otherPlans: [ExistingPlan]

    /// Creates a context.
    public init(institution: InstitutionProfile, studentBirthDate: CalendarDate?,
                documentsOnFile: Set<EvidenceKind> = [], consent: ConsentRecord?,
                otherESFSupport: [OtherESFSupport] = [], otherPlans: [ExistingPlan] = [],
                studentAgeAtSemesterStart: Int? = nil, carriedDocuments: [CarriedDocument] = []) {
        self.institution = institution
        self.studentBirthDate = studentBirthDate
        self.studentAgeAtSemesterStart = studentAgeAtSemesterStart
        self.documentsOnFile = documentsOnFile
        self.carriedDocuments = carriedDocuments
        self.consent = consent
        self.otherESFSupport = otherESFSupport
        self.otherPlans = otherPlans
    }
}

extension ValidationContext {
    private enum CodingKeys: String, CodingKey {
        case institution, studentBirthDate, studentAgeAtSemesterStart, documentsOnFile, carriedDocuments
        case consent, otherESFSupport, otherPlans
    }

    /// Decodes a context; `carriedDocuments` is absent from contexts written before it existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        institution = try container.decode(InstitutionProfile.self, forKey: .institution)
        studentBirthDate = try container.decodeIfPresent(CalendarDate.self, forKey: .studentBirthDate)
        studentAgeAtSemesterStart = try container.decodeIfPresent(Int.self, forKey: .studentAgeAtSemesterStart)
        documentsOnFile = try container.decode(Set<EvidenceKind>.self, forKey: .documentsOnFile)
        carriedDocuments = try container.decodeIfPresent([CarriedDocument].self, forKey: .carriedDocuments) ?? []
        consent = try container.decodeIfPresent(ConsentRecord.self, forKey: .consent)
        otherESFSupport = try container.decode([OtherESFSupport].self, forKey: .otherESFSupport)
        otherPlans = try container.decode([ExistingPlan].self, forKey: .otherPlans)
    }
}

/// An evidence document carried forward from an earlier plan of the same student.
public struct CarriedDocument: Codable, Sendable, Hashable {
    /// What the document is.
    public var kind: EvidenceKind
    /// When it was first uploaded (to the earlier plan).
    public var uploadedOn: CalendarDate
    /// The last day the document itself says it is valid, if it says so (a status certificate).
    public var validUntil: CalendarDate?

    /// Creates a carried document.
    public init(kind: EvidenceKind, uploadedOn: CalendarDate, validUntil: CalendarDate? = nil) {
        self.kind = kind
        self.uploadedOn = uploadedOn
        self.validUntil = validUntil
    }
}

/// A signed consent application (seed 000 item 8, annexes 1 and 2).
public struct ConsentRecord: Codable, Sendable, Hashable {
    /// Who signed.
    public var signer: ConsentSigner
    /// When it was signed.
    public var signedOn: CalendarDate
    /// Whether it has been revoked (revoked consent suspends the plan).
    public var revoked: Bool

    /// Creates a consent record.
    public init(signer: ConsentSigner, signedOn: CalendarDate, revoked: Bool = false) {
        self.signer = signer
        self.signedOn = signedOn
        self.revoked = revoked
    }
}

/// Who signs the consent.
public enum ConsentSigner: String, Codable, Sendable, CaseIterable, Hashable {
    /// An adult student signs their own (annex 1).
    case student
    /// A minor's parent or guardian signs (annex 2).
    case parentOrGuardian = "parent_or_guardian"

    /// Who signs for a student of `age` on the semester's first day: an adult their own, a minor's
    /// parent or guardian (seed 000 item 8; DOMAIN.md §3).
    public static func expected(forAge age: Int) -> ConsentSigner { age >= 18 ? .student : .parentOrGuardian }
}

/// Support declared from another ESF project.
public struct OtherESFSupport: Codable, Sendable, Hashable {
    /// The other project's name or number.
    public var project: String
    /// The measures the student receives there.
    public var measures: Set<MeasureType>

    /// Creates a declaration.
    public init(project: String, measures: Set<MeasureType>) {
        self.project = project
        self.measures = measures
    }
}

/// Another plan of the same student.
public struct ExistingPlan: Codable, Sendable, Hashable {
    /// That plan's code.
    public var id: String
    /// Its institution.
    public var institutionId: String
    /// Its semester.
    public var semester: SemesterRef
    /// Deleted plans (Neaktīvs) do not count.
    public var isDeleted: Bool

    /// Creates a reference.
    public init(id: String, institutionId: String, semester: SemesterRef, isDeleted: Bool = false) {
        self.id = id
        self.institutionId = institutionId
        self.semester = semester
        self.isDeleted = isDeleted
    }
}
