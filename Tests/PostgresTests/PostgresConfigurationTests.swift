import Foundation
import Testing

@testable import Postgres

@Suite("PostgresConfiguration URL parsing")
struct PostgresConfigurationTests {
    @Test func parsesEveryPart() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://svc:secret@db.internal:6543/pumpurs?sslmode=require&application_name=intake",
            schema: "intake", poolSize: 7)
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.user == "svc")
        #expect(configuration.password == "secret")
        #expect(configuration.database == "pumpurs")
        #expect(configuration.sslMode == "require")
        #expect(configuration.applicationName == "intake")
        #expect(configuration.schema == "intake")
        #expect(configuration.poolSize == 7)
    }

    @Test func acceptsPostgresqlSchemeAndDefaultsPort() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://user@localhost/db")
        #expect(configuration.port == 5432)
        #expect(configuration.password == nil)
        #expect(configuration.sslMode == nil)
    }

    @Test func percentDecodesUserPasswordAndDatabase() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://us%40er:p%40ss%3Aw%2Fo%25rd%20x@127.0.0.1:5432/my%20db?application_name=a%26b")
        #expect(configuration.user == "us@er")
        #expect(configuration.password == "p@ss:w/o%rd x")
        #expect(configuration.database == "my db")
        #expect(configuration.applicationName == "a&b")
    }

    @Test func parsesIPv6HostAndConnectTimeout() throws {
        let configuration = try PostgresConfiguration(url: "postgres://u:p@[::1]:55432/db?connect_timeout=3")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 55432)
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.description.hasPrefix("postgres://u:***@[::1]:55432/db"))
    }

    @Test(arguments: [
        "mysql://u:p@h/db",
        "postgres://u:p@/db",
        "postgres://u:p@h:notaport/db",
        "postgres://u:p@h:70000/db",
        "postgres://u:p@h",
        "postgres://u:p@h/",
        "postgres://:p@h/db",
        "postgres://u:p@h/db?sslmode=sometimes",
        "postgres://u:p@h/db?unknown=1",
        "postgres://u:p@h/db?sslmode",
        "postgres://u:p%zz@h/db",
        "postgres://u:p@[::1/db",
    ])
    func rejectsBadURLs(url: String) {
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: url) }
    }

    @Test func errorsNeverContainThePassword() {
        let urls = ["postgres://u:hunter2@h:99999/db", "postgres://u:hunter2@h/db?bad=1", "postgres://u:hunter2@h/"]
        for url in urls {
            do {
                _ = try PostgresConfiguration(url: url)
                Issue.record("expected \(url) to be rejected")
            } catch {
                #expect(error.code == .invalidConfiguration)
                #expect(!String(describing: error).contains("hunter2"))
            }
        }
    }

    @Test func descriptionDumpAndDebugDescriptionRedactThePassword() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://svc:hunter2@localhost:5432/pumpurs?application_name=x", schema: "intake")
        #expect(configuration.description == "postgres://svc:***@localhost:5432/pumpurs?application_name=x schema=intake poolSize=4")
        #expect(!"\(configuration)".contains("hunter2"))
        #expect(!String(reflecting: configuration).contains("hunter2"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("hunter2"))
    }

    @Test func rejectsBadSchemaAndPoolSize() {
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: "postgres://u@h/db", schema: "Bad-Name") }
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: "postgres://u@h/db", poolSize: 0) }
    }

    @Test func libpqParametersCarryTheSettings() throws {
        let configuration = try PostgresConfiguration(url: "postgres://u:p@h:1/db?sslmode=disable&application_name=app")
        let parameters = Dictionary(configuration.libpqParameters, uniquingKeysWith: { first, _ in first })
        #expect(parameters["host"] == "h")
        #expect(parameters["port"] == "1")
        #expect(parameters["password"] == "p")
        #expect(parameters["dbname"] == "db")
        #expect(parameters["sslmode"] == "disable")
        #expect(parameters["application_name"] == "app")
        #expect(parameters["options"]?.contains("TimeZone=UTC") == true)
    }

    @Test("a unix-socket directory as the host round-trips through the URL")
    func socketDirectoryHost() throws {
        let configuration = try PostgresConfiguration(url: "postgres://svc:pw@%2Fwork%2Fp%25x%2Frun:5432/pumpurs")
        #expect(configuration.host == "/work/p%x/run")
        #expect(configuration.urlHost == "%2Fwork%2Fp%25x%2Frun")
        let again = try PostgresConfiguration(url: "postgres://svc:pw@\(configuration.urlHost):5432/pumpurs")
        #expect(again.host == configuration.host)
        #expect(Dictionary(uniqueKeysWithValues: again.libpqParameters)["host"] == "/work/p%x/run")
        #expect(try PostgresConfiguration(url: "postgres://svc@db.internal/pumpurs").urlHost == "db.internal")
    }
}
