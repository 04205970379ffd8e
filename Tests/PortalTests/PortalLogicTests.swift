import Foundation
import Portal
import Testing

@Suite("Portal: sessions, forms, cross-site checks, formats, messages")
struct PortalLogicTests {
    @Test("Sessions end after 30 idle minutes or 12 hours; a sign-in attempt is usable once within 10 minutes")
    func sessionRules() {
        let rules = SessionRules()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(rules.verdict(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(29 * 60)) == .active)
        #expect(rules.verdict(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(30 * 60)) == .idle)
        #expect(rules.verdict(createdAt: start, lastSeenAt: start.addingTimeInterval(12 * 3600 - 60), now: start.addingTimeInterval(12 * 3600)) == .absolute)
        #expect(SignInAttemptRules.usable(createdAt: start, usedAt: nil, now: start.addingTimeInterval(60)))
        #expect(!SignInAttemptRules.usable(createdAt: start, usedAt: start, now: start.addingTimeInterval(60)))
        #expect(!SignInAttemptRules.usable(createdAt: start, usedAt: nil, now: start.addingTimeInterval(601)))
    }

    @Test("Cross-site forms are refused: another site, another origin, a missing or wrong form token")
    func crossSite() {
        let origin = "https://portal.example"
        #expect(CrossSiteCheck.allows(secFetchSite: "same-origin", origin: origin, expectedOrigin: origin, formToken: "t", sessionFormToken: "t"))
        #expect(!CrossSiteCheck.allows(secFetchSite: "cross-site", origin: origin, expectedOrigin: origin, formToken: "t", sessionFormToken: "t"))
        #expect(!CrossSiteCheck.allows(secFetchSite: nil, origin: "https://evil.example", expectedOrigin: origin, formToken: "t", sessionFormToken: "t"))
        #expect(!CrossSiteCheck.allows(secFetchSite: nil, origin: nil, expectedOrigin: origin, formToken: nil, sessionFormToken: "t"))
        #expect(!CrossSiteCheck.allows(secFetchSite: nil, origin: nil, expectedOrigin: origin, formToken: "u", sessionFormToken: "t"))
    }

    @Test("The edit form becomes plan content: hours to minutes, euros to cents, blank rows skipped, ids kept only if known")
    func planForm() {
        let known = "01a25242-e2e5-7083-aceb-b9791dee94e7"
        let form = FormData([
            "card.gradeOrCourse": ["8"], "card.goal": ["Mērķis"], "risks[0].code": ["L02"], "risks[0].justification": ["Fakti"],
            "risks[0].subjects": ["matemātika, fizika"], "risks[1].code": [""],
            "measures[0].type": ["consultation"], "measures[0].hours": ["1,5"], "measures[0].provider": ["teacher"],
            "measures[0].addresses": ["l02"], "measures[0].id": [known],
            "measures[1].type": ["meals"], "measures[1].amount": ["70,50"], "measures[1].id": ["01a25242-0000-7083-aceb-b9791dee94e7"],
            "measures[2].type": [""],
        ])
        let previous: [String: Any] = ["measures": [["id": known]]]
        let (content, errors) = PlanForm.content(from: form, previous: previous) { $0 }
        #expect(errors.isEmpty)
        let risks = content["risks"] as? [[String: Any]] ?? []
        #expect(risks.count == 1 && risks[0]["subjects"] as? [String] == ["matemātika", "fizika"])
        let measures = content["measures"] as? [[String: Any]] ?? []
        #expect(measures.count == 2)
        #expect(measures[0]["plannedMinutes"] as? Int == 90 && measures[0]["id"] as? String == known)
        #expect(measures[0]["addresses"] as? [String] == ["L02"])
        #expect(measures[1]["plannedAmount"] as? Int == 7050 && measures[1]["id"] == nil)
        let bad = PlanForm.content(from: FormData(["measures[0].type": ["meals"], "measures[0].amount": ["septiņdesmit"],
                                                   "card.gradeOrCourse": ["13"]]), previous: nil) { $0 }
        #expect(bad.errors.entries.map(\.anchor).sorted() == ["card-gradeOrCourse", "measures-0-plannedAmount"])
    }

    @Test("After sign-in a person goes back to a portal path only, never to another site")
    func returnPath() {
        #expect(ReturnPath.safe("/plans/01a25242-e2e5-7083-aceb-b9791dee94e7") == "/plans/01a25242-e2e5-7083-aceb-b9791dee94e7")
        for bad in ["//evil.example/x", "https://evil.example", "/\\evil.example", "plans", "/plans\n/x", "", nil] as [String?] {
            #expect(ReturnPath.safe(bad) == nil, "\(bad ?? "nil")")
        }
    }

    @Test("Field paths become element ids; the rules' general card is the form's card")
    func anchors() {
        #expect(FieldErrors.anchor("risks[0].justification") == "risks-0-justification")
        #expect(FieldErrors.anchor("general.goal") == "card-goal")
        #expect(FieldErrors.anchor("measures[12]") == "measures-12")
    }

    @Test("Latvian dates and money; amounts typed in euros")
    func formats() {
        #expect(LatvianFormat.date("2026-12-07", language: "lv") == "07.12.2026.")
        #expect(LatvianFormat.money(123_450, language: "lv") == "1\u{00A0}234,50\u{00A0}€")
        #expect(LatvianFormat.money(123_450, language: "en") == "€1,234.50")
        #expect(LatvianFormat.hours(90, language: "lv") == "1,5" && LatvianFormat.hours(960, language: "en") == "16"
                && LatvianFormat.hours(20, language: "en") == "0.33")
        #expect(LatvianFormat.cents("12,5") == 1250 && LatvianFormat.cents("70") == 7000 && LatvianFormat.cents("1.234") == nil)
    }

    @Test("Both message catalogues have the same keys")
    func catalogues() throws {
        let messages = try Messages.bundled(directory: PageRenderer.bundledResources + "/Messages")
        let lv = Set(messages.catalogues["lv"]?.keys ?? [:].keys)
        let en = Set(messages.catalogues["en"]?.keys ?? [:].keys)
        #expect(!lv.isEmpty && lv == en)
    }

    @Test("An area's catalogue adds to the main one; a key defined twice is refused")
    func areaCatalogues() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("messages-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func write(_ name: String, _ json: String) throws { try json.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        try write("lv.json", #"{"a": "A lv"}"#); try write("en.json", #"{"a": "A en"}"#)
        try write("finance.lv.json", #"{"f": "F lv"}"#); try write("finance.en.json", #"{"f": "F en"}"#)
        let messages = try Messages.bundled(directory: directory)
        #expect(messages.text("f", "en") == "F en" && messages.text("a", "lv") == "A lv" && messages.catalogues["lv"]?.count == 2)
        try write("other.lv.json", #"{"a": "again"}"#)
        #expect(throws: Messages.DuplicateKey.self) { try Messages.bundled(directory: directory) }
    }

    @Test("Every string a template or page asks for is in both catalogues")
    func everyKeyTranslated() throws {
        let resources = PageRenderer.bundledResources
        let messages = try Messages.bundled(directory: resources + "/Messages")
        let keys = Set((messages.catalogues["lv"] ?? [:]).keys.map { $0.replacingOccurrences(of: ".", with: "_") })
        let english = Set((messages.catalogues["en"] ?? [:]).keys.map { $0.replacingOccurrences(of: ".", with: "_") })
        var asked: Set<String> = []
        let templates = try FileManager.default.contentsOfDirectory(atPath: resources + "/Templates")
        for name in templates where name.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: resources + "/Templates/" + name, encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([A-Za-z_]+)\}\}/) { asked.insert(String(match.1)) }
        }
        // The pages' Swift sources, as shipped beside this test's package: literal keys passed to text(…)/t(…).
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Services/Portal").path
        let enumerator = FileManager.default.enumerator(atPath: sources)
        while let file = enumerator?.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for match in text.matches(of: /(?:text|t)\("([a-z_]+\.[a-z_]+)"/) { asked.insert(String(match.1).replacingOccurrences(of: ".", with: "_")) }
        }
        #expect(asked.count > 50)
        #expect(asked.subtracting(keys).sorted() == [])
        #expect(asked.subtracting(english).sorted() == [])
    }

    @Test("A multipart form with a file and a token is read back exactly")
    func multipart() {
        let body = "--B\r\nContent-Disposition: form-data; name=\"form_token\"\r\n\r\ntok\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n\r\n--B--\r\n"
        let form = MultipartForm(bytes: Array(body.utf8), boundary: "B")
        #expect(form?.fields["form_token"] == "tok")
        #expect(form?.files["file"]?.bytes == Array("%PDF\r\n".utf8))
        #expect(MultipartForm.boundary("multipart/form-data; boundary=\"B\"") == "B")
        #expect(MultipartForm(bytes: Array("garbage".utf8), boundary: "B") == nil)
    }
}
