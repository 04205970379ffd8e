import Foundation

/// What finance's pages decide without asking anyone (issue #20): which filters go to the payouts
/// API, what a payout offers, and what a batch offers. Pure, so the unit tests read it directly.
public enum FinanceRules {
    /// The roles that see finance's pages (finance only: its work moves money; IKVD's administrator
    /// reads the same API but has no page here).
    public static let keepers: Set<String> = ["finance"]

    /// The filters the payouts page takes, in the order the API documents them.
    public static let filterNames = ["period", "state", "institutionId", "kind"]

    /// The states and kinds a person may choose (the API refuses others with 422).
    public static let states = ["held", "released", "voided", "reversed"]
    public static let kinds = ["staff", "claim", "youth_project"]
    /// The ledger's groupings (`/finance/ledger?groupBy=`).
    public static let groupings = ["period", "measure", "institution", "municipality"]

    /// The filters a person gave (blank ones dropped, text trimmed), as the payouts API takes them.
    public static func filters(_ query: [String: String]) -> [(name: String, value: String)] {
        filterNames.compactMap { name in
            let value = (query[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : (name, value)
        }
    }

    /// `name=value&…`, each value percent-encoded (a period like `2026/2027-1` holds a slash).
    public static func queryString(_ pairs: [(name: String, value: String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// A released payout is what finance may reverse; a held one is voided by the release rules,
    /// and a voided or reversed one has nothing left to undo.
    public static func canReverse(state: String, role: String) -> Bool {
        state == "released" && keepers.contains(role)
    }

    /// Whether a payout's money is in its batch's bank file: a payout reversed after the batch was
    /// made stays in the batch but is left out of the file (payouts' `FinanceBooks.export`).
    public static func inBankFile(state: String) -> Bool { state == "released" }

    /// A batch is marked as sent once, by finance.
    public static func canMarkSent(sentAt: String?, role: String) -> Bool {
        sentAt == nil && keepers.contains(role)
    }

    /// The page's offsets for "previous" and "next" (nil where there is none).
    public static func pages(offset: Int, limit: Int, total: Int) -> (previous: Int?, next: Int?) {
        (offset > 0 ? max(0, offset - limit) : nil, offset + limit < total ? offset + limit : nil)
    }

    /// A batch file's name for the person's download (`pumpurs-<id>.xml`), from the id the route
    /// already checked: nothing a service says goes into the header.
    public static func fileName(batchId: UUID, file: String) -> String {
        "pumpurs-\(batchId.uuidString.lowercased())" + (file == "sepa.xml" ? ".xml" : ".csv")
    }

    /// A second finance officer confirms a proposed account change, never its proposer.
    public static func canConfirmPayeeChange(proposedBy: String, me: String) -> Bool {
        !proposedBy.isEmpty && proposedBy.lowercased() != me.lowercased()
    }

    /// A receipt's type as the portal serves it: the three types payouts accepts, anything else
    /// as plain bytes (never rendered as a page of ours).
    public static func receiptType(_ declared: String?) -> (mediaType: String, fileExtension: String) {
        switch declared?.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
        case "application/pdf": ("application/pdf", "pdf")
        case "image/png": ("image/png", "png")
        case "image/jpeg": ("image/jpeg", "jpg")
        default: ("application/octet-stream", "bin")
        }
    }
}
