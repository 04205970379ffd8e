import Foundation

/// An ISO 20022 `pain.001.001.09` customer credit transfer initiation (SEPA, EPC implementation
/// guidelines) for one batch: one payment information block, one transaction per payout.
///
/// Pure and deterministic: the same batch gives the same bytes (no clock, locale or random id is
/// read). Amounts come from integer cents; free text is reduced to the EPC Latin character set,
/// so Latvian letters are transliterated (ā → a, š → s …) and XML-special characters never reach
/// the file unescaped. Check `ExportBatch.problems()` before sending the file to a bank.
public enum SEPACreditTransfer {
    /// The message's XML namespace.
    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"
    /// The longest name (`Nm`) the EPC guidelines allow.
    public static let maxNameLength = 70
    /// The longest unstructured remittance information (`Ustrd`).
    public static let maxRemittanceLength = 140

    /// One debit entry per payout (not one for the batch), so the debtor's bank statement
    /// reconciles line by line with the payout ledger.
    static let batchBooking = false

    /// The UTF-8 XML document for `batch`.
    public static func document(_ batch: ExportBatch) -> String {
        let total = ExportText.euros(batch.totalCents)
        let debtorName = name(batch.debtor.name)
        var xml = XMLWriter()
        xml.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        xml.open("Document", attribute: ("xmlns", namespace))
        xml.open("CstmrCdtTrfInitn")

        xml.open("GrpHdr")
        xml.element("MsgId", messageId(batch))
        xml.element("CreDtTm", ExportText.utcTimestamp(batch.createdAt))
        xml.element("NbOfTxs", String(batch.count))
        xml.element("CtrlSum", total)
        xml.open("InitgPty")
        xml.element("Nm", debtorName)
        xml.close("InitgPty")
        xml.close("GrpHdr")

        // Element order follows PaymentInstruction30 (optional elements left out are omitted).
        xml.open("PmtInf")
        xml.element("PmtInfId", paymentInformationId(batch))
        xml.element("PmtMtd", "TRF")
        xml.element("BtchBookg", batchBooking ? "true" : "false")
        xml.element("NbOfTxs", String(batch.count))
        xml.element("CtrlSum", total)
        xml.open("PmtTpInf")
        xml.open("SvcLvl")
        xml.element("Cd", "SEPA")
        xml.close("SvcLvl")
        xml.close("PmtTpInf")
        xml.open("ReqdExctnDt")
        xml.element("Dt", batch.executionDate)
        xml.close("ReqdExctnDt")
        xml.open("Dbtr")
        xml.element("Nm", debtorName)
        xml.close("Dbtr")
        account(&xml, "DbtrAcct", iban: batch.debtor.iban)
        xml.open("DbtrAgt")
        xml.open("FinInstnId")
        if let bic = batch.debtor.bic.flatMap(IBAN.normalizedBIC) {
            xml.element("BICFI", bic)
        } else {
            xml.open("Othr")
            xml.element("Id", "NOTPROVIDED")
            xml.close("Othr")
        }
        xml.close("FinInstnId")
        xml.close("DbtrAgt")
        xml.element("ChrgBr", "SLEV")
        for payment in batch.payments { transaction(&xml, payment) }
        xml.close("PmtInf")

        xml.close("CstmrCdtTrfInitn")
        xml.close("Document")
        return xml.text
    }

    /// The group header's message id: the batch id as 32 hex digits (Max35Text). A re-export of
    /// the same batch repeats it, so a bank's duplicate check refuses a second submission.
    public static func messageId(_ batch: ExportBatch) -> String { ExportText.hex(batch.batchId) }

    /// The payment information id: the message id plus the block number (35 characters).
    public static func paymentInformationId(_ batch: ExportBatch) -> String { messageId(batch) + "-1" }

    /// A payout's end-to-end id (also its instruction id): 32 hex digits without dashes.
    public static func endToEndId(_ payment: ExportPayment) -> String { ExportText.hex(payment.payoutId) }

    /// The unstructured remittance text: `PuMPuRS <measure> <period> <studentCode>`, at most 140 characters.
    public static func remittance(_ payment: ExportPayment) -> String {
        ExportText.sepaText("PuMPuRS \(payment.measure) \(payment.period) \(payment.studentCode)",
                            maxLength: maxRemittanceLength)
    }

    /// A party name in the SEPA character set, at most 70 characters; `NOTPROVIDED` when nothing
    /// is left (the element is mandatory and may not be empty), which `problems()` reports.
    static func name(_ text: String) -> String {
        let cleaned = ExportText.sepaText(text, maxLength: maxNameLength)
        return cleaned.isEmpty ? "NOTPROVIDED" : cleaned
    }

    // Element order follows CreditTransferTransaction34.
    private static func transaction(_ xml: inout XMLWriter, _ payment: ExportPayment) {
        let id = endToEndId(payment)
        xml.open("CdtTrfTxInf")
        xml.open("PmtId")
        xml.element("InstrId", id)
        xml.element("EndToEndId", id)
        xml.close("PmtId")
        xml.open("Amt")
        xml.element("InstdAmt", ExportText.euros(payment.amountCents), attribute: ("Ccy", "EUR"))
        xml.close("Amt")
        // The EPC rules: no creditor agent at all unless a BIC is known.
        if let bic = payment.payeeBIC.flatMap(IBAN.normalizedBIC) {
            xml.open("CdtrAgt")
            xml.open("FinInstnId")
            xml.element("BICFI", bic)
            xml.close("FinInstnId")
            xml.close("CdtrAgt")
        }
        xml.open("Cdtr")
        xml.element("Nm", name(payment.payeeName))
        xml.close("Cdtr")
        account(&xml, "CdtrAcct", iban: payment.payeeIBAN)
        xml.open("RmtInf")
        xml.element("Ustrd", remittance(payment))
        xml.close("RmtInf")
        xml.close("CdtTrfTxInf")
    }

    /// An account by IBAN; an invalid IBAN is written compacted (upper-case letters and digits
    /// only) so the file stays well formed, and `problems()` reports it.
    private static func account(_ xml: inout XMLWriter, _ tag: String, iban: String) {
        let text = IBAN.normalized(iban)
            ?? String(String.UnicodeScalarView(iban.uppercased().unicodeScalars.filter { ExportText.isUpperAlphanumeric($0) }))
        xml.open(tag)
        xml.open("Id")
        xml.element("IBAN", text)
        xml.close("Id")
        xml.close(tag)
    }
}

/// A tiny indenting XML writer: every value and attribute is escaped on the way in.
struct XMLWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    mutating func open(_ tag: String, attribute: (String, String)? = nil) {
        line("<\(tag)\(Self.render(attribute))>")
        depth += 1
    }

    mutating func close(_ tag: String) {
        depth -= 1
        line("</\(tag)>")
    }

    mutating func element(_ tag: String, _ value: String, attribute: (String, String)? = nil) {
        line("<\(tag)\(Self.render(attribute))>\(Self.escape(value))</\(tag)>")
    }

    /// Escapes the five XML-special characters (text and attribute values alike).
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func render(_ attribute: (String, String)?) -> String {
        guard let attribute else { return "" }
        return " \(attribute.0)=\"\(escape(attribute.1))\""
    }
}

extension ExportText {
    /// `text` reduced to the EPC basic Latin character set (`a-z A-Z 0-9 / - ? : ( ) . , ' +` and
    /// space): Latvian and other accented letters lose their marks, a few letters are spelled out
    /// (ß → ss), everything else becomes a space; whitespace is collapsed and trimmed, and the
    /// result is cut to `maxLength` characters.
    static func sepaText(_ text: String, maxLength: Int) -> String {
        var out = ""
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if scalar == " " {
                pendingSpace = !out.isEmpty
                return
            }
            if pendingSpace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        for scalar in text.unicodeScalars {
            if let mapped = latvian[scalar] {
                emit(mapped)
                continue
            }
            // Canonical decomposition splits é into e + U+0301; the marks are then dropped.
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: break
                }
                if let spelled = spelledOut[part] {
                    spelled.unicodeScalars.forEach(emit)
                } else if isSEPAScalar(part) {
                    emit(part)
                } else {
                    emit(" ")
                }
            }
        }
        // All scalars left are ASCII, so scalars, characters and bytes count alike.
        var scalars = Array(out.unicodeScalars.prefix(max(0, maxLength)))
        while scalars.last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether `scalar` is in the EPC basic Latin character set.
    static func isSEPAScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "/", "-", "?", ":", "(", ")", ".", ",", "'", "+", " ": true
        default: false
        }
    }

    /// Whether `scalar` is `A-Z` or `0-9`.
    static func isUpperAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The Latvian letters with diacritics, spelled out explicitly (decomposition would give the
    /// same, but the mapping the programme relies on should be visible and not depend on Unicode data).
    private static let latvian: [Unicode.Scalar: Unicode.Scalar] = [
        "ā": "a", "č": "c", "ē": "e", "ģ": "g", "ī": "i", "ķ": "k", "ļ": "l", "ņ": "n", "š": "s", "ū": "u", "ž": "z",
        "Ā": "A", "Č": "C", "Ē": "E", "Ģ": "G", "Ī": "I", "Ķ": "K", "Ļ": "L", "Ņ": "N", "Š": "S", "Ū": "U", "Ž": "Z",
        "ō": "o", "Ō": "O", "ŗ": "r", "Ŗ": "R",  // the pre-1946 spelling still seen in some names
    ]

    /// Letters and punctuation without a decomposition that have a usual Latin spelling.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i",
        "\u{2018}": "'", "\u{2019}": "'", "\u{2010}": "-", "\u{2011}": "-", "\u{2013}": "-", "\u{2014}": "-",
    ]
}
