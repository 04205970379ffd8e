import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import NIOCore
import Postgres
import Rules
import TestSupport
import Testing

/// `POST /plans` through the router (no socket) with real tokens and the real database.
@Suite("Intake HTTP: create a plan draft")
struct IntakeHTTPTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!
    static let code = "161175-19997"

    struct Fixture {
        var app: Application<RouterResponder<AuthenticatedRequestContext>>
        var minter: TokenMinter
        var otherMinter: TokenMinter
        var pool: PostgresPool
    }

    static func fixture() async throws -> Fixture {
        let service = IntegrationEnvironment.uniqueServiceName("intakehttp")
        let pool = try await IntegrationEnvironment.provisionService(service, migrations: IntakeMigrations.all)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let otherKey = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p2.pem", publicKeyFile: directory + "/k2.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let keys = StudentKeys.generate()
        let drafts = PlanDrafts(students: StudentRegistry(vault: PersonalCodeVault(
            keys: try StudentKeys(encryptionBase64: keys.encryptionBase64, lookupBase64: keys.lookupBase64))))
        let router = Router(context: AuthenticatedRequestContext.self)
        IntakeRoutes(pool: pool, drafts: drafts, verifier: verifier, maxBodyBytes: 1024, today: { today })
            .register(on: router)
        return Fixture(app: Application(router: router),
                       minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"),
                       otherMinter: await TokenMinter(privateKey: otherKey, issuer: "test", audience: "pumpurs"),
                       pool: pool)
    }

    static func body(_ json: String) -> ByteBuffer { ByteBuffer(string: json) }

    @Test("as preparers and strangers would use it")
    func createDraft() async throws {
        let f = try await Self.fixture()
        let school = UUID()
        let preparer = try await f.minter.mint(personId: UUID(), role: .preparer, scope: .institution(school))
        let otherSchoolPreparer = try await f.minter.mint(personId: UUID(), role: .preparer, scope: .institution(UUID()))
        let specialist = try await f.minter.mint(personId: UUID(), role: .specialist, scope: .institution(school))
        let forged = try await f.otherMinter.mint(personId: UUID(), role: .preparer, scope: .institution(school))
        let good = #"{"institutionId":"\#(school.uuidString)","personalCode":"\#(Self.code)","semester":"2026/2027-1"}"#

        try await f.app.test(.router) { client in
            func post(_ token: String?, _ json: String) async throws -> (HTTPResponse.Status, String) {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let token { headers[.authorization] = "Bearer \(token)" }
                return try await client.execute(uri: "/plans", method: .post, headers: headers, body: Self.body(json)) {
                    ($0.status, String(buffer: $0.body))
                }
            }
            let (created, createdBody) = try await post(preparer, good)
            #expect(created == .created)
            #expect(createdBody.contains(#""status":"draft""#) && createdBody.contains(#""studentCode":"S-"#))
            #expect(!createdBody.contains("161175"), "the response never carries the personal code")

            let (duplicate, duplicateBody) = try await post(preparer, good)
            #expect(duplicate == .conflict && duplicateBody.contains("plan.duplicate_in_semester"))

            #expect(try await post(nil, good).0 == .unauthorized)
            #expect(try await post(forged, good).0 == .unauthorized, "a token signed with another key")
            #expect(try await post(specialist, good).0 == .forbidden, "wrong role")
            #expect(try await post(otherSchoolPreparer, good).0 == .forbidden, "wrong institution")

            let badCode = #"{"institutionId":"\#(school.uuidString)","personalCode":"161175-19998","semester":"2026/2027-1"}"#
            let (invalid, invalidBody) = try await post(preparer, badCode)
            #expect(invalid == .unprocessableContent)
            #expect(invalidBody.contains(#""field":"personalCode""#) && invalidBody.contains("personal_code.checksum"))
            #expect(!invalidBody.contains("161175"), "errors never echo the personal code")

            let (unknown, unknownBody) = try await post(preparer, #"{"institutionId":"\#(school.uuidString)","personalCode":"\#(Self.code)","semester":"2026/2027-1","role":"ikvd_admin"}"#)
            #expect(unknown == .unprocessableContent && unknownBody.contains(#""field":"role""#))

            let (badSemester, semesterBody) = try await post(preparer, #"{"institutionId":"\#(school.uuidString)","personalCode":"\#(Self.code)","semester":"2026-1"}"#)
            #expect(badSemester == .unprocessableContent && semesterBody.contains("semester.format"))

            let injection = #"{"institutionId":"\#(school.uuidString)","personalCode":"'; DROP TABLE plans; --","semester":"2026/2027-1"}"#
            #expect(try await post(preparer, injection).0 == .unprocessableContent)

            let oversized = #"{"institutionId":"\#(school.uuidString)","personalCode":"\#(String(repeating: "1", count: 2000))","semester":"2026/2027-1"}"#
            #expect(try await post(preparer, oversized).0 == .contentTooLarge)
        }
        let plans = try await f.pool.withConnection { try $0.query("SELECT count(*) AS n FROM plans").single().decode("n", as: Int.self) }
        #expect(plans == 1, "only the one valid request wrote anything")
        await f.pool.shutdown()
    }
}
