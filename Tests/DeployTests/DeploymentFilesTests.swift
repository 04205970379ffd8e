import Foundation
import Testing

/// The deployment files for users (deploy/docker, deploy/compose, deploy/k8s) cannot be run here:
/// there is no container engine. Tests/Oracles/deploy_check.py parses them and checks their
/// structure against the code; these tests run it on the real files, and on a broken copy to show
/// that it can fail.
@Suite struct DeploymentFilesTests {
    /// The repository root: this file is Tests/DeployTests/DeploymentFilesTests.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func deploymentFilesHoldTogether() throws {
        let (status, output) = try Self.check(root: Self.root)
        #expect(status == 0, "deploy_check.py failed:\n\(output)")
    }

    @Test func checkerFailsWithoutTheIntakeReadinessProbe() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-deploy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("deploy"), to: copy.appendingPathComponent("deploy"))

        let intake = copy.appendingPathComponent("deploy/k8s/intake.yaml")
        let original = try String(contentsOf: intake, encoding: .utf8)
        let broken = Self.removingBlock("readinessProbe", from: original)
        // Guard against a vacuous pass: the edit must really have removed something.
        try #require(broken != original, "intake.yaml has no readinessProbe block to remove")
        try broken.write(to: intake, atomically: true, encoding: .utf8)

        let (status, output) = try Self.check(root: copy, codeRoot: Self.root)
        #expect(status != 0, "the checker accepted a Deployment without a readiness probe:\n\(output)")
        #expect(output.contains("readinessProbe"), "the failure does not name the missing probe:\n\(output)")
    }

    @Test("the checker refuses a service that logs in to the broker with the shared operator user", arguments: [
        ("deploy/compose/compose.yaml", "amqp://pumpurs_payouts:change-me-broker-payouts@rabbitmq:5672/pumpurs",
         "amqp://pumpurs:change-me@rabbitmq:5672/pumpurs"),
        ("deploy/k8s/payouts.yaml", "amqp://pumpurs_payouts:$(PUMPURS_AMQP_PASSWORD_PAYOUTS)@rabbitmq:5672/pumpurs",
         "amqp://pumpurs_intake:$(PUMPURS_AMQP_PASSWORD_PAYOUTS)@rabbitmq:5672/pumpurs"),
    ])
    func checkerFailsOnASharedBrokerLogin(file: String, own: String, shared: String) throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("pumpurs-deploy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("deploy"), to: copy.appendingPathComponent("deploy"))
        let path = copy.appendingPathComponent(file)
        let original = try String(contentsOf: path, encoding: .utf8)
        try #require(original.contains(own), "\(file) does not give payouts its own broker user")
        try original.replacingOccurrences(of: own, with: shared).write(to: path, atomically: true, encoding: .utf8)

        let (status, output) = try Self.check(root: copy, codeRoot: Self.root)
        #expect(status != 0, "the checker accepted payouts on another broker login:\n\(output)")
        #expect(output.contains("not as the service's own broker user 'pumpurs_payouts'"), "\(output)")
    }

    /// Runs the checker; returns its exit status and its combined output.
    static func check(root: URL, codeRoot: URL? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", Self.root.appendingPathComponent("Tests/Oracles/deploy_check.py").path, "--root", root.path]
        if let codeRoot { arguments += ["--code-root", codeRoot.path] }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read before waiting: a full pipe would otherwise block the child forever.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `text` without the YAML block that starts with `key:` (that line and every deeper-indented
    /// or blank line after it).
    static func removingBlock(_ key: String, from text: String) -> String {
        var kept: [Substring] = []
        var blockIndent: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix(while: { $0 == " " }).count
            let content = line.dropFirst(indent)
            if let depth = blockIndent {
                if content.isEmpty || indent > depth { continue }
                blockIndent = nil
            }
            if content.hasPrefix("\(key):") {
                blockIndent = indent
                continue
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }
}
