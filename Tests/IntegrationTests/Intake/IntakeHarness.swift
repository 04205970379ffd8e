import Auth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import NIOCore
import Postgres
import Rules
import ServiceKit
import TestSupport
import Testing

/// The intake API over the router (no socket) with the real database, real tokens from a
/// development key, and minters for every kind of bad token.
struct IntakeHarness {
    static let today = CalendarDate(year: 2026, month: 11, day: 22)!
    /// Born 2008-03-10: 14 on the first day of semester 2022/2023-1 (inside the programme period).
    static let code = "100308-20018"
    static let otherCode = "220507-20004"
    static let semester = "2022/2023-1"

    let service: String
    let pool: PostgresPool
    let app: Application<RouterResponder<AuthenticatedRequestContext>>
    let minter: TokenMinter
    let foreignKeyMinter: TokenMinter
    let wrongIssuerMinter: TokenMinter
    let wrongAudienceMinter: TokenMinter
    let expiredMinter: TokenMinter

    static func make(_ tag: String, limits: IntakeAPI.Limits = IntakeAPI.Limits(jsonBody: 16 * 1024, document: 64 * 1024),
                     portalSecret: String? = nil) async throws -> IntakeHarness {
        let service = IntegrationEnvironment.uniqueServiceName(tag)
        let pool = try await IntegrationEnvironment.provisionService(service, migrations: IntakeMigrations.all)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-jwt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p.pem", publicKeyFile: directory + "/k.pem")
        let foreignKey = try DevelopmentKeyPair.ensure(privateKeyFile: directory + "/p2.pem", publicKeyFile: directory + "/k2.pem")
        let verifier = await TokenVerifier(issuer: "test", audience: "pumpurs",
                                           keys: try VerificationKeys.developmentPublicKey(file: directory + "/k.pem"))
        let generated = StudentKeys.generate()
        let keys = try StudentKeys(encryptionBase64: generated.encryptionBase64, lookupBase64: generated.lookupBase64)
        let router = Router(context: AuthenticatedRequestContext.self)
        IntakeAPI(pool: pool, keys: keys, verifier: verifier, limits: limits, portalSecret: portalSecret, today: { today }).register(on: router)
        return IntakeHarness(
            service: service, pool: pool, app: Application(router: router),
            minter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs"),
            foreignKeyMinter: await TokenMinter(privateKey: foreignKey, issuer: "test", audience: "pumpurs"),
            wrongIssuerMinter: await TokenMinter(privateKey: key, issuer: "someone-else", audience: "pumpurs"),
            wrongAudienceMinter: await TokenMinter(privateKey: key, issuer: "test", audience: "another-app"),
            expiredMinter: await TokenMinter(privateKey: key, issuer: "test", audience: "pumpurs",
                                             now: { Date().addingTimeInterval(-7200) }))
    }

    /// A token for `person`, who is recorded with the grant in intake's directory first.
    func token(_ role: Role, _ scope: Scope, person: UUID = UUID()) async throws -> String {
        try await TestGrants.directory(try Principal(personId: person, role: role, scope: scope), on: pool)
        return try await minter.mint(personId: person, role: role, scope: scope)
    }

    /// Runs `body` with a client; the pool is shut down afterwards.
    func run(_ body: @escaping @Sendable (API) async throws -> Void) async throws {
        try await app.test(.router) { client in try await body(API(client: client)) }
        await pool.shutdown()
    }

    func scalar(_ sql: String, _ parameters: [any PostgresBindable] = []) async throws -> Int {
        try await pool.withConnection { try $0.query(sql, parameters).single().decode(0, as: Int.self) }
    }
}

/// One HTTP reply.
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var body: String
    var headers: HTTPFields

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    /// `json[key]` as a string.
    func string(_ key: String) -> String? { json[key] as? String }

    /// The problem's `errors[].rule` values.
    var rules: [String] { (json["errors"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? [] }
    /// The problem's `errors[].field` values.
    var fields: [String] { (json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? [] }
}

/// A small client for the tests: method, path, token, JSON or raw body.
struct API: Sendable {
    let client: any TestClientProtocol

    func call(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil, bytes: [UInt8]? = nil,
              contentType: String = "application/json", headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(string: json) }
        if let bytes { body = ByteBuffer(bytes: bytes) }
        if body != nil { headers[.contentType] = contentType }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, body: String(buffer: response.body), headers: response.headers)
        }
    }

    func get(_ uri: String, _ token: String?) async throws -> Reply { try await call(.get, uri, token: token) }
    func post(_ uri: String, _ token: String?, _ json: String = "{}", headers: HTTPFields = [:]) async throws -> Reply {
        try await call(.post, uri, token: token, json: json, headers: headers)
    }
    func put(_ uri: String, _ token: String?, _ json: String) async throws -> Reply { try await call(.put, uri, token: token, json: json) }
}

/// A seeded directory: a municipality with a general school, and a VPII, registered by an IKVD admin.
struct SeededDirectory: Sendable {
    var admin: String
    var municipality: UUID
    var school: UUID
    var vpii: UUID

    static func seed(_ api: API, _ harness: IntakeHarness) async throws -> SeededDirectory {
        let admin = try await harness.token(.ikvdAdmin, .national)
        let municipality = try await api.post("/directory/municipalities", admin, #"{"name":"Ludzas novads \#(UUID().uuidString.prefix(6))","region":"Latgale"}"#)
        let municipalityId = try #require(municipality.string("id").flatMap(UUID.init(uuidString:)), "\(municipality.body)")
        let school = try await api.post("/directory/institutions", admin,
                                        #"{"name":"Ludzas 2. vidusskola","kind":"general","founder":"municipal","municipalityId":"\#(municipalityId)"}"#)
        let vpii = try await api.post("/directory/institutions", admin,
                                      #"{"name":"Rēzeknes tehnikums","kind":"vocational","founder":"state","region":"Latgale"}"#)
        return SeededDirectory(admin: admin, municipality: municipalityId,
                               school: try #require(school.string("id").flatMap(UUID.init(uuidString:)), "\(school.body)"),
                               vpii: try #require(vpii.string("id").flatMap(UUID.init(uuidString:)), "\(vpii.body)"))
    }
}

/// Plan content that passes every rule for a 14-year-old in a municipal general school.
enum SamplePlan {
    static let content = #"""
    {"card":{"gradeOrCourse":8,"preparerName":"Ilze Kalniņa",
      "situation":"Skolēns dzīvo ar vecmāmiņu, māte strādā Īrijā; mācību gada sākumā kavē un nepilda mājasdarbus.",
      "goal":"Semestra beigās matemātikā un latviešu valodā sasniegt vismaz 4 balles."},
     "risks":[
      {"code":"L02","level":"high","justification":"Matemātikā un latviešu valodā 1. semestra pirmajos ieskaites darbos četri nepietiekami vērtējumi; skolēns pats saka, ka nesaprot daļskaitļus.",
       "subjects":["matemātika","latviešu valoda"],
       "howSupportHelps":"Individuālas konsultācijas reizi nedēļā ļaus apgūt trūkstošās tēmas un nokārtot ieskaites."},
      {"code":"F04","level":"medium","justification":"Vecmāmiņa nepārbauda mājasdarbus un neapmeklē vecāku sapulces; māte ar skolu sazinās reizi mēnesī.",
       "subjects":[],"howSupportHelps":""}],
     "measures":[
      {"type":"consultation","addresses":["L02"],"kind":"consultation","providers":["teacher"],"plannedMinutes":960,
       "fundedElsewhere":false},
      {"type":"consultation","addresses":["F04"],"kind":"consultative_support","providers":["social_pedagogue"],"plannedMinutes":480,
       "fundedElsewhere":false}],
     "priorityRisk":"L02"}
    """#

    /// The same plan for a student of a state vocational institution (course 2).
    static var vocational: String {
        content.replacingOccurrences(of: #""gradeOrCourse":8"#, with: #""gradeOrCourse":2"#)
    }

    /// The same plan with a vague justification (an error the rules library reports).
    static var vague: String {
        content.replacingOccurrences(of: "Vecmāmiņa nepārbauda mājasdarbus un neapmeklē vecāku sapulces; māte ar skolu sazinās reizi mēnesī.",
                                     with: "Ir problēmas.")
    }

    /// A minimal PDF.
    static let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
    /// A PNG signature and a little more.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
}
