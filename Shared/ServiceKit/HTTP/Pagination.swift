import Hummingbird

/// `limit` and `offset` query parameters, checked: 1–200 items per page (default 50).
public struct Pagination: Sendable, Equatable {
    /// Items per page.
    public var limit: Int
    /// Items skipped.
    public var offset: Int

    /// Reads the parameters of `request`, or throws a 422 naming the bad one.
    public init(_ request: Request, defaultLimit: Int = 50, maxLimit: Int = 200) throws(ProblemDetails) {
        let query = request.uri.queryParameters
        limit = defaultLimit
        offset = 0
        if let text = query["limit"] {
            guard let value = Int(String(text)), (1...maxLimit).contains(value) else {
                throw CommonProblems.invalidField("limit", "pagination.limit", lv: "limit: no 1 līdz \(maxLimit).",
                                                  en: "limit: from 1 to \(maxLimit).")
            }
            limit = value
        }
        if let text = query["offset"] {
            guard let value = Int(String(text)), (0...1_000_000).contains(value) else {
                throw CommonProblems.invalidField("offset", "pagination.offset", lv: "offset: vesels skaitlis no 0.",
                                                  en: "offset: a whole number from 0.")
            }
            offset = value
        }
    }
}
