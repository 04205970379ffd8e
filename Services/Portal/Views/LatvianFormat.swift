import Foundation

/// Dates and money as Latvian readers write them (`07.12.2026.`, `1 234,50 €`); English pages
/// use the same day order without the final dot. Money is integer cents throughout. Pure.
public enum LatvianFormat {
    /// `2026-12-07` or `2026-12-07T20:04:00Z` → `07.12.2026.` (lv) / `07.12.2026` (en).
    public static func date(_ iso: String, language: String) -> String {
        let day = iso.prefix(10)
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return String(iso) }
        let text = "\(parts[2]).\(parts[1]).\(parts[0])"
        return language == "lv" ? text + "." : text
    }

    /// `2026-12-07T20:04:31.123Z` → `07.12.2026. 20:04 UTC`.
    public static func dateTime(_ iso: String, language: String) -> String {
        guard iso.count >= 16 else { return date(iso, language: language) }
        let time = iso.dropFirst(11).prefix(5)
        return "\(date(iso, language: language)) \(time) UTC"
    }

    /// Cents → `1 234,50 €` (lv) or `€1,234.50` (en).
    public static func money(_ cents: Int, language: String) -> String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let euros = String(magnitude / 100)
        let fraction = magnitude % 100
        var grouped = ""
        for (index, digit) in euros.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(language == "lv" ? "\u{00A0}" : ",") }
            grouped.append(digit)
        }
        let whole = String(grouped.reversed())
        let cents2 = (fraction < 10 ? "0" : "") + String(fraction)
        let sign = negative ? "−" : ""
        return language == "lv" ? "\(sign)\(whole),\(cents2)\u{00A0}€" : "\(sign)€\(whole).\(cents2)"
    }

    /// Minutes as hours (`90` → `1,5` in Latvian, `1.5` in English; `960` → `16`).
    public static func hours(_ minutes: Int, language: String) -> String {
        let whole = minutes / 60
        let rest = minutes % 60
        guard rest != 0 else { return "\(whole)" }
        var fraction = String(format: "%.2f", Double(rest) / 60).dropFirst(2)
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        return "\(whole)\(language == "lv" ? "," : ".")\(fraction)"
    }

    /// Euros typed by a person (`12,50`, `12.5`, `12`) → cents; nil when it is not an amount.
    public static func cents(_ text: String) -> Int? {
        let cleaned = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: "€", with: "").replacingOccurrences(of: ",", with: ".")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole < 10_000_000, !parts[0].isEmpty else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        return whole * 100 + fraction
    }
}
