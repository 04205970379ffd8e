import ArgumentParser
import Auth
import Foundation
import PlatformClient
import Rules
import ServiceKit

/// `pumpurs demo`: seeds the running local system with the demo semester through the real
/// HTTP APIs (see `DemoSemester`) and writes what it made to `.local/demo/` (outcome.json with
/// ids, tokens.env with a token per role for curl). Run by `deploy/local/run` once; a second
/// run prints the first one's outcome unless `--again` (then with new names and emails).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Seed the running local system with the demo semester.")

    @Flag(help: "Seed again even if .local/demo/outcome.json exists (new names, emails and students).")
    var again = false

    @Option(help: "Directory with plan-content.json and consent-form.pdf.")
    var files = "deploy/local/demo"

    func run() async throws {
        try RunMode.requireDevelopment(ProcessInfo.processInfo.environment, for: "pumpurs demo")
        let environment = ProcessInfo.processInfo.environment
        let root = FileManager.default.currentDirectoryPath
        let output = root + "/.local/demo"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let outcomeFile = output + "/outcome.json"
        if !again, FileManager.default.fileExists(atPath: outcomeFile) {
            print("demo already seeded: \(outcomeFile) (tokens: \(output)/tokens.env); `pumpurs demo --again` seeds another")
            return
        }
        let settings = try ProgrammeSettingsFile.load(environment)
        guard let today = CalendarDate.todayUTC() else { throw ValidationError("no clock") }
        guard let semester = settings.semester(containing: today) ?? settings.semesters.filter({ $0.end < today }).max(by: { $0.end < $1.end }) else {
            throw ValidationError("no semester in the programme settings contains \(today); set PUMPURS_PROGRAMME_SETTINGS_FILE")
        }
        let privateKey = environment["PUMPURS_JWT_PRIVATE_KEY_FILE"] ?? root + "/.local/jwt/dev-private.pem"
        let minter = try await TokenMinter(privateKeyFile: privateKey, issuer: environment["PUMPURS_JWT_ISSUER"] ?? "pumpurs-dev",
                                           audience: environment["PUMPURS_JWT_AUDIENCE"] ?? "pumpurs")
        let administrator = try await CtlEnvironment().bootstrapAdministrator(name: "IKVD administrators", email: "admin@pumpurs.example.lv")
        func demo(suffix: String) throws -> DemoSemester {
            DemoSemester(api: PlatformAPI(endpoints: .from(environment: environment)), minter: minter, administrator: administrator,
                         planContent: Array(try Data(contentsOf: URL(fileURLWithPath: files + "/plan-content.json"))),
                         consentForm: Array(try Data(contentsOf: URL(fileURLWithPath: files + "/consent-form.pdf"))),
                         semester: semester, today: min(today, semester.end), suffix: suffix)
        }
        let fresh = " \(Int(Date().timeIntervalSince1970) % 100_000)"
        let outcome: DemoSemester.Outcome
        do {
            outcome = try await demo(suffix: again ? fresh : "").run()
        } catch let reply as PlatformHTTP.UnexpectedReply where reply.status == 409 && reply.step == "register municipality" {
            // The database already holds a demo directory without its outcome file: seed a new one beside it.
            print("the demo directory exists already; seeding another one with new names")
            outcome = try await demo(suffix: fresh).run()
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(outcome).write(to: URL(fileURLWithPath: outcomeFile))
        let tokens = outcome.tokens.sorted { $0.key < $1.key }.map { "\($0.key.uppercased())=\($0.value)" }.joined(separator: "\n")
        _ = FileManager.default.createFile(atPath: output + "/tokens.env", contents: Data((tokens + "\n").utf8), attributes: [.posixPermissions: 0o600])
        print("""

            Demo semester \(outcome.semester) seeded (month \(outcome.month)):
              plans       \(outcome.plans.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n              "))
              work record \(outcome.workLog ?? "-")   claim payout \(outcome.claimPayout ?? "-")   finance batch \(outcome.batch ?? "-")
              ids         \(outcomeFile)
              tokens      \(output)/tokens.env   (set -a; . .local/demo/tokens.env; set +a; then e.g. $SCHOOL_PREPARER)
              statistics curl -s "http://127.0.0.1:8086/statistics?semester=\(outcome.semester)&groupBy=partner" -H "Authorization: Bearer $IKVD_EXPERT"
              programme  curl -s "http://127.0.0.1:8086/statistics/programme?semester=\(outcome.semester)" -H "Authorization: Bearer $IKVD_EXPERT"
                         (one table as CSV: /statistics/programme.csv?semester=…&table=plans_by_region)
              emails      .local/mail/*.eml (python3 Tests/Oracles/mail_summary.py .local/mail @demo.pumpurs.example.lv)
            """)
        for note in outcome.notes { print("  note: \(note)") }
    }
}
