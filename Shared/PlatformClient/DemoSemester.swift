import Auth
import Foundation
import Rules

/// The demo's semester, driven through the real HTTP APIs as each role would: IKVD registers a
/// municipality with a general-education school and a state vocational institution (VPII) and
/// the people of every role (each with an email); preparers write and submit plans; heads, the
/// municipality coordinator and an IKVD expert approve; a specialist records a month that the
/// coordinator approves; an expense claim is paid; finance makes the month's batch.
public struct DemoSemester: Sendable {
    /// What the demo made: ids, tokens (for curl) and the plans' end states.
    public struct Outcome: Codable, Sendable {
        public var municipality: String
        public var school: String
        public var vpii: String
        public var people: [String: String]
        public var tokens: [String: String]
        public var plans: [String: String]
        public var semester: String
        public var month: String
        public var workLog: String?
        public var claimPayout: String?
        public var batch: String?
        /// The emergency period declared for the demo's municipality (seed 004).
        public var emergency: String? = nil
        /// Each demo person's sign-in name at the local identity provider (their email), by key.
        public var signIn: [String: String]? = nil
        public var notes: [String]
    }

    let api: PlatformAPI
    let minter: TokenMinter
    /// The IKVD administrator who builds the directory (they must hold the role already).
    let administrator: UUID
    let planContent: [UInt8]
    let consentForm: [UInt8]
    let semester: SemesterDates
    let today: CalendarDate
    /// Makes names and emails unique on a repeated run (`""` the first time).
    let suffix: String
    /// Everyone's email is `<role>[+suffix]@<mailDomain>`.
    let mailDomain: String
    let log: @Sendable (String) -> Void

    public init(api: PlatformAPI, minter: TokenMinter, administrator: UUID, planContent: [UInt8], consentForm: [UInt8],
                semester: SemesterDates, today: CalendarDate, suffix: String = "", mailDomain: String = "demo.pumpurs.example.lv",
                log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.api = api
        self.minter = minter
        self.administrator = administrator
        self.planContent = planContent
        self.consentForm = consentForm
        self.semester = semester
        self.today = today
        self.suffix = suffix
        self.mailDomain = mailDomain
        self.log = log
    }

    /// The working day the demo records and claims for: yesterday, inside the semester.
    var workDay: CalendarDate {
        let yesterday = today.adding(days: -1) ?? today
        return max(semester.start, min(yesterday, semester.end))
    }

    var month: String { String(workDay.iso.prefix(7)) }

    public func run() async throws -> Outcome {
        var notes: [String] = []
        let admin = try await token(.ikvdAdmin, .national, person: administrator)
        log("directory: municipality, school, VPII")
        let municipality = try await api.municipality(admin, name: "Krāslavas novads\(suffix)", region: "Latgale")
        let school = try await api.institution(admin, name: "Krāslavas Varavīksnes vidusskola\(suffix)", kind: "general", founder: "municipal",
                                               municipality: municipality, region: nil)
        let vpii = try await api.institution(admin, name: "Daugavpils tehnikums\(suffix)", kind: "vocational", founder: "state",
                                             municipality: nil, region: "Latgale")

        log("directory: people of every role, with email")
        var people: [String: String] = [:]
        var signIn: [String: String] = [:]
        func add(_ key: String, _ name: String, _ by: String, role: String, scope: String, id: String?, language: String = "lv") async throws {
            let mail = "\(key.replacingOccurrences(of: "_", with: "."))\(suffix.isEmpty ? "" : "+" + suffix.filter { $0.isLetter || $0.isNumber }.lowercased())@\(mailDomain)"
            // The local identity provider knows each demo person by their email (its login page).
            let person = try await api.person(by, name: name, email: mail, language: language, signInSubject: mail)
            try await api.assign(by, person: person, role: role, scopeKind: scope, scopeId: id)
            people[key] = person
            signIn[key] = mail
        }
        try await add("ikvd_expert", "Inese Liepa", admin, role: "ikvd_expert", scope: "national", id: nil)
        try await add("finance", "Pēteris Kalns", admin, role: "finance", scope: "national", id: nil)
        try await add("municipality_coordinator", "Līga Ozoliņa", admin, role: "municipality_coordinator", scope: "municipality", id: municipality)
        try await add("school_head", "Jānis Bērziņš", admin, role: "institution_head", scope: "institution", id: school)
        try await add("vpii_head", "Aija Zariņa", admin, role: "institution_head", scope: "institution", id: vpii)
        try await add("vpii_coordinator", "Gatis Vītols", admin, role: "vpii_coordinator", scope: "institution", id: vpii)
        let schoolHead = try await token(.institutionHead, .institution(try uuid(school)), person: try uuid(people["school_head"]))
        let vpiiHead = try await token(.institutionHead, .institution(try uuid(vpii)), person: try uuid(people["vpii_head"]))
        try await add("school_coordinator", "Dace Krūmiņa", schoolHead, role: "institution_coordinator", scope: "institution", id: school)
        try await add("school_preparer", "Ilze Kalniņa", schoolHead, role: "preparer", scope: "institution", id: school, language: "en")
        try await add("school_specialist", "Mārtiņš Egle", schoolHead, role: "specialist", scope: "institution", id: school)
        try await add("vpii_preparer", "Rūta Priede", vpiiHead, role: "preparer", scope: "institution", id: vpii)

        // IKVD's administrator signs in to the portal under the name the local identity provider lists for them.
        let adminSubject = "admin@pumpurs.example.lv"
        try await api.linkSignIn(admin, person: administrator.uuidString.lowercased(), subject: adminSubject)
        signIn["ikvd_admin"] = adminSubject

        var tokens: [String: String] = ["ikvd_admin": admin, "school_head": schoolHead, "vpii_head": vpiiHead]
        tokens["ikvd_expert"] = try await token(.ikvdExpert, .national, person: try uuid(people["ikvd_expert"]))
        tokens["finance"] = try await token(.finance, .national, person: try uuid(people["finance"]))
        tokens["municipality_coordinator"] = try await token(.municipalityCoordinator, .municipality(try uuid(municipality)),
                                                              person: try uuid(people["municipality_coordinator"]))
        tokens["vpii_coordinator"] = try await token(.vpiiCoordinator, .institution(try uuid(vpii)), person: try uuid(people["vpii_coordinator"]))
        for (key, role, institution) in [("school_coordinator", Role.institutionCoordinator, school), ("school_preparer", .preparer, school),
                                         ("school_specialist", .specialist, school), ("vpii_preparer", .preparer, vpii)] {
            tokens[key] = try await token(role, .institution(try uuid(institution)), person: try uuid(people[key]))
        }
        try await Task.sleep(for: .seconds(1))   // the directory copies in approval/notifications/payouts

        log("plans: four written and submitted (consent on file)")
        let signedOn = semester.start.iso
        let code = semester.semester.code
        let planA = try await api.submitPlan(tokens["school_preparer"]!, institution: school, personalCode: StudentCodes.code(index: Self.seed(suffix, 1), bornIn: 2011),
                                             semester: code, content: planContent, consentForm: consentForm, signedOn: signedOn)
        let planB = try await api.submitPlan(tokens["school_preparer"]!, institution: school, personalCode: StudentCodes.code(index: Self.seed(suffix, 2), bornIn: 2012),
                                             semester: code, content: planContent, consentForm: consentForm, signedOn: signedOn)
        let planC = try await api.submitPlan(tokens["vpii_preparer"]!, institution: vpii, personalCode: StudentCodes.code(index: Self.seed(suffix, 3), bornIn: 2010),
                                             semester: code, content: Self.vocational(planContent), consentForm: consentForm, signedOn: signedOn)
        // Plan D: submitted before its consent arrived (consent gates implementation, not approval).
        log("plans: one more (D) submitted while its consent is still pending")
        let planD = try await api.submitPlan(tokens["school_preparer"]!, institution: school, personalCode: StudentCodes.code(index: Self.seed(suffix, 4), bornIn: 2011),
                                             semester: code, content: planContent, consentForm: nil, signedOn: signedOn)
        // Plan E stays with the school head: the head's queue has something to decide in the portal.
        let planE = try await api.submitPlan(tokens["school_preparer"]!, institution: school, personalCode: StudentCodes.code(index: Self.seed(suffix, 5), bornIn: 2011),
                                             semester: code, content: planContent, consentForm: consentForm, signedOn: signedOn)
        for plan in [planA, planB, planD, planE] { try await api.waitForStatus(tokens["school_preparer"]!, plan, "awaiting_institution_head") }
        try await api.waitForStatus(tokens["vpii_preparer"]!, planC, "awaiting_institution_head")

        log("approval: school head → municipality → IKVD (plan A); VPII head → IKVD (plan C); plan B waits at the municipality")
        for plan in [planA, planB] { _ = try await api.approve(schoolHead, plan) }
        _ = try await api.approve(tokens["municipality_coordinator"]!, planA)
        _ = try await api.approve(tokens["ikvd_expert"]!, planA)
        _ = try await api.approve(vpiiHead, planC)
        _ = try await api.approve(tokens["ikvd_expert"]!, planC)
        try await api.waitForStatus(tokens["school_preparer"]!, planA, "approved")
        try await api.waitForStatus(tokens["vpii_preparer"]!, planC, "approved")
        log("approval: plan D approved at every level with its consent pending (nothing may be recorded or paid on it yet)")
        _ = try await api.approve(schoolHead, planD)
        _ = try await api.approve(tokens["municipality_coordinator"]!, planD)
        _ = try await api.approve(tokens["ikvd_expert"]!, planD)
        try await api.waitForStatus(tokens["school_preparer"]!, planD, "approved")

        let measures = (try await api.approvalSummary(schoolHead, planA)["measures"] as? [[String: Any]]) ?? []
        let teacher = measures.first { ($0["providers"] as? [String])?.contains("teacher") == true }?["measureId"] as? String
        let meals = measures.first { $0["type"] as? String == "meals" }?["measureId"] as? String

        var workLog: String?
        if let teacher {
            log("timesheets: the specialist records \(month) on plan A, the coordinator approves the month")
            let specialist = tokens["school_specialist"]!
            // Employment first: the coordinator registers the specialist's contract (a teacher, 15.00 EUR an hour).
            let contract = try await api.staffContract(tokens["school_coordinator"]!, person: people["school_specialist"]!, institution: school,
                                                       profession: "teacher", hourlyRateCents: 1500, validFrom: semester.start.iso)
            log("timesheets: the coordinator registered the specialist's contract \(contract) (teacher, 15.00 EUR/h)")
            try await Task.sleep(for: .seconds(1))   // timesheets' copy of the plan
            var entry = try await api.recordConsultation(specialist, plan: planA, measure: teacher.lowercased(), date: workDay.iso, minutes: 80,
                                                         provider: "teacher", subject: "matemātika", remote: false)
            let day2 = max(semester.start, workDay.adding(days: -1) ?? workDay)
            if String(day2.iso.prefix(7)) == month {
                entry = try await api.recordConsultation(specialist, plan: planA, measure: teacher.lowercased(), date: day2.iso, minutes: 40,
                                                         provider: "teacher", subject: "latviešu valoda", remote: true)
                // The coordinator writes down one more session for the specialist (seed 000 item 6: the
                // coordinator makes the staff's work records); the specialist then confirms the month.
                let coordinated = try await api.http.send("POST", api.endpoints.timesheets + "/timesheets/entries", token: tokens["school_coordinator"]!,
                                                          json: jsonText(["planId": planA, "measureId": teacher.lowercased(), "workDate": day2.iso,
                                                                          "minutes": 30, "providerType": "teacher", "subject": "matemātika",
                                                                          "remote": false, "personId": people["school_specialist"]!]))
                if coordinated.status != 201 { notes.append("coordinator's entry: HTTP \(coordinated.status) \(coordinated.text.prefix(200))") }
            }
            // The first consultation on an approved plan with consent on file starts its implementation.
            do {
                try await api.waitForStatus(tokens["school_preparer"]!, planA, "in_implementation", timeout: .seconds(30))
            } catch {
                notes.append("plan A did not reach in_implementation: \(error)")
            }
            if let log = (entry.json["entry"] as? [String: Any])?["workLogId"] as? String {
                workLog = log
                _ = try await api.workLog(specialist, log, "submit")
                _ = try await api.workLog(tokens["school_coordinator"]!, log, "approve")
                // Payouts learns of the person from the directory's events: until its copy has them, 404.
                let payeeDeadline = ContinuousClock.now + .seconds(60)
                while true {
                    do {
                        try await api.staffPayee(specialist, person: people["school_specialist"]!, name: "Mārtiņš Egle", iban: "LV97HABA0012345678910")
                        break
                    } catch let reply as PlatformHTTP.UnexpectedReply where reply.status == 404 && ContinuousClock.now < payeeDeadline {
                        try await Task.sleep(for: .milliseconds(250))
                    }
                }
            } else {
                notes.append("the timesheets answer had no workLogId: \(entry.text.prefix(200))")
            }
        } else {
            notes.append("plan A has no teacher consultation measure")
        }

        var claimPayout: String?
        if let meals {
            log("payouts: an expense claim for meals in \(month) on plan A (approved → released at once)")
            let receipt = Array("%PDF-1.4\n% PuMPuRS demo receipt \(UUID())\n%%EOF\n".utf8)
            let claim = try await api.claim(tokens["school_preparer"]!, plan: planA, measure: meals.lowercased(), period: month, cents: 4250,
                                            description: "Pusdienas skolas ēdnīcā, \(month)", receipt: receipt, payeeName: "Anna Bērziņa",
                                            iban: "LV80BANK0000435195001")
            claimPayout = (claim.json["payout"] as? [String: Any])?["payoutId"] as? String
        } else {
            notes.append("plan A has no meals measure: no expense claim")
        }

        var batch: String?
        if workLog != nil || claimPayout != nil {
            log("finance: the \(month) batch (SEPA + CSV)")
            try await Task.sleep(for: .seconds(2))   // staff pay follows worklog.approved through the broker
            let reply = try await api.http.send("POST", api.endpoints.payouts + "/finance/batches", token: tokens["finance"]!,
                                                json: jsonText(["period": month]))
            if reply.status == 201 { batch = reply.string("batchId") } else { notes.append("batch: HTTP \(reply.status) \(reply.text.prefix(200))") }
        }
        // An emergency (seed 004) for the demo's municipality from the day after the work to the semester's end:
        // its plans are paused (only remote consultations), each with its result.
        log("approval: IKVD declares an emergency period for the demo's municipality (remote consultations only)")
        let startsOn = min(workDay.adding(days: 1) ?? workDay, semester.end)
        var emergency: String?
        do {
            let declared = try await api.http.send("POST", api.endpoints.approval + "/approvals/emergencies", token: tokens["ikvd_expert"]!,
                                                   json: jsonText(["name": "Demonstrācijas ārkārtējā situācija", "reason": "Demonstrācija: mācības attālināti",
                                                                   "startsOn": startsOn.iso, "endsOn": semester.end.iso,
                                                                   "scope": ["kind": "municipality", "municipalityId": municipality]]))
            if declared.status == 201 {
                emergency = (declared.json["emergency"] as? [String: Any])?["id"] as? String
                let paused = (declared.json["results"] as? [[String: Any]] ?? []).count
                log("  emergency \(emergency ?? "?"): \(paused) plan(s) of the municipality paused, each with its result")
            } else {
                notes.append("emergency: HTTP \(declared.status) \(declared.text.prefix(200))")
            }
        }
        if let reporting = api.endpoints.reporting {
            log("reporting: the preparer's implementation report on plan C, submitted and confirmed by the VPII head")
            let report = jsonText(["risks": [
                ["riskCode": "L02", "done": "Matemātikas konsultācijas reizi nedēļā", "outcome": "reduced", "comment": "Vērtējums pieauga no 3 uz 5."],
                ["riskCode": "F04", "done": "Sarunas ar ģimeni reizi mēnesī", "outcome": "unchanged", "comment": "Ģimene joprojām reti iesaistās."],
            ], "summary": "Kopumā sekmīgi: ieskaites nokārtotas."])
            let vpiiPreparer = tokens["vpii_preparer"]!
            let written = try await api.http.send("PUT", reporting + "/reports/\(planC)", token: vpiiPreparer, json: report)
            let submitted = try await api.http.send("POST", reporting + "/reports/\(planC)/submit", token: vpiiPreparer)
            if written.status == 200, submitted.status == 200 {
                try await api.waitForStatus(vpiiPreparer, planC, "reported", timeout: .seconds(30))
                let confirmed = try await api.http.send("POST", reporting + "/reports/\(planC)/confirm", token: vpiiHead)
                if confirmed.status != 200 { notes.append("report confirm: HTTP \(confirmed.status) \(confirmed.text.prefix(200))") }
            } else {
                notes.append("report: HTTP \(written.status)/\(submitted.status) \(written.text.prefix(200)) \(submitted.text.prefix(200))")
            }
            log("reporting: the programme's tables (seed 001) for \(code)")
            let programme = try await checkProgrammeTables(reporting: reporting, semester: code, token: tokens["ikvd_expert"]!)
            for line in programme.lines { log("  \(line)") }
            notes += programme.notes
        }
        return Outcome(municipality: municipality, school: school, vpii: vpii, people: people, tokens: tokens,
                       plans: ["A (in implementation, paid)": planA, "B (awaiting municipality)": planB,
                               "D (approved, consent pending)": planD, "E (awaiting the school head)": planE, (api.endpoints.reporting == nil ? "C (VPII, approved)" : "C (VPII, reported and closed)"): planC],
                       semester: code, month: month, workLog: workLog, claimPayout: claimPayout, batch: batch, emergency: emergency,
                       signIn: signIn, notes: notes)
    }

    /// The same plan for a vocational student: course 2 instead of grade 8.
    static func vocational(_ content: [UInt8]) -> [UInt8] {
        guard var plan = (try? JSONSerialization.jsonObject(with: Data(content))) as? [String: Any],
              var card = plan["card"] as? [String: Any] else { return content }
        card["gradeOrCourse"] = 2
        plan["card"] = card
        return (try? JSONSerialization.data(withJSONObject: plan)).map(Array.init) ?? content
    }

    private func token(_ role: Role, _ scope: Scope, person: UUID) async throws -> String {
        try await minter.mint(personId: person, role: role, scope: scope, lifetime: .seconds(12 * 3600))
    }

    private func uuid(_ text: String?) throws -> UUID {
        guard let text, let id = UUID(uuidString: text) else {
            throw PlatformHTTP.UnexpectedReply(step: "id", status: 0, body: "not a UUID: \(text ?? "nil")")
        }
        return id
    }

    /// A student index that differs between runs (a code is one student's: a repeated demo needs new ones).
    static func seed(_ suffix: String, _ n: Int) -> Int {
        (suffix.unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 100_000 }) * 3 + n
    }
}
