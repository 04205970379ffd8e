import CivilCalendar
import Foundation

/// The account that pays a batch (the programme's paying institution).
public struct ExportDebtor: Sendable, Hashable {
    /// The account holder's name as the bank knows it.
    public var name: String
    /// The debtor's IBAN (normalised by `IBAN.normalized` before it is written).
    public var iban: String
    /// The debtor bank's BIC; without it the bank file says `NOTPROVIDED`.
    public var bic: String?

    /// Creates a debtor.
    public init(name: String, iban: String, bic: String? = nil) {
        self.name = name
        self.iban = iban
        self.bic = bic
    }
}

/// One released payout as the exports see it: money in integer euro cents, never a personal code.
public struct ExportPayment: Sendable, Hashable {
    /// The payout's stable id (the bank file's end-to-end id).
    public var payoutId: UUID
    /// The key finance deduplicates on.
    public var idempotencyKey: String
    /// The amount in euro cents (must be positive to be paid).
    public var amountCents: Int64
    /// The period paid for, e.g. `2025-03` or `2025/26-1`.
    public var period: String
    /// The pseudonymous student code (`S-…`), never the personal code.
    public var studentCode: String
    /// The measure (catalogue code) the payout compensates.
    public var measure: String
    /// The payee's reference in the ledger (no personal code).
    public var payeeReference: String
    /// The payee's name as on the account.
    public var payeeName: String
    /// The payee's IBAN.
    public var payeeIBAN: String
    /// The payee bank's BIC, when known (SEPA does not require it).
    public var payeeBIC: String?

    /// Creates a payment.
    public init(payoutId: UUID, idempotencyKey: String, amountCents: Int64, period: String, studentCode: String,
                measure: String, payeeReference: String, payeeName: String, payeeIBAN: String, payeeBIC: String? = nil) {
        self.payoutId = payoutId
        self.idempotencyKey = idempotencyKey
        self.amountCents = amountCents
        self.period = period
        self.studentCode = studentCode
        self.measure = measure
        self.payeeReference = payeeReference
        self.payeeName = payeeName
        self.payeeIBAN = payeeIBAN
        self.payeeBIC = payeeBIC
    }
}

/// A batch of released payouts to hand to finance and the bank, in the order given.
public struct ExportBatch: Sendable, Hashable {
    /// The batch's stable id (the bank file's message id).
    public var batchId: UUID
    /// The period the batch belongs to.
    public var period: String
    /// When the batch was made (the bank file's creation time, written in UTC).
    public var createdAt: Date
    /// The requested execution date, `YYYY-MM-DD`.
    public var executionDate: String
    /// The paying account.
    public var debtor: ExportDebtor
    /// The payments, written in this order.
    public var payments: [ExportPayment]

    /// Creates a batch.
    public init(batchId: UUID, period: String, createdAt: Date, executionDate: String, debtor: ExportDebtor,
                payments: [ExportPayment]) {
        self.batchId = batchId
        self.period = period
        self.createdAt = createdAt
        self.executionDate = executionDate
        self.debtor = debtor
        self.payments = payments
    }

    /// The number of payments.
    public var count: Int { payments.count }

    /// The sum of all amounts in cents. Saturates at the bounds of `Int64` (like `Rules.Cents`)
    /// instead of trapping, so no input can crash the service; `problems()` reports it.
    public var totalCents: Int64 {
        payments.reduce(Int64(0)) { sum, payment in
            let (next, overflow) = sum.addingReportingOverflow(payment.amountCents)
            return overflow ? (payment.amountCents > 0 ? .max : .min) : next
        }
    }
}

/// Something that makes a batch unfit to send to a bank. The exports still write what they are
/// given (finance may want to see a broken batch), so the caller checks `problems()` first.
public enum ExportProblem: Sendable, Hashable {
    /// The batch has no payments (a SEPA file needs at least one).
    case noPayments
    /// The execution date is not a real `YYYY-MM-DD` date.
    case invalidExecutionDate(String)
    /// The debtor's IBAN fails `IBAN.normalized`.
    case invalidDebtorIBAN
    /// The debtor's BIC fails `IBAN.isValidBIC`.
    case invalidDebtorBIC
    /// The debtor's name has nothing left after the SEPA character set is applied.
    case emptyDebtorName
    /// An amount is zero or negative (SEPA needs at least 0.01).
    case nonPositiveAmount(UUID)
    /// An amount is over the SEPA maximum of 999 999 999.99 EUR.
    case amountTooLarge(UUID)
    /// A payee's IBAN fails `IBAN.normalized`.
    case invalidPayeeIBAN(UUID)
    /// A payee's BIC fails `IBAN.isValidBIC`.
    case invalidPayeeBIC(UUID)
    /// A payee's name has nothing left after the SEPA character set is applied.
    case emptyPayeeName(UUID)
    /// The same payout appears twice (it would be paid twice).
    case duplicatePayout(UUID)
    /// A free-text field looks like a Latvian personal code, which must never leave intake.
    case personalCodeInText(UUID, field: String)
    /// The total does not fit in `Int64` cents.
    case totalOverflow
}

extension ExportBatch {
    /// The largest amount one SEPA credit transfer may carry, in cents.
    public static let maximumAmountCents: Int64 = 99_999_999_999

    /// Everything wrong with this batch for a bank, in a stable order; empty when it can be sent.
    public func problems() -> [ExportProblem] {
        var found: [ExportProblem] = []
        if payments.isEmpty { found.append(.noPayments) }
        if !ExportText.isCalendarDate(executionDate) { found.append(.invalidExecutionDate(executionDate)) }
        if IBAN.normalized(debtor.iban) == nil { found.append(.invalidDebtorIBAN) }
        if let bic = debtor.bic, !IBAN.isValidBIC(bic) { found.append(.invalidDebtorBIC) }
        if ExportText.sepaText(debtor.name, maxLength: 70).isEmpty { found.append(.emptyDebtorName) }
        var seen = Set<UUID>()
        var sum = Int64(0)
        var overflowed = false
        for payment in payments {
            let id = payment.payoutId
            if !seen.insert(id).inserted { found.append(.duplicatePayout(id)) }
            if payment.amountCents <= 0 { found.append(.nonPositiveAmount(id)) }
            if payment.amountCents > Self.maximumAmountCents { found.append(.amountTooLarge(id)) }
            if IBAN.normalized(payment.payeeIBAN) == nil { found.append(.invalidPayeeIBAN(id)) }
            if let bic = payment.payeeBIC, !IBAN.isValidBIC(bic) { found.append(.invalidPayeeBIC(id)) }
            if ExportText.sepaText(payment.payeeName, maxLength: 70).isEmpty { found.append(.emptyPayeeName(id)) }
            let texts = [("payeeReference", payment.payeeReference), ("payeeName", payment.payeeName),
                         ("studentCode", payment.studentCode), ("measure", payment.measure),
                         ("idempotencyKey", payment.idempotencyKey)]
            for (field, text) in texts where ExportText.containsPersonalCodeShape(text) {
                found.append(.personalCodeInText(id, field: field))
            }
            let (next, overflow) = sum.addingReportingOverflow(payment.amountCents)
            if overflow { overflowed = true } else { sum = next }
        }
        if overflowed { found.append(.totalOverflow) }
        return found
    }
}

/// Text helpers shared by the exports: money, ids and the SEPA character set. Pure and deterministic.
enum ExportText {
    /// Cents as euros with exactly two decimals (`1` → `0.01`, `-5` → `-0.05`), by integer arithmetic only.
    static func euros(_ cents: Int64) -> String {
        let magnitude = cents.magnitude  // UInt64: also right for Int64.min
        let whole = magnitude / 100
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// A UUID as 32 lower-case hex digits without dashes.
    static func hex(_ id: UUID) -> String {
        id.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// `date` as ISO 8601 UTC to the second (`2025-03-01T09:30:00Z`), computed from the epoch
    /// with integer civil-date arithmetic, so no locale, calendar or time zone setting can change it.
    static func utcTimestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        // A date beyond ±30 million years (never a real batch) writes the epoch rather than trapping.
        let seconds: Int64 = interval.isFinite && abs(interval) < 1e15 ? Int64(interval.rounded(.down)) : 0
        let (days, secondOfDay) = CivilDays.split(seconds: Int(seconds))
        let (year, month, day) = CivilDays.civil(days: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondOfDay / 3_600, 2)):\(pad(secondOfDay % 3_600 / 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    /// Whether `text` is a real calendar date `YYYY-MM-DD` (ASCII digits, leap years honoured).
    static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
    }

    /// Whether `text` holds something shaped like a Latvian personal code (`DDMMYY-NNNNN`, with or
    /// without the dash, not part of a longer run of digits). Ids (UUIDs) are skipped first: a random
    /// id's last group holds 11 digits in a row now and then, and a batch must not be refused for it.
    static func containsPersonalCodeShape(_ text: String) -> Bool {
        let scalars = withoutUUIDs(Array(text.unicodeScalars))
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index])
        }
        for start in scalars.indices where isDigit(start) && !isDigit(start - 1) {
            var index = start
            var digits = 0
            var dashed = false
            while digits < 11 {
                if isDigit(index) {
                    digits += 1
                    index += 1
                } else if digits == 6, !dashed, index < scalars.count, scalars[index] == "-" {
                    dashed = true
                    index += 1
                } else {
                    break
                }
            }
            if digits == 11, !isDigit(index) { return true }
        }
        return false
    }

    /// `scalars` with every canonical UUID (8-4-4-4-12 hex digits) blanked out.
    static func withoutUUIDs(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let groups = [8, 4, 4, 4, 12]
        let length = 36
        func isHex(_ scalar: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
        }
        func isUUID(at start: Int) -> Bool {
            guard start + length <= scalars.count else { return false }
            var index = start
            for (number, size) in groups.enumerated() {
                if number > 0 {
                    guard scalars[index] == "-" else { return false }
                    index += 1
                }
                for _ in 0..<size {
                    guard isHex(scalars[index]) else { return false }
                    index += 1
                }
            }
            return true
        }
        var result = scalars
        var start = 0
        while start < result.count {
            if isUUID(at: start) {
                for index in start..<(start + length) { result[index] = " " }
                start += length
            } else {
                start += 1
            }
        }
        return result
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}
