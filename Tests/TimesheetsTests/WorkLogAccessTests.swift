@testable import Timesheets
import Auth
import Foundation
import Testing

/// Who sees which work record.
@Suite("Work record visibility")
struct WorkLogAccessTests {
    static let municipality = UUID()
    static let school = InstitutionScopeFacts(institutionId: UUID(), municipalityId: municipality, region: "Latgale")
    static let owner = UUID()

    func sees(_ role: Role, _ scope: Scope, person: UUID = UUID()) throws -> Bool {
        WorkLogAccess.canSee(owner: Self.owner, institution: Self.school, by: try Principal(personId: person, role: role, scope: scope))
    }

    @Test("the owner sees their own; other specialists and preparers do not")
    func own() throws {
        #expect(try sees(.specialist, .institution(Self.school.institutionId), person: Self.owner))
        #expect(try !sees(.specialist, .institution(Self.school.institutionId)))
        #expect(try !sees(.preparer, .institution(Self.school.institutionId)))
        #expect(try !sees(.specialist, .institution(UUID()), person: Self.owner), "not through another institution's token")
    }

    @Test("overseers see the institutions their scope reaches")
    func overseers() throws {
        #expect(try sees(.institutionCoordinator, .institution(Self.school.institutionId)))
        #expect(try sees(.institutionHead, .institution(Self.school.institutionId)))
        #expect(try !sees(.institutionCoordinator, .institution(UUID())))
        #expect(try sees(.municipalityCoordinator, .municipality(Self.municipality)))
        #expect(try !sees(.municipalityCoordinator, .municipality(UUID())))
        #expect(try sees(.ikvdExpert, .region("Latgale")))
        #expect(try !sees(.ikvdExpert, .region("Kurzeme")))
        #expect(try sees(.ikvdAdmin, .national))
        #expect(try !sees(.finance, .national))
        #expect(!WorkLogAccess.readers.contains(.finance))
    }
}
