import Auth
import Foundation
import Intake
import Rules
import Testing

@Suite("Role assignment policy")
struct AssignmentPolicyTests {
    static let municipality = UUID()
    static let school = InstitutionScopeFacts(institutionId: UUID(), municipalityId: municipality, region: "Latgale")
    static let otherSchool = InstitutionScopeFacts(institutionId: UUID(), municipalityId: UUID(), region: "Kurzeme")
    static let vpii = InstitutionScopeFacts(institutionId: UUID(), municipalityId: nil, region: "Rīga")

    static func principal(_ role: Role, _ scope: Scope) throws -> Principal {
        try Principal(personId: UUID(), role: role, scope: scope)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var assigner: Principal
        var role: Role
        var scope: Scope
        var institution: InstitutionScopeFacts?
        var refusal: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let admin = try! principal(.ikvdAdmin, .national)  // test fixture: valid by construction
        let head = try! principal(.institutionHead, .institution(school.institutionId))
        let coordinator = try! principal(.municipalityCoordinator, .municipality(municipality))
        let preparer = try! principal(.preparer, .institution(school.institutionId))
        return [
            Case(name: "admin assigns a head", assigner: admin, role: .institutionHead, scope: .institution(school.institutionId), institution: school),
            Case(name: "admin assigns a municipality coordinator", assigner: admin, role: .municipalityCoordinator, scope: .municipality(municipality)),
            Case(name: "admin assigns a VPII coordinator to a VPII", assigner: admin, role: .vpiiCoordinator, scope: .institution(vpii.institutionId), institution: vpii),
            Case(name: "admin may not make a VPII coordinator of a municipal school", assigner: admin, role: .vpiiCoordinator, scope: .institution(school.institutionId), institution: school, refusal: "assignment.vpii_only"),
            Case(name: "admin may not assign a preparer (the head does)", assigner: admin, role: .preparer, scope: .institution(school.institutionId), institution: school, refusal: "assignment.role_not_assignable"),
            Case(name: "admin may not assign another admin", assigner: admin, role: .ikvdAdmin, scope: .national, refusal: "assignment.role_not_assignable"),
            Case(name: "head assigns a preparer in own school", assigner: head, role: .preparer, scope: .institution(school.institutionId), institution: school),
            Case(name: "head assigns a specialist in own school", assigner: head, role: .specialist, scope: .institution(school.institutionId), institution: school),
            Case(name: "head assigns the institution coordinator", assigner: head, role: .institutionCoordinator, scope: .institution(school.institutionId), institution: school),
            Case(name: "head may not assign in another school", assigner: head, role: .preparer, scope: .institution(otherSchool.institutionId), institution: otherSchool, refusal: "assignment.out_of_scope"),
            Case(name: "head may not assign a head (above own rights)", assigner: head, role: .institutionHead, scope: .institution(school.institutionId), institution: school, refusal: "assignment.role_not_assignable"),
            Case(name: "head may not give a preparer a national scope", assigner: head, role: .preparer, scope: .national, refusal: "assignment.scope_mismatch"),
            Case(name: "institution facts must match the scope", assigner: head, role: .preparer, scope: .institution(school.institutionId), institution: otherSchool, refusal: "assignment.institution_unknown"),
            Case(name: "municipality coordinator assigns nobody", assigner: coordinator, role: .preparer, scope: .institution(school.institutionId), institution: school, refusal: "assignment.role_not_assignable"),
            Case(name: "preparer assigns nobody", assigner: preparer, role: .specialist, scope: .institution(school.institutionId), institution: school, refusal: "assignment.role_not_assignable"),
        ]
    }()

    @Test("who may assign what", arguments: cases)
    func policy(_ c: Case) {
        let result = AssignmentPolicy.check(assigner: c.assigner, role: c.role, scope: c.scope, institution: c.institution)
        switch result {
        case .success: #expect(c.refusal == nil, "expected refusal \(c.refusal ?? "")")
        case .failure(let refusal):
            #expect(refusal.code == c.refusal)
            #expect(!refusal.message.lv.isEmpty && !refusal.message.en.isEmpty)
        }
    }

    @Test("nobody assigns a role to themselves; anyone else is a possible target")
    func notToOneself() throws {
        for role in [Role.institutionHead, .ikvdAdmin] {
            let assigner = try Self.principal(role, role == .ikvdAdmin ? .national : .institution(Self.school.institutionId))
            guard case .failure(let refusal) = AssignmentPolicy.checkTarget(assigner: assigner, personId: assigner.personId) else {
                Issue.record("\(role) assigned themselves"); continue
            }
            #expect(refusal.code == "assignment.self")
            #expect(!refusal.message.lv.isEmpty && !refusal.message.en.isEmpty)
            #expect((try? AssignmentPolicy.checkTarget(assigner: assigner, personId: UUID()).get()) != nil)
        }
    }

    @Test("no role can hand out a role it could not be given by someone above it")
    func nothingAboveOwnRights() {
        for role in Role.allCases {
            #expect(!AssignmentPolicy.assignableRoles(by: role).contains(role), "\(role) assigns itself")
        }
        #expect(AssignmentPolicy.assignableRoles(by: .institutionHead).isDisjoint(with: AssignmentPolicy.assignableRoles(by: .ikvdAdmin)))
    }
}
