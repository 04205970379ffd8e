import Foundation

/// Where each service answers.
public struct PlatformEndpoints: Sendable {
    public var intake: String
    public var approval: String
    public var timesheets: String
    public var payouts: String
    /// Statistics and implementation reports (nil where reporting does not run).
    public var reporting: String?

    public init(intake: String, approval: String, timesheets: String, payouts: String, reporting: String? = nil) {
        self.intake = intake
        self.approval = approval
        self.timesheets = timesheets
        self.payouts = payouts
        self.reporting = reporting
    }

    /// The default local ports (ARCHITECTURE.md).
    public static let local = PlatformEndpoints(intake: "http://127.0.0.1:8080", approval: "http://127.0.0.1:8082",
                                                timesheets: "http://127.0.0.1:8083", payouts: "http://127.0.0.1:8084",
                                                reporting: "http://127.0.0.1:8086")

    /// The local ports unless the environment names others (`PUMPURS_INTAKE_URL`, `PUMPURS_APPROVAL_URL`,
    /// `PUMPURS_TIMESHEETS_URL`, `PUMPURS_PAYOUTS_URL`, `PUMPURS_REPORTING_URL`; deploy/local/run sets them).
    public static func from(environment: [String: String]) -> PlatformEndpoints {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        return PlatformEndpoints(intake: value("PUMPURS_INTAKE_URL") ?? local.intake, approval: value("PUMPURS_APPROVAL_URL") ?? local.approval,
                                 timesheets: value("PUMPURS_TIMESHEETS_URL") ?? local.timesheets,
                                 payouts: value("PUMPURS_PAYOUTS_URL") ?? local.payouts,
                                 reporting: value("PUMPURS_REPORTING_URL") ?? local.reporting)
    }
}

/// The platform's HTTP APIs as each role uses them, one call per step, each step's answer
/// checked (an unexpected status throws with the problem body).
public struct PlatformAPI: Sendable {
    public let http: PlatformHTTP
    public let endpoints: PlatformEndpoints

    public init(endpoints: PlatformEndpoints, http: PlatformHTTP = PlatformHTTP()) {
        self.endpoints = endpoints
        self.http = http
    }

    // MARK: Directory (intake, IKVD admin and institution heads)

    public func municipality(_ admin: String, name: String, region: String) async throws -> String {
        try await id(http.require([201], "register municipality", "POST", endpoints.intake + "/directory/municipalities", token: admin,
                                   json: jsonText(["name": name, "region": region])))
    }

    public func institution(_ admin: String, name: String, kind: String, founder: String, municipality: String?, region: String?) async throws -> String {
        var body: [String: Any] = ["name": name, "kind": kind, "founder": founder]
        if let municipality { body["municipalityId"] = municipality }
        if let region { body["region"] = region }
        return try await id(http.require([201], "register institution", "POST", endpoints.intake + "/directory/institutions", token: admin,
                                          json: jsonText(body)))
    }

    /// Registers a person; `signInSubject` is their identity provider's `sub` (the portal's sign-in).
    public func person(_ token: String, name: String, email: String, language: String = "lv", signInSubject: String? = nil) async throws -> String {
        var fields = ["name": name, "email": email, "language": language]
        if let signInSubject { fields["signInSubject"] = signInSubject }
        return try await id(http.require([201], "register person", "POST", endpoints.intake + "/directory/people", token: token,
                                         json: jsonText(fields)))
    }

    /// A person as the directory lists them, with their active role assignments.
    public struct ListedPerson: Sendable {
        public var id: String
        public var email: String
        public var assignments: [(id: String, role: String)]
    }

    /// One page of the people `token` may see, and how many there are in all.
    public func people(_ token: String, limit: Int = 100, offset: Int = 0) async throws -> (items: [ListedPerson], total: Int) {
        let reply = try await http.require([200], "list people", "GET", endpoints.intake + "/directory/people?limit=\(limit)&offset=\(offset)",
                                           token: token)
        let page = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
        let items = (page?["items"] as? [[String: Any]] ?? []).map { person in
            ListedPerson(id: person["id"] as? String ?? "", email: person["email"] as? String ?? "",
                         assignments: (person["assignments"] as? [[String: Any]] ?? []).compactMap { assignment in
                             guard let id = assignment["id"] as? String, let role = assignment["role"] as? String,
                                   (assignment["revoked"] as? Bool) != true else { return nil }
                             return (id, role)
                         })
        }
        return (items, page?["total"] as? Int ?? 0)
    }

    /// Links a sign-in subject to an already registered person (IKVD's administrator), replacing
    /// their previous one.
    public func linkSignIn(_ admin: String, person: String, subject: String) async throws {
        _ = try await http.require([204], "sign-in subject", "PUT", endpoints.intake + "/directory/people/\(person)/sign-in-subject",
                                   token: admin, json: jsonText(["subject": subject]))
    }

    /// Ends a role assignment (the person keeps their history; nothing is deleted).
    public func revoke(_ token: String, assignment: String) async throws {
        _ = try await http.require([200, 409], "revoke \(assignment)", "POST", endpoints.intake + "/directory/assignments/\(assignment)/revoke",
                                   token: token, json: "{}")
    }

    public func assign(_ token: String, person: String, role: String, scopeKind: String, scopeId: String?) async throws {
        var scope: [String: Any] = ["kind": scopeKind]
        if let scopeId { scope["id"] = scopeId }
        _ = try await http.require([201], "assign \(role)", "POST", endpoints.intake + "/directory/assignments", token: token,
                                   json: jsonText(["personId": person, "role": role, "scope": scope]))
    }

    // MARK: Plans (intake, preparer)

    /// Creates, fills, records consent and submits a plan; returns its id. With `key`, every POST
    /// carries an Idempotency-Key derived from it, so the whole sequence can be retried safely.
    /// Creates, fills and submits a plan; with `consentForm`, the signed consent is uploaded and
    /// recorded first (nil: submitted with consent pending, which gates implementation only).
    public func submitPlan(_ preparer: String, institution: String, personalCode: String, semester: String, content: [UInt8],
                           consentForm: [UInt8]?, signedOn: String, key: String? = nil) async throws -> String {
        func idem(_ step: String) -> [String: String] { key.map { ["Idempotency-Key": "\($0)-\(step)"] } ?? [:] }
        let plan = try await id(http.require([201], "create plan", "POST", endpoints.intake + "/plans", token: preparer,
                                             json: jsonText(["institutionId": institution, "personalCode": personalCode, "semester": semester]),
                                             headers: idem("create")))
        do {
            _ = try await http.require([200], "plan content", "PUT", endpoints.intake + "/plans/\(plan)/content", token: preparer, bytes: content)
            if let consentForm {
                try await recordConsent(preparer, plan: plan, consentForm: consentForm, signedOn: signedOn, key: key)
            }
            _ = try await http.require([202], "submit", "POST", endpoints.intake + "/plans/\(plan)/submit", token: preparer,
                                       headers: ["Idempotency-Key": key.map { "\($0)-submit" } ?? "submit-\(plan)"])
        } catch let reply as PlatformHTTP.UnexpectedReply where reply.status == 409 && key != nil {
            // A repeated run of these steps (the first one's answer was lost after its submit
            // committed, e.g. intake was restarted): the plan is no longer a draft. Done, then.
            let status = (try? await self.plan(preparer, plan).json["status"] as? [String: Any])?["code"] as? String
            guard let status, status != "draft" else { throw reply }
        }
        return plan
    }

    /// Uploads the scanned consent form and records the consent (a minor's parent or guardian signed).
    public func recordConsent(_ keeper: String, plan: String, consentForm: [UInt8], signedOn: String, key: String? = nil) async throws {
        let headers = key.map { ["Idempotency-Key": "\($0)-form"] } ?? [:]
        let form = try await id(http.require([201], "consent form", "POST",
                                             endpoints.intake + "/plans/\(plan)/documents?purpose=consent&kind=consent_form",
                                             token: keeper, bytes: consentForm, contentType: "application/pdf", headers: headers))
        _ = try await http.require([200], "consent", "PUT", endpoints.intake + "/plans/\(plan)/consent", token: keeper,
                                   json: jsonText(["signer": "parent_or_guardian", "signedOn": signedOn, "documentId": form]))
    }

    /// Registers a staff contract (the institution's coordinator or head): hours are recorded and
    /// paid only inside one, at its rate. Returns the contract's id.
    public func staffContract(_ keeper: String, person: String, institution: String, profession: String, hourlyRateCents: Int,
                              validFrom: String) async throws -> String {
        try await id(http.require([201], "staff contract", "POST", endpoints.timesheets + "/timesheets/contracts", token: keeper,
                            json: jsonText(["personId": person, "institutionId": institution, "profession": profession,
                                            "hourlyRateCents": hourlyRateCents, "validFrom": validFrom])))
    }

    /// The plan's status and approval-visible details as intake shows them.
    public func plan(_ token: String, _ plan: String) async throws -> PlatformHTTP.Reply {
        try await http.require([200], "read plan", "GET", endpoints.intake + "/plans/\(plan)", token: token)
    }

    /// Polls intake until the plan has `status` (or `timeout` passes).
    public func waitForStatus(_ token: String, _ plan: String, _ status: String, timeout: Duration = .seconds(60)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var last = ""
        while clock.now < deadline {
            last = (try await self.plan(token, plan).json["status"] as? [String: Any])?["code"] as? String ?? ""
            if last == status { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw PlatformHTTP.UnexpectedReply(step: "wait for plan \(plan) to be \(status)", status: 0, body: "still \(last)")
    }

    // MARK: Approval

    public func approve(_ approver: String, _ plan: String) async throws -> PlatformHTTP.Reply {
        try await http.require([200], "approve", "POST", endpoints.approval + "/approvals/plans/\(plan)/approve", token: approver)
    }

    /// The plan as approval knows it (its measures carry the ids timesheets and payouts use).
    public func approvalSummary(_ token: String, _ plan: String) async throws -> [String: Any] {
        try await http.require([200], "approval summary", "GET", endpoints.approval + "/approvals/plans/\(plan)", token: token).json
    }

    // MARK: Timesheets

    public func recordConsultation(_ specialist: String, plan: String, measure: String, date: String, minutes: Int, provider: String,
                                   subject: String?, remote: Bool) async throws -> PlatformHTTP.Reply {
        var body: [String: Any] = ["planId": plan, "measureId": measure, "workDate": date, "minutes": minutes, "providerType": provider,
                                   "remote": remote]
        if let subject { body["subject"] = subject }
        return try await http.require([201], "record consultation", "POST", endpoints.timesheets + "/timesheets/entries", token: specialist,
                                      json: jsonText(body))
    }

    public func workLog(_ token: String, _ id: String, _ command: String, comment: String? = nil) async throws -> PlatformHTTP.Reply {
        try await http.require([200], "work record \(command)", "POST", endpoints.timesheets + "/timesheets/worklogs/\(id)/\(command)",
                               token: token, json: comment.map { jsonText(["comment": $0]) } ?? "{}")
    }

    // MARK: Payouts

    /// Uploads a receipt, then claims with it.
    public func claim(_ preparer: String, plan: String, measure: String, period: String, cents: Int, description: String,
                      receipt: [UInt8], payeeName: String, iban: String) async throws -> PlatformHTTP.Reply {
        let receiptId = try await uploadReceipt(preparer, receipt)
        return try await claim(preparer, plan: plan, measure: measure, period: period, cents: cents, description: description,
                               receiptId: receiptId, payeeName: payeeName, iban: iban)
    }

    public func uploadReceipt(_ preparer: String, _ receipt: [UInt8]) async throws -> String {
        try await id(http.require([201], "upload receipt", "POST", endpoints.payouts + "/payouts/receipts", token: preparer,
                                  bytes: receipt, contentType: "application/pdf"))
    }

    /// A claim with an uploaded receipt; with `key` a retry gets the first answer (Idempotency-Key).
    public func claim(_ preparer: String, plan: String, measure: String, period: String, cents: Int, description: String,
                      receiptId: String, payeeName: String, iban: String, key: String? = nil) async throws -> PlatformHTTP.Reply {
        try await http.require([201], "expense claim", "POST", endpoints.payouts + "/payouts/claims", token: preparer, json: jsonText([
            "planId": plan, "measureId": measure, "period": period, "amountCents": cents, "description": description,
            "receiptId": receiptId, "payee": ["name": payeeName, "iban": iban],
        ]), headers: key.map { ["Idempotency-Key": $0] } ?? [:])
    }

    public func staffPayee(_ token: String, person: String, name: String, iban: String) async throws {
        _ = try await http.require([200], "staff bank account", "PUT", endpoints.payouts + "/payouts/payees/staff/\(person)", token: token,
                                   json: jsonText(["name": name, "iban": iban]))
    }

    public func planPayouts(_ token: String, plan: String) async throws -> [[String: Any]] {
        let reply = try await http.require([200], "plan payouts", "GET", endpoints.payouts + "/payouts/plans/\(plan)", token: token)
        return (try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["items"] as? [[String: Any]] ?? []
    }

    private func id(_ reply: PlatformHTTP.Reply) throws -> String {
        guard let id = reply.string("id") ?? reply.string("planId") else {
            throw PlatformHTTP.UnexpectedReply(step: "read id", status: reply.status, body: reply.text)
        }
        return id.lowercased()
    }
}
