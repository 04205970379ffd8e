/// An amount of money in euro cents. Integer only: the programme never uses floating point
/// for money (DOMAIN.md §5).
///
/// Arithmetic saturates at the bounds of `Int64` instead of trapping, so no input can crash
/// a service; amounts in this programme are many orders of magnitude below the bounds.
public struct Cents: Codable, Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The amount in cents (may be negative only as an intermediate difference).
    public var value: Int64

    /// Creates an amount from a number of cents.
    public init(_ value: Int64) { self.value = value }

    /// Creates an amount from an integer literal of cents.
    public init(integerLiteral value: Int64) { self.value = value }

    /// Creates an amount from whole euros.
    public static func euros(_ euros: Int64) -> Cents { Cents(euros).times(100) }

    /// No money.
    public static let zero = Cents(0)

    /// Decodes from a bare integer of cents.
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as a bare integer of cents.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Formats as euros with two decimals, e.g. `30.00 EUR`.
    public var description: String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction) EUR"
    }

    /// Orders by amount.
    public static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }

    /// Saturating sum.
    public static func + (lhs: Cents, rhs: Cents) -> Cents {
        let (sum, overflow) = lhs.value.addingReportingOverflow(rhs.value)
        if overflow { return Cents(rhs.value > 0 ? .max : .min) }
        return Cents(sum)
    }

    /// Saturating difference.
    public static func - (lhs: Cents, rhs: Cents) -> Cents {
        let (difference, overflow) = lhs.value.subtractingReportingOverflow(rhs.value)
        if overflow { return Cents(rhs.value < 0 ? .max : .min) }
        return Cents(difference)
    }

    /// Saturating product with a whole number.
    public func times(_ factor: Int64) -> Cents {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        if overflow { return Cents((value < 0) == (factor < 0) ? .max : .min) }
        return Cents(product)
    }

    /// The larger of this amount and zero.
    public var clampedToZero: Cents { value < 0 ? .zero : self }
}

extension Sequence where Element == Cents {
    /// The saturating sum of all amounts.
    public func sum() -> Cents { reduce(.zero, +) }
}
