import Auth
import Foundation
import Testing

@Suite("Roles and scopes")
struct RoleScopeTests {
    /// DOMAIN.md §2: which scope kinds each role may hold.
    static let allowed: [Role: Set<Scope.Kind>] = [
        .ikvdAdmin: [.national],
        .ikvdExpert: [.national, .region],
        .municipalityCoordinator: [.municipality],
        .vpiiCoordinator: [.institution],
        .institutionHead: [.institution],
        .institutionCoordinator: [.institution],
        .preparer: [.institution],
        .specialist: [.institution],
        .finance: [.national],
    ]

    static let sampleScope: [Scope.Kind: Scope] = [
        .national: .national,
        .region: .region("Latgale"),
        .municipality: .municipality(UUID()),
        .institution: .institution(UUID()),
    ]

    @Test("Raw values are the token's role claim")
    func rawValues() {
        #expect(Role.allCases.map(\.rawValue) == [
            "ikvd_admin", "ikvd_expert", "municipality_coordinator", "vpii_coordinator", "institution_head",
            "institution_coordinator", "preparer", "specialist", "finance",
        ])
    }

    @Test("Every role × scope kind: permitted exactly as DOMAIN.md §2 says",
          arguments: Role.allCases, Scope.Kind.allCases)
    func permits(role: Role, kind: Scope.Kind) throws {
        let expected = try #require(Self.allowed[role]).contains(kind)
        let scope = try #require(Self.sampleScope[kind])
        #expect(role.permits(scope) == expected)
        if expected {
            #expect(throws: Never.self) { try Principal(personId: UUID(), role: role, scope: scope) }
        } else {
            #expect(throws: AuthFailure.scopeMismatch) { try Principal(personId: UUID(), role: role, scope: scope) }
        }
    }
}

/// The directory in miniature: two regions, three municipalities, municipal schools and VPIIs.
enum Directory {
    static let latgale = "Latgale", kurzeme = "Kurzeme"
    static let m1 = UUID(), m2 = UUID(), m3 = UUID()
    /// School A and B in M1 (Latgale), C in M2 (Latgale), D in M3 (Kurzeme);
    /// V a VPII in Latgale, W a VPII in Kurzeme.
    static let a = InstitutionScopeFacts(institutionId: UUID(), municipalityId: m1, region: latgale)
    static let b = InstitutionScopeFacts(institutionId: UUID(), municipalityId: m1, region: latgale)
    static let c = InstitutionScopeFacts(institutionId: UUID(), municipalityId: m2, region: latgale)
    static let d = InstitutionScopeFacts(institutionId: UUID(), municipalityId: m3, region: kurzeme)
    static let v = InstitutionScopeFacts(institutionId: UUID(), municipalityId: nil, region: latgale)
    static let w = InstitutionScopeFacts(institutionId: UUID(), municipalityId: nil, region: kurzeme)
    static let all: [(String, InstitutionScopeFacts)] = [("A", a), ("B", b), ("C", c), ("D", d), ("V", v), ("W", w)]
}

struct CoverageCase: Sendable, CustomTestStringConvertible {
    var role: Role
    var scope: Scope
    var scopeLabel: String
    /// Names from ``Directory/all`` the principal must cover; every other one it must not.
    var covers: Set<String>

    var testDescription: String { "\(role.rawValue) @ \(scopeLabel) covers \(covers.sorted())" }
}

@Suite("Scope coverage")
struct CoverageTests {
    static let everything: Set<String> = ["A", "B", "C", "D", "V", "W"]

    static let cases: [CoverageCase] = {
        var cases: [CoverageCase] = [
            .init(role: .ikvdAdmin, scope: .national, scopeLabel: "national", covers: everything),
            .init(role: .finance, scope: .national, scopeLabel: "national", covers: everything),
            .init(role: .ikvdExpert, scope: .national, scopeLabel: "national", covers: everything),
            .init(role: .ikvdExpert, scope: .region(Directory.latgale), scopeLabel: "region Latgale",
                  covers: ["A", "B", "C", "V"]),
            .init(role: .ikvdExpert, scope: .region(Directory.kurzeme), scopeLabel: "region Kurzeme", covers: ["D", "W"]),
            .init(role: .ikvdExpert, scope: .region("Vidzeme"), scopeLabel: "region Vidzeme", covers: []),
            .init(role: .municipalityCoordinator, scope: .municipality(Directory.m1), scopeLabel: "municipality M1",
                  covers: ["A", "B"]),
            .init(role: .municipalityCoordinator, scope: .municipality(Directory.m2), scopeLabel: "municipality M2",
                  covers: ["C"]),
            .init(role: .vpiiCoordinator, scope: .institution(Directory.v.institutionId), scopeLabel: "institution V (VPII)",
                  covers: ["V"]),
            // A VPII coordinator grant naming a municipal school reaches nothing, not even that school.
            .init(role: .vpiiCoordinator, scope: .institution(Directory.a.institutionId), scopeLabel: "institution A (municipal)",
                  covers: []),
        ]
        for role in [Role.institutionHead, .institutionCoordinator, .preparer, .specialist] {
            cases.append(.init(role: role, scope: .institution(Directory.a.institutionId), scopeLabel: "institution A", covers: ["A"]))
            cases.append(.init(role: role, scope: .institution(Directory.v.institutionId), scopeLabel: "institution V", covers: ["V"]))
            cases.append(.init(role: role, scope: .institution(UUID()), scopeLabel: "unknown institution", covers: []))
        }
        return cases
    }()

    @Test("covers(institution:) for every role and scope", arguments: cases)
    func covers(_ testCase: CoverageCase) throws {
        let principal = try Principal(personId: UUID(), role: testCase.role, scope: testCase.scope)
        for (name, facts) in Directory.all {
            #expect(principal.covers(institution: facts) == testCase.covers.contains(name), "institution \(name)")
        }
    }

    @Test("Every role appears in the coverage table")
    func everyRoleTabled() {
        #expect(Set(Self.cases.map(\.role)) == Set(Role.allCases))
    }

    @Test("covers(municipality:region:) follows the scope")
    func municipalityCoverage() throws {
        let expert = try Principal(personId: UUID(), role: .ikvdExpert, scope: .region(Directory.latgale))
        #expect(expert.covers(municipality: Directory.m1, region: Directory.latgale))
        #expect(!expert.covers(municipality: Directory.m3, region: Directory.kurzeme))
        let coordinator = try Principal(personId: UUID(), role: .municipalityCoordinator, scope: .municipality(Directory.m1))
        #expect(coordinator.covers(municipality: Directory.m1, region: Directory.latgale))
        #expect(!coordinator.covers(municipality: Directory.m2, region: Directory.latgale))
        let head = try Principal(personId: UUID(), role: .institutionHead, scope: .institution(Directory.a.institutionId))
        #expect(!head.covers(municipality: Directory.m1, region: Directory.latgale))
        let admin = try Principal(personId: UUID(), role: .ikvdAdmin, scope: .national)
        #expect(admin.covers(municipality: Directory.m3, region: Directory.kurzeme))
    }
}
