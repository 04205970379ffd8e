import Foundation
import Rules
import Testing

/// Compares `PersonalCode.parse` with python-stdnum 2.2 (`stdnum.lv.pvn`) on ≥ 10,000
/// generated codes. The project's test script installs the oracle
/// (`pip install python-stdnum==2.2`); without it this test FAILS, it never skips.
///
/// Agreement: same verdict; for valid codes the same 11 digits; for invalid codes the same
/// stdnum exception class where our error has a counterpart (empty/characters → InvalidFormat,
/// length → InvalidLength, birth date → InvalidComponent, check digit → InvalidChecksum).
///
/// Where DOMAIN.md §10 is stricter than stdnum, we follow DOMAIN.md; each class of difference
/// is explained here and counted, and any other difference fails the test:
/// - `future_or_century`: stdnum has no future-date check (a TODO in its source) and reads
///   century digits 3–9 as the 2100s–2700s; DOMAIN.md allows 0/1/2 and no future dates.
/// - `legal_entity_vat`: stdnum validates a VAT number, so 11 digits starting with 4–9 are a
///   legal entity to it (another checksum); no personal code starts with 4–9 (day ≥ 40).
/// - `lenient_separators`: stdnum removes spaces and hyphens anywhere and an `LV` prefix;
///   DOMAIN.md accepts the code with or without the one hyphen after the birth date.
///
/// "Today" is fixed (2025-06-30) so the corpus is reproducible; stdnum ignores it.
@Suite("Personal code vs python-stdnum 2.2")
struct PersonalCodeOracleTests {
    static let today = day("2025-06-30")

    @Test("≥ 10,000 generated codes agree with the oracle or differ only as explained")
    func compareWithStdnum() throws {
        var corpus = PersonalCodeCorpus(today: Self.today)
        let codes = corpus.generate()
        #expect(codes.count >= 10_000)
        let verdicts = try runOracle(codes)
        try #require(verdicts.count == codes.count, "oracle returned \(verdicts.count) lines for \(codes.count) codes")

        var agree = 0
        var explained: [String: Int] = [:]
        var unexplained: [String] = []
        for (input, theirs) in zip(codes, verdicts) {
            let ours = Result { () throws(PersonalCodeError) in try PersonalCode.parse(input, today: Self.today) }
            switch classify(input: input, ours: ours, theirs: theirs) {
            case .agree: agree += 1
            case .explained(let reason): explained[reason, default: 0] += 1
            case .unexplained(let detail): unexplained.append(detail)
            }
        }
        let differ = codes.count - agree
        let reasons = explained.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("personal-code oracle: \(codes.count) codes, \(agree) agree, \(differ) differ "
            + "(explained: \(reasons.isEmpty ? "none" : reasons); unexplained: \(unexplained.count))")
        #expect(unexplained.isEmpty, "unexplained differences (synthetic codes): \(unexplained.prefix(10))")
    }

    enum Verdict: Equatable {
        case agree
        case explained(String)
        case unexplained(String)
    }

    func classify(input: String, ours: Result<PersonalCode, PersonalCodeError>, theirs: String) -> Verdict {
        let compact = input.filter { !$0.isWhitespace && $0 != "-" }
        let startsLegal = compact.first.map { ("4"..."9").contains($0) } ?? false
        switch (ours, theirs.hasPrefix("valid:")) {
        case (.success(let code), true):
            return code.digits == theirs.dropFirst(6) ? .agree : .unexplained("normalized digits differ for \(input)")
        case (.success, false):
            return .unexplained("we accept, stdnum says \(theirs): \(input)")
        case (.failure(let error), false):
            let theirClass = String(theirs.dropFirst("invalid:".count))
            guard let ourClass = stdnumClass(of: error), ourClass != theirClass else { return .agree }
            return startsLegal ? .explained("legal_entity_vat")
                               : .unexplained("we say \(error.code), stdnum \(theirClass): \(input)")
        case (.failure, true) where startsLegal:
            return .explained("legal_entity_vat")
        case (.failure(let error), true):
            switch error {
            case .futureBirthDate, .invalidCentury: return .explained("future_or_century")
            case .misplacedHyphen: return .explained("lenient_separators")
            case .invalidCharacters where input.uppercased().hasPrefix("LV") || compact.count != input.count:
                return .explained("lenient_separators")
            default: return .unexplained("we say \(error.code), stdnum accepts: \(input)")
            }
        }
    }

    func stdnumClass(of error: PersonalCodeError) -> String? {
        switch error {
        case .empty, .invalidCharacters: "InvalidFormat"
        case .wrongLength: "InvalidLength"
        case .invalidBirthDate: "InvalidComponent"
        case .checksumMismatch: "InvalidChecksum"
        case .invalidCentury, .futureBirthDate, .misplacedHyphen: nil
        }
    }

    /// Runs `Tests/Oracles/stdnum_oracle.py` (found from this file's real path) with all codes.
    func runOracle(_ codes: [String]) throws -> [String] {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let script = here.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Oracles/stdnum_oracle.py")
        try #require(FileManager.default.fileExists(atPath: script.path), "oracle script missing at \(script.path)")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stdnum-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in.txt")
        let output = scratch.appendingPathComponent("out.txt")
        let errors = scratch.appendingPathComponent("err.txt")
        try Data(codes.map { $0 + "\n" }.joined().utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        let python = ProcessInfo.processInfo.environment["PUMPURS_PYTHON"] ?? "python3"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        try #require(process.terminationStatus == 0,
                     "python-stdnum oracle failed (exit \(process.terminationStatus)): \(stderr) — install it with `pip install python-stdnum==2.2`")
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
