import ArgumentParser
import Auth
import Foundation

/// `pumpurs token`: mints a development access token from the local key pair (created in
/// `.local/jwt/` on first use). Production services verify the identity provider's keys instead.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Mint a development JWT for a person, role and scope.")

    @Option(help: "Person id (UUID). Default: a new one.") var person: String?
    @Option(help: "Role, e.g. preparer, institution_head, ikvd_admin.") var role: String
    @Option(help: "Scope: national | region:<name> | municipality:<uuid> | institution:<uuid>.") var scope: String
    @Option(help: "Lifetime in minutes.") var minutes = 60
    @Option(help: "Issuer (iss).") var issuer = ProcessInfo.processInfo.environment["PUMPURS_JWT_ISSUER"] ?? "pumpurs-dev"
    @Option(help: "Audience (aud).") var audience = ProcessInfo.processInfo.environment["PUMPURS_JWT_AUDIENCE"] ?? "pumpurs"

    func run() async throws {
        try RunMode.requireDevelopment(ProcessInfo.processInfo.environment, for: "pumpurs token")
        guard let role = Role(rawValue: role) else {
            throw ValidationError("unknown role \(self.role); one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let scope = try Self.parseScope(self.scope)
        let personId: UUID
        if let person {
            guard let id = UUID(uuidString: person) else { throw ValidationError("--person must be a UUID") }
            personId = id
        } else {
            personId = UUID()
        }
        let environment = ProcessInfo.processInfo.environment
        let directory = environment["PUMPURS_JWT_DIR"] ?? FileManager.default.currentDirectoryPath + "/.local/jwt"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let privateFile = environment["PUMPURS_JWT_PRIVATE_KEY_FILE"] ?? directory + "/dev-private.pem"
        let publicFile = environment["PUMPURS_JWT_PUBLIC_KEY_FILE"] ?? directory + "/dev-public.pem"
        let key = try DevelopmentKeyPair.ensure(privateKeyFile: privateFile, publicKeyFile: publicFile)
        let minter = await TokenMinter(privateKey: key, issuer: issuer, audience: audience)
        print(try await minter.mint(personId: personId, role: role, scope: scope, lifetime: .seconds(minutes * 60)))
    }

    static func parseScope(_ text: String) throws -> Scope {
        if text == "national" { return .national }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ValidationError("scope must be national or kind:value") }
        switch parts[0] {
        case "region": return .region(parts[1])
        case "municipality", "institution":
            guard let id = UUID(uuidString: parts[1]) else { throw ValidationError("\(parts[0]) scope needs a UUID") }
            return parts[0] == "municipality" ? .municipality(id) : .institution(id)
        default: throw ValidationError("unknown scope kind \(parts[0])")
        }
    }
}
