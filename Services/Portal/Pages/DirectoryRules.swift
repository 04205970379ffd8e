import Foundation

/// The pure decisions behind the people, directory and audit pages (issue #20): which roles a
/// page offers whom, how a list is paged, how a scope choice becomes the API's scope, and how the
/// services' audit rows are merged into one list.
public enum DirectoryRules {
    /// The roles a head gives in their school (the directory's `AssignmentPolicy` decides; this is
    /// only what the form offers).
    public static let headAssignable = ["institution_coordinator", "preparer", "specialist"]
    /// The roles IKVD's administrator gives.
    public static let adminAssignable = ["institution_head", "municipality_coordinator", "vpii_coordinator", "ikvd_expert", "finance"]

    /// Previous and next page offsets for a list of `total` rows shown `limit` at a time (nil where
    /// there is no such page).
    public static func paging(offset: Int, limit: Int, total: Int) -> (previous: Int?, next: Int?) {
        let previous = offset > 0 ? max(0, offset - limit) : nil
        let next = offset + limit < total ? offset + limit : nil
        return (previous, next)
    }

    /// An offset from the query: a non-negative multiple of nothing in particular, capped so a
    /// typed URL cannot ask for an absurd page.
    public static func offset(_ text: String?, cap: Int = 10_000) -> Int {
        min(max(Int(text ?? "") ?? 0, 0), cap)
    }

    /// The scope a select's value names: `national`, `region:<name>`, `municipality:<id>`,
    /// `institution:<id>`; nil for anything else.
    public static func scope(_ choice: String) -> [String: String]? {
        if choice == "national" { return ["kind": "national"] }
        let parts = choice.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "region": return ["kind": "region", "region": parts[1]]
        case "municipality", "institution":
            guard UUID(uuidString: parts[1]) != nil else { return nil }
            return ["kind": parts[0], "id": parts[1].lowercased()]
        default: return nil
        }
    }

    /// One audit row and the service that keeps it.
    public struct AuditRow: Sendable, Equatable {
        public var service: String
        public var id: Int
        public var at: String
        public var fields: [String: String]

        public init(service: String, id: Int, at: String, fields: [String: String] = [:]) {
            self.service = service
            self.id = id
            self.at = at
            self.fields = fields
        }
    }

    /// The services' rows as one list, newest first (timestamps are UTC ISO 8601 of one format, so
    /// they sort as text; rows of the same instant by service, then newest row first), the page
    /// from `offset`.
    public static func merge(_ lists: [[AuditRow]], offset: Int, limit: Int) -> [AuditRow] {
        let all = lists.flatMap { $0 }.sorted { a, b in
            if a.at != b.at { return a.at > b.at }
            if a.service != b.service { return a.service < b.service }
            return a.id > b.id
        }
        guard offset < all.count else { return [] }
        return Array(all[offset..<min(all.count, offset + limit)])
    }
}
