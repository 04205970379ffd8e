import Foundation
import ServiceKit

/// The payout table for finance: RFC 4180 CSV (UTF-8, CRLF, one header row, one row per payout in
/// batch order, no total row), safe to open in a spreadsheet.
///
/// Names are written as given (UTF-8, not transliterated); the bank file is the one restricted to
/// the SEPA character set. Any cell a spreadsheet would read as a formula gets a leading
/// apostrophe, except the two amount columns, which are always plain numbers.
public enum PayoutCSV {
    /// The header row's column names, in order.
    public static let columns = [
        "payout_id", "idempotency_key", "period", "student_code", "measure", "amount_cents", "amount_eur",
        "currency", "payee_reference", "payee_name", "payee_iban",
    ]

    /// The CSV document for `batch`: the header, then one CRLF-terminated row per payment.
    public static func document(_ batch: ExportBatch) -> String {
        var out = row(columns.map { Cell.text($0) })
        for payment in batch.payments {
            out += row([
                .text(payment.payoutId.uuidString.lowercased()),
                .text(payment.idempotencyKey),
                .text(payment.period),
                .text(payment.studentCode),
                .text(payment.measure),
                .number(String(payment.amountCents)),
                .number(ExportText.euros(payment.amountCents)),
                .text("EUR"),
                .text(payment.payeeReference),
                .text(payment.payeeName),
                .text(IBAN.normalized(payment.payeeIBAN) ?? payment.payeeIBAN),
            ])
        }
        return out
    }

    /// The batch's control figures for an HTTP header, e.g. `count=3;total_cents=12345`.
    public static func controlLine(_ batch: ExportBatch) -> String {
        "count=\(batch.count);total_cents=\(batch.totalCents)"
    }

    /// A cell: free text (neutralised against formulas) or a number this code formatted itself.
    typealias Cell = CSVText.Cell

    /// One record with its CRLF (the kit's RFC 4180 writer).
    static func row(_ cells: [Cell]) -> String { CSVText.row(cells) }

    /// The value with a leading apostrophe if a spreadsheet would run it as a formula.
    static func neutralised(_ value: String) -> String { CSVText.neutralised(value) }

    /// The value in double quotes (inner quotes doubled) if it holds a comma, quote, CR or LF.
    static func quoted(_ value: String) -> String { CSVText.quoted(value) }
}
