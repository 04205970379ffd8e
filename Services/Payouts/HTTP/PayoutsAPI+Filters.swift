import Foundation
import Hummingbird
import ServiceKit

/// The query filters of finance's lists (`/finance/payouts`, `/finance/batches`, `/finance/ledger`),
/// each refused with 422 and the field it names when it is not a value the API knows.
extension PayoutsAPI {
    /// The optional `period` query parameter: a month or a semester code.
    static func period(_ request: Request) throws -> String? {
        guard let text = request.uri.queryParameters["period"].map(String.init) else { return nil }
        guard let period = PayoutPeriod(text) else {
            throw CommonProblems.invalidField("period", "payout.period", lv: "Periods: GGGG-MM vai 2026/2027-1.", en: "Period: YYYY-MM or 2026/2027-1.")
        }
        return period.description
    }

    static func filter(_ request: Request) throws -> FinanceBooks.Filter {
        let query = request.uri.queryParameters
        var filter = FinanceBooks.Filter()
        filter.period = try period(request)
        if let state = query["state"].map(String.init) {
            guard ["held", "released", "voided", "reversed"].contains(state) else {
                throw CommonProblems.invalidField("state", "payout.state", lv: "state: held, released, voided vai reversed.",
                                                  en: "state: held, released, voided or reversed.")
            }
            filter.state = state
        }
        if let kind = query["kind"].map(String.init) {
            guard ["claim", "staff", "youth_project"].contains(kind) else {
                throw CommonProblems.invalidField("kind", "payout.kind", lv: "kind: claim, staff vai youth_project.",
                                                  en: "kind: claim, staff or youth_project.")
            }
            filter.kind = kind
        }
        for (name, path) in [("planId", \FinanceBooks.Filter.planId), ("batchId", \FinanceBooks.Filter.batchId),
                             ("institutionId", \FinanceBooks.Filter.institutionId)] {
            guard let text = query[Substring(name)] else { continue }
            guard let id = UUID(uuidString: String(text)) else {
                throw CommonProblems.invalidField(name, "request.uuid", lv: "Nederīgs identifikators.", en: "Invalid id.")
            }
            filter[keyPath: path] = id
        }
        return filter
    }
}
