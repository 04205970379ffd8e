import Foundation
import HTTPTypes
import Postgres
import ServiceKit

/// How much one plan may hold and one person may upload in a UTC day (issue #17, item 10): a
/// runaway script or a stolen token cannot fill the database with documents. Checked inside the
/// upload's transaction, after the plan row is locked and the uploader's advisory lock is held,
/// so parallel uploads cannot both slip under a limit.
public struct UploadQuota: Sendable, Equatable {
    /// Documents one plan may hold (evidence and consent forms together).
    public var documentsPerPlan: Int
    /// Bytes one plan's documents may take together.
    public var bytesPerPlan: Int
    /// Uploads one person may make in a UTC day (over every plan).
    public var uploadsPerPersonPerDay: Int
    /// Bytes one person may upload in a UTC day.
    public var bytesPerPersonPerDay: Int

    /// Defaults: 40 documents and 100 MiB per plan (a plan has a handful of certificates and
    /// forms); 300 uploads and 512 MiB per person per day (a school's whole intake in one day).
    public init(documentsPerPlan: Int = 40, bytesPerPlan: Int = 100 * 1024 * 1024,
                uploadsPerPersonPerDay: Int = 300, bytesPerPersonPerDay: Int = 512 * 1024 * 1024) {
        self.documentsPerPlan = documentsPerPlan
        self.bytesPerPlan = bytesPerPlan
        self.uploadsPerPersonPerDay = uploadsPerPersonPerDay
        self.bytesPerPersonPerDay = bytesPerPersonPerDay
    }

    /// Documents and bytes already stored.
    struct Usage: Sendable, Equatable {
        var count: Int
        var bytes: Int
    }

    /// The refusal for an upload of `size` bytes, or nil when it fits. The plan's own limit is
    /// told first: waiting a day does not help there.
    func refusal(plan: Usage, personToday: Usage, size: Int) -> ProblemDetails? {
        if plan.count + 1 > documentsPerPlan || plan.bytes + size > bytesPerPlan {
            return ProblemDetails(
                status: .conflict, type: "urn:pumpurs:problem:quota",
                title: "Plāna dokumentu apjoms ir izsmelts / The plan's document allowance is used up",
                detail: "Plānam var pievienot līdz \(documentsPerPlan) dokumentiem un \(bytesPerPlan) baitiem. / "
                    + "A plan holds at most \(documentsPerPlan) documents and \(bytesPerPlan) bytes.",
                errors: [.init(field: "(body)", rule: "document.plan_quota",
                               message: "Plānam var pievienot līdz \(documentsPerPlan) dokumentiem un \(bytesPerPlan) baitiem.",
                               messageEn: "A plan holds at most \(documentsPerPlan) documents and \(bytesPerPlan) bytes.")])
        }
        if personToday.count + 1 > uploadsPerPersonPerDay || personToday.bytes + size > bytesPerPersonPerDay {
            return ProblemDetails(
                status: .tooManyRequests, type: "urn:pumpurs:problem:quota",
                title: "Dienas augšupielāžu apjoms ir izsmelts / Today's upload allowance is used up",
                detail: "Vienā dienā (UTC) var augšupielādēt līdz \(uploadsPerPersonPerDay) dokumentiem un \(bytesPerPersonPerDay) baitiem; "
                    + "mēģiniet vēlreiz rīt. / At most \(uploadsPerPersonPerDay) documents and \(bytesPerPersonPerDay) bytes a day (UTC); "
                    + "try again tomorrow.",
                errors: [.init(field: "(body)", rule: "document.daily_quota",
                               message: "Vienā dienā var augšupielādēt līdz \(uploadsPerPersonPerDay) dokumentiem un \(bytesPerPersonPerDay) baitiem.",
                               messageEn: "At most \(uploadsPerPersonPerDay) documents and \(bytesPerPersonPerDay) bytes a day.")])
        }
        return nil
    }

    /// Throws the refusal for an upload of `size` bytes by `person` to `planId` (whose row the
    /// caller has locked). Takes a transaction-scoped advisory lock on the person, so their
    /// parallel uploads to different plans are counted one after the other.
    func check(planId: UUID, person: UUID, size: Int, on connection: PostgresConnection) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended('pumpurs.upload.' || $1::text, 0))", [person])
        let plan = try connection.query(
            "SELECT count(*) AS n, coalesce(sum(size_bytes), 0)::int8 AS bytes FROM documents WHERE plan_id = $1", [planId]).single()
        let today = try connection.query("""
            SELECT count(*) AS n, coalesce(sum(size_bytes), 0)::int8 AS bytes FROM documents
            WHERE uploaded_by = $1 AND uploaded_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
            """, [person]).single()
        if let problem = refusal(plan: Usage(count: try plan.decode("n"), bytes: try plan.decode("bytes")),
                                 personToday: Usage(count: try today.decode("n"), bytes: try today.decode("bytes")), size: size) {
            throw problem
        }
    }
}
