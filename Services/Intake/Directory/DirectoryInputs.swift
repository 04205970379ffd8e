import Auth
import Foundation
import Mail
import HTTPTypes
import Rules
import ServiceKit

/// `POST /directory/municipalities`.
struct NewMunicipality: Codable, Sendable {
    var name: String
    var region: String
}

/// `POST /directory/institutions`. A municipal institution names its municipality (the region
/// comes from it); a state one (VPII when vocational) names its region and has no municipality.
struct NewInstitution: Codable, Sendable {
    var name: String
    var kind: InstitutionKind
    var founder: InstitutionFounder
    var municipalityId: UUID?
    var region: String?
}

/// `POST /directory/people`.
struct NewPerson: Codable, Sendable {
    var name: String
    var email: String
    /// `lv` (default) or `en`: the language of their emails.
    var language: String?
    /// Their identity provider's subject (`sub`), for signing in to the portal; stored as a keyed
    /// hash only. Set when the person is first registered.
    var signInSubject: String?
}

/// `POST /directory/assignments`.
struct NewAssignment: Codable, Sendable {
    var personId: UUID
    var role: Role
    var scope: ScopeInput
}

/// A scope in requests and responses: `{"kind":"institution","id":"…"}`, `{"kind":"region","region":"Latgale"}`.
struct ScopeInput: Codable, Sendable, Equatable {
    var kind: Scope.Kind
    var id: UUID?
    var region: String?

    init(kind: Scope.Kind, id: UUID? = nil, region: String? = nil) {
        self.kind = kind
        self.id = id
        self.region = region
    }

    init(_ scope: Scope) {
        switch scope {
        case .national: self.init(kind: .national)
        case .region(let name): self.init(kind: .region, region: name)
        case .municipality(let id): self.init(kind: .municipality, id: id)
        case .institution(let id): self.init(kind: .institution, id: id)
        }
    }

    /// The scope, or a problem naming the missing part.
    func scope(field: String) throws(ProblemDetails) -> Scope {
        switch kind {
        case .national: return .national
        case .region:
            guard let region, PlanningRegion.all.contains(region) else {
                throw DirectoryProblems.unknownRegion("\(field).region")
            }
            return .region(region)
        case .municipality, .institution:
            guard let id else {
                throw CommonProblems.invalidField("\(field).id", "scope.id_required",
                                                  lv: "Norādiet darbības jomas identifikatoru.", en: "Give the scope's id.")
            }
            return kind == .municipality ? .municipality(id) : .institution(id)
        }
    }
}

/// Text checks shared by the directory's inputs.
enum DirectoryText {
    /// A single-line name: 1–200 characters, no line breaks or tabs (names go into email headers).
    static func name(_ text: String, field: String) throws(ProblemDetails) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200, !StrictJSON.hasForbiddenControl(trimmed, allowLineBreaks: false) else {
            throw CommonProblems.invalidField(field, "text.single_line",
                                              lv: "Nosaukumam jābūt 1–200 rakstzīmēm vienā rindā.",
                                              en: "The name must be 1–200 characters on one line.")
        }
        return trimmed
    }

    /// An email address as the mail library accepts it (`Mail.EmailAddress`: the same rules that
    /// make it safe in an SMTP envelope and a header).
    static func email(_ text: String, field: String) throws(ProblemDetails) -> String {
        guard let address = EmailAddress(text) else {
            throw CommonProblems.invalidField(field, "email.format", lv: "Nederīga e-pasta adrese.", en: "Invalid email address.")
        }
        return address.value
    }
}

/// The directory's own problems.
enum DirectoryProblems {
    static func unknownRegion(_ field: String) -> ProblemDetails {
        CommonProblems.invalidField(field, "region.unknown",
                                    lv: "Reģions jānorāda kā viens no: \(PlanningRegion.all.sorted().joined(separator: ", ")).",
                                    en: "The region must be one of: \(PlanningRegion.all.sorted().joined(separator: ", ")).")
    }

    static func refusal(_ refusal: AssignmentPolicy.Refusal, field: String) -> ProblemDetails {
        ProblemDetails(status: .forbidden, type: "urn:pumpurs:problem:assignment-refused",
                       title: "Lomu nevar piešķirt / The role cannot be assigned",
                       detail: "\(refusal.message.lv) / \(refusal.message.en)",
                       errors: [.init(field: field, rule: refusal.code, message: refusal.message.lv, messageEn: refusal.message.en)])
    }
}
