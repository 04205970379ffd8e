import Auth
import Foundation
import Rules

/// Drives N plans through the running system as its users would, for the pipeline benchmark
/// and the fault drill: preparers submit through intake (every POST with an Idempotency-Key, so
/// a step is retried safely while a service or the broker is down), scripted approvers (every
/// head, the coordinator and the IKVD expert, side by side) work their queues with bulk
/// approvals, and each fully approved plan gets
/// one meals claim (released at once: a payout to finance, and emails on the way).
public struct PipelineDriver: Sendable {
    public struct Config: Sendable {
        public var plans: Int
        public var schools: Int
        public var concurrency: Int
        public var semester: SemesterDates
        public var today: CalendarDate
        public var content: [UInt8]
        public var consentForm: [UInt8]
        /// Unique per run: names, emails (`…@<tag>.example.lv`) and Idempotency-Keys.
        public var tag: String
        /// How long a step keeps retrying through outages.
        public var stepDeadline: Duration

        public init(plans: Int, schools: Int = 10, concurrency: Int = 24, semester: SemesterDates, today: CalendarDate,
                    content: [UInt8], consentForm: [UInt8], tag: String, stepDeadline: Duration = .seconds(120)) {
            self.plans = plans; self.schools = schools; self.concurrency = concurrency; self.semester = semester; self.today = today
            self.content = content; self.consentForm = consentForm; self.tag = tag; self.stepDeadline = stepDeadline
        }

        public var mailDomain: String { "\(tag).example.lv" }
        /// Where this run's students start among the codes (from the clock: runs do not share students).
        public var studentOffset = (Int(Date().timeIntervalSince1970) / 10 % 90) * 12_000
        public var month: String { String(max(semester.start, min(today, semester.end)).iso.prefix(7)) }
    }

    /// Who acts: one municipality, its schools with a head and a preparer each, a coordinator,
    /// an IKVD expert and finance.
    public struct Cast: Sendable {
        public var municipality: String
        public var schools: [String]
        public var preparers: [String]
        public var heads: [String]
        public var coordinator: String
        public var expert: String
        public var finance: String
    }

    /// What happened to each plan, with client-side times (seconds since the run's start).
    public actor Record {
        public private(set) var submitted: [Int: (plan: String, at: Double)] = [:]
        /// Wall-clock submit times (seconds since 1970), to compare with the services' timestamps.
        public private(set) var submittedWall: [String: Double] = [:]
        public private(set) var approvedAt: [String: Double] = [:]
        public private(set) var claimedAt: [String: Double] = [:]
        public private(set) var payouts: [String: String] = [:]
        public private(set) var failures: [String] = []
        public private(set) var retries = 0
        let start = ContinuousClock.now

        public init() {}
        public func now() -> Double { let d = ContinuousClock.now - start; return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        func submitted(_ index: Int, _ plan: String) {
            submitted[index] = (plan.lowercased(), now())
            submittedWall[plan.lowercased()] = Date().timeIntervalSince1970
        }
        func approved(_ plan: String) -> Bool { if approvedAt[plan] != nil { return false }; approvedAt[plan] = now(); return true }
        func claimed(_ plan: String, payout: String?) { claimedAt[plan] = now(); if let payout { payouts[plan] = payout } }
        func failed(_ text: String) { failures.append(text) }
        func unapproved() -> [String] { submitted.values.map(\.plan).filter { approvedAt[$0] == nil } }
        func index(of plan: String) -> Int? { submitted.first { $0.value.plan == plan }?.key }
        func retried() { retries += 1 }
        public var submittedCount: Int { submitted.count }
        public var approvedCount: Int { approvedAt.count }
        public var claimedCount: Int { claimedAt.count }
    }

    public let api: PlatformAPI
    public let minter: TokenMinter
    public let config: Config
    /// The IKVD administrator who builds the cast (they must hold the role in the directory).
    public let administrator: UUID
    public let record = Record()

    public init(api: PlatformAPI, minter: TokenMinter, config: Config, administrator: UUID) {
        self.api = api
        self.minter = minter
        self.config = config
        self.administrator = administrator
    }

    // MARK: Setup

    public func setup() async throws -> Cast {
        let admin = try await minter.mint(personId: administrator, role: .ikvdAdmin, scope: .national, lifetime: .seconds(6 * 3600))
        let tag = config.tag
        let municipality = try await retrying("municipality") { try await api.municipality(admin, name: "Bench \(tag)", region: "Vidzeme") }
        func person(_ token: String, _ key: String, role: String, scope: String, id: String?) async throws -> String {
            let person = try await retrying("person \(key)") {
                try await api.person(token, name: "Bench \(key)", email: "\(key)@\(config.mailDomain)")
            }
            try await retrying("assign \(key)") { try await api.assign(token, person: person, role: role, scopeKind: scope, scopeId: id) }
            return person
        }
        let coordinator = try await person(admin, "coordinator", role: "municipality_coordinator", scope: "municipality", id: municipality)
        let expert = try await person(admin, "expert", role: "ikvd_expert", scope: "national", id: nil)
        let finance = try await person(admin, "finance", role: "finance", scope: "national", id: nil)
        var schools: [String] = [], preparers: [String] = [], heads: [String] = []
        for index in 0..<config.schools {
            let school = try await retrying("school") {
                try await api.institution(admin, name: "Bench \(tag) skola \(index + 1)", kind: "general", founder: "municipal",
                                          municipality: municipality, region: nil)
            }
            let headPerson = try await person(admin, "head\(index)", role: "institution_head", scope: "institution", id: school)
            let head = try await mint(.institutionHead, .institution(try uuid(school)), headPerson)
            let preparer = try await person(head, "preparer\(index)", role: "preparer", scope: "institution", id: school)
            schools.append(school)
            heads.append(head)
            preparers.append(try await mint(.preparer, .institution(try uuid(school)), preparer))
        }
        return Cast(municipality: municipality, schools: schools, preparers: preparers, heads: heads,
                    coordinator: try await mint(.municipalityCoordinator, .municipality(try uuid(municipality)), coordinator),
                    expert: try await mint(.ikvdExpert, .national, expert), finance: try await mint(.finance, .national, finance))
    }

    /// Revokes the national roles (IKVD expert, finance) of benchmark and drill casts — people
    /// at `@bench<digits>.example.lv` or `@drill<digits>.example.lv` — other than this run's.
    /// Every national IKVD expert is emailed for every plan that awaits IKVD, so the casts of
    /// finished runs left active would make each run send more mail than the one before (and
    /// measure that). Returns how many assignments were revoked. Nothing is deleted.
    @discardableResult
    public func retireOtherCasts(keepingThisRun: Bool = true) async throws -> Int {
        let admin = try await minter.mint(personId: administrator, role: .ikvdAdmin, scope: .national, lifetime: .seconds(3600))
        var stale: [String] = []
        var offset = 0
        while true {
            let from = offset
            let page = try await retrying("list people") { try await api.people(admin, limit: 100, offset: from) }
            for person in page.items where Self.isRunCast(person.email) && !(keepingThisRun && person.email.hasSuffix("@" + config.mailDomain)) {
                stale += person.assignments.filter { ["ikvd_expert", "finance"].contains($0.role) }.map(\.id)
            }
            offset += page.items.count
            if page.items.isEmpty || offset >= page.total { break }
        }
        for id in stale { try await retrying("revoke \(id)") { try await api.revoke(admin, assignment: id) } }
        return stale.count
    }

    /// Whether `email` belongs to a benchmark or drill cast (`…@bench123456.example.lv`).
    static func isRunCast(_ email: String) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        let domain = email[email.index(after: at)...]
        guard domain.hasSuffix(".example.lv") else { return false }
        let label = domain.dropLast(".example.lv".count)
        for prefix in ["bench", "drill"] where label.hasPrefix(prefix) {
            let digits = label.dropFirst(prefix.count)
            if !digits.isEmpty && digits.allSatisfy(\.isNumber) { return true }
        }
        return false
    }

    // MARK: The run

    /// Submits every plan (`concurrency` at a time) while the approver and the claimers work;
    /// returns once every submitted plan has its claim or `deadline` passes.
    public func run(_ cast: Cast, deadline: Duration) async throws {
        let claims = ClaimQueue()
        let end = ContinuousClock.now + deadline
        let approvals = Task { try await approver(cast, claims: claims, until: end) }
        let claimers = (0..<max(2, config.concurrency / 3)).map { _ in Task { try await claimer(cast, queue: claims, until: end) } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask { try await submit(index, cast) }
            }
            for _ in 0..<min(config.concurrency, config.plans) { add() }
            while try await group.next() != nil { if next < config.plans { add() } }
        }
        try await approvals.value
        await claims.close()
        for claimer in claimers { try await claimer.value }
    }

    private func submit(_ index: Int, _ cast: Cast) async throws {
        let school = index % config.schools
        // New students every run: a student's compensation cap is shared by all their plans.
        let student = index + config.studentOffset
        let code = StudentCodes.code(index: student % 365_000, bornIn: 2010 + (student / 365_000) % 3)
        do {
            let plan = try await retrying("submit plan \(index)") {
                try await api.submitPlan(cast.preparers[school], institution: cast.schools[school], personalCode: code,
                                         semester: config.semester.semester.code, content: config.content, consentForm: config.consentForm,
                                         signedOn: config.semester.start.iso, key: "\(config.tag)-\(index)")
            }
            await record.submitted(index, plan)
        } catch {
            await record.failed("plan \(index): \(error)")
        }
    }

    /// The approvers: every school's head, the municipality coordinator and the IKVD expert work
    /// their own queues at the same time, as the people would, in bulk (≤ 200 plans a request),
    /// until every submitted plan is approved; a plan IKVD approves goes to the claimers.
    private func approver(_ cast: Cast, claims: ClaimQueue, until end: ContinuousClock.Instant) async throws {
        let tokens = cast.heads + [cast.coordinator, cast.expert]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, token) in tokens.enumerated() {
                // The IKVD expert (the last level) also looks for approvals whose answer was lost.
                let recovers = index == tokens.count - 1
                group.addTask { try await approve(as: token, recovers: recovers, cast, claims: claims, until: end) }
            }
            try await group.waitForAll()
        }
    }

    /// One approver's loop: take the queue, approve it in bulk, until every submitted plan is approved.
    private func approve(as token: String, recovers: Bool, _ cast: Cast, claims: ClaimQueue,
                         until end: ContinuousClock.Instant) async throws {
        while ContinuousClock.now < end {
            if try await workQueue(token, claims: claims) { continue }
            let submitted = await record.submittedCount, failed = await record.failures.count
            if submitted + failed >= config.plans {
                if await record.approvedCount >= submitted { return }
                if recovers {
                    // Queues empty but plans unaccounted for: a bulk answer was lost (timeout, restart)
                    // after it committed. Ask approval for each such plan's state.
                    for plan in await record.unapproved() {
                        let state = try? await api.approvalSummary(cast.expert, plan)["plan"] as? [String: Any]
                        if state?["state"] as? String == "approved", await record.approved(plan) { await claims.push(plan) }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Approves what is in `token`'s queue now; false when the queue was empty (or unreachable).
    private func workQueue(_ token: String, claims: ClaimQueue) async throws -> Bool {
        guard let reply = try? await api.http.send("GET", api.endpoints.approval + "/approvals/queue?limit=200", token: token),
              reply.status == 200 else {
            await record.retried()
            return false
        }
        let items = ((reply.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["planId"] as? String }
        guard !items.isEmpty else { return false }
        guard let bulk = try? await api.http.send("POST", api.endpoints.approval + "/approvals/bulk-approve", token: token,
                                                  json: jsonText(["planIds": items])), bulk.status == 200 else {
            // A refused bulk request (not an outage) must not stall the queue: one by one.
            await record.retried()
            for plan in items {
                let one = try? await api.http.send("POST", api.endpoints.approval + "/approvals/plans/\(plan)/approve", token: token)
                if (one?.json["state"] as? String) == "approved", await record.approved(plan.lowercased()) { await claims.push(plan.lowercased()) }
            }
            return true
        }
        for result in (bulk.json["results"] as? [[String: Any]]) ?? [] where result["outcome"] as? String == "approved" {
            if let plan = (result["planId"] as? String)?.lowercased(), await record.approved(plan) { await claims.push(plan) }
        }
        return true
    }

    /// One meals claim per approved plan (the measure id from approval's summary).
    private func claimer(_ cast: Cast, queue: ClaimQueue, until end: ContinuousClock.Instant) async throws {
        let receipt = Array("%PDF-1.4\n% bench receipt \(config.tag)\n%%EOF\n".utf8)
        while ContinuousClock.now < end {
            guard let next = await queue.pop() else { try await Task.sleep(for: .milliseconds(50)); continue }
            guard let plan = next else { return }
            guard let index = await record.index(of: plan) else { continue }
            let preparer = cast.preparers[index % config.schools]
            do {
                let found: String? = try await retrying("summary \(plan)") {
                    let measures = try await api.approvalSummary(cast.expert, plan)["measures"] as? [[String: Any]] ?? []
                    return measures.first(where: { $0["type"] as? String == "meals" })?["measureId"] as? String
                }
                guard let meals = found else {
                    await record.failed("plan \(plan): no meals measure")
                    continue
                }
                let receiptId = try await retrying("receipt \(plan)") { try await api.uploadReceipt(preparer, receipt + Array(plan.utf8)) }
                // Payouts learns of the approval through the broker: until then the plan is 404/409 there.
                let reply = try await retrying("claim \(plan)", alsoRetry: [404, 409]) {
                    try await api.claim(preparer, plan: plan, measure: meals.lowercased(), period: config.month, cents: 1500,
                                        description: "Pusdienas (\(config.tag))", receiptId: receiptId, payeeName: "Bench Payee",
                                        iban: "LV80BANK0000435195001", key: "\(config.tag)-claim-\(plan)")
                }
                await record.claimed(plan, payout: (reply.json["payout"] as? [String: Any])?["payoutId"] as? String)
            } catch {
                await record.failed("claim \(plan): \(error)")
            }
        }
    }

    // MARK: Helpers

    /// Retries `body` through transport errors and 5xx answers until the step deadline.
    /// `alsoRetry`: statuses that mean "not yet" for this step (e.g. 404 while payouts has not
    /// yet seen the plan's approval event).
    public func retrying<T: Sendable>(_ step: String, alsoRetry: Set<Int> = [], _ body: @Sendable () async throws -> T) async throws -> T {
        let end = ContinuousClock.now + config.stepDeadline
        var delay = Duration.milliseconds(200)
        while true {
            do {
                return try await body()
            } catch let reply as PlatformHTTP.UnexpectedReply
                        where reply.status < 500 && reply.status != 0 && reply.status != 429 && !alsoRetry.contains(reply.status) {
                throw reply
            } catch {
                guard ContinuousClock.now + delay < end else { throw error }
                await record.retried()
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(3))
            }
        }
    }

    private func mint(_ role: Role, _ scope: Scope, _ person: String) async throws -> String {
        try await minter.mint(personId: try uuid(person), role: role, scope: scope, lifetime: .seconds(6 * 3600))
    }

    private func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw PlatformHTTP.UnexpectedReply(step: "id", status: 0, body: text) }
        return id
    }
}

/// Approved plans waiting for their claim.
actor ClaimQueue {
    private var items: [String] = []
    private var closed = false
    func push(_ plan: String) { items.append(plan) }
    func pop() -> String?? { items.isEmpty ? (closed ? .some(nil) : nil) : .some(items.removeFirst()) }
    func close() { closed = true }
}
