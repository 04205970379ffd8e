import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Payouts
import Testing

/// A batch of three payouts with awkward text, as the exports get it.
private func sampleBatch(debtorBIC: String? = "HABALV22") -> ExportBatch {
    let debtor = ExportDebtor(name: "Izglītības kvalitātes valsts dienests", iban: "LV80 BANK 0000 4351 9500 1", bic: debtorBIC)
    let payments = [
        ExportPayment(payoutId: UUID(uuidString: "123E4567-E89B-12D3-A456-426614174000") ?? UUID(), idempotencyKey: "claim-1:v1",
                      amountCents: 1, period: "2025-03", studentCode: "S-7KQ2M", measure: "transport",
                      payeeReference: "P-001", payeeName: "Bērziņš & Co <x>", payeeIBAN: "LV80BANK0000435195001"),
        ExportPayment(payoutId: UUID(uuidString: "00000000-0000-0000-0000-000000000002") ?? UUID(), idempotencyKey: "=HYPERLINK(\"x\")",
                      amountCents: 100, period: "2025-03", studentCode: "S-9ZZ1A", measure: "ēdināšana",
                      payeeReference: "ref, \"quoted\"", payeeName: "Ķēniņš Ūdris", payeeIBAN: "DE89370400440532013000",
                      payeeBIC: "cobadeffxxx"),
        ExportPayment(payoutId: UUID(uuidString: "9B2F0C1E-3D4A-4B5C-8D6E-7F8091A2B3C4") ?? UUID(), idempotencyKey: "claim-3:v1",
                      amountCents: 123_456_789, period: "2025-03", studentCode: "S-0AAAA", measure: "materials",
                      payeeReference: "-2+3", payeeName: "O'Neil Anna", payeeIBAN: "EE382200221020145685"),
    ]
    return ExportBatch(batchId: UUID(uuidString: "5F1D3B7A-0C2E-4A6B-9D8F-1E2C3B4A5D6E") ?? UUID(), period: "2025-03",
                       createdAt: Date(timeIntervalSince1970: 1_740_000_000.9), executionDate: "2025-03-05",
                       debtor: debtor, payments: payments)
}

/// Two-decimal euro text to cents, by integer parsing only (nil unless exactly `d+.dd`).
private func cents(_ text: String) -> Int64? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 2, !parts[0].isEmpty,
          parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
          let whole = Int64(parts[0]), let fraction = Int64(parts[1]) else { return nil }
    return whole * 100 + fraction
}

/// The parsed bank file; paths use `local-name()` so the default namespace needs no prefix.
private struct ParsedDocument {
    let document: XMLDocument

    init(_ xml: String) throws { document = try XMLDocument(xmlString: xml, options: []) }

    func values(_ path: String) throws -> [String] {
        let steps = path.split(separator: "/").map { "*[local-name()='\($0)']" }
        return try document.nodes(forXPath: "/" + steps.joined(separator: "/")).map { $0.stringValue ?? "" }
    }

    func value(_ path: String) throws -> String? { try values(path).first }

    func childNames(_ path: String) throws -> [[String]] {
        let steps = path.split(separator: "/").map { "*[local-name()='\($0)']" }
        return try document.nodes(forXPath: "/" + steps.joined(separator: "/")).map { node in
            (node.children ?? []).filter { $0.kind == .element }.map { $0.localName ?? "" }
        }
    }
}

/// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
private func parseCSV(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var quoted = false
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"" && field.isEmpty {
            quoted = true
        } else if scalar == "," {
            record.append(field); field = ""
        } else if scalar == "\r" {
            guard scalars.popFirst() == "\n" else { return nil }
            record.append(field); field = ""
            records.append(record); record = []
        } else if scalar == "\n" || scalar == "\"" {
            return nil
        } else {
            field.unicodeScalars.append(scalar)
        }
    }
    return quoted || !field.isEmpty || !record.isEmpty ? nil : records
}

@Suite("SEPA credit transfer (pain.001.001.09)")
struct SEPACreditTransferTests {
    @Test("cents become euros with two decimals by integer arithmetic", arguments: [
        (Int64(1), "0.01"), (100, "1.00"), (123_456_789, "1234567.89"), (0, "0.00"), (99, "0.99"), (1_000, "10.00"),
        (-5, "-0.05"), (-12_345, "-123.45"), (Int64.max, "92233720368547758.07"), (Int64.min, "-92233720368547758.08"),
    ])
    func euros(amount: Int64, expected: String) {
        #expect(ExportText.euros(amount) == expected)
    }

    @Test("NbOfTxs and CtrlSum in the header and the block equal the transactions' count and sum")
    func controlFigures() throws {
        let batch = sampleBatch()
        let parsed = try ParsedDocument(SEPACreditTransfer.document(batch))
        let amounts = try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt")
        #expect(amounts == ["0.01", "1.00", "1234567.89"])
        let parsedCents = amounts.compactMap(cents)
        #expect(parsedCents == batch.payments.map(\.amountCents))
        let sum = parsedCents.reduce(0, +)
        #expect(sum == batch.totalCents && sum == 123_456_890)
        for block in ["Document/CstmrCdtTrfInitn/GrpHdr", "Document/CstmrCdtTrfInitn/PmtInf"] {
            #expect(try parsed.value(block + "/NbOfTxs") == "3")
            #expect(try parsed.value(block + "/CtrlSum") == "1234568.90")
            #expect(try parsed.value(block + "/CtrlSum").flatMap(cents) == sum)
        }
        let currencies = try parsed.document.nodes(forXPath: "//*[local-name()='InstdAmt']/@Ccy").map { $0.stringValue ?? "" }
        #expect(currencies == ["EUR", "EUR", "EUR"])
    }

    @Test("the namespace, ids and dates")
    func identifiers() throws {
        let batch = sampleBatch()
        let xml = SEPACreditTransfer.document(batch)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">"))
        let parsed = try ParsedDocument(xml)
        #expect(parsed.document.rootElement()?.uri == SEPACreditTransfer.namespace)
        let messageId = try #require(try parsed.value("Document/CstmrCdtTrfInitn/GrpHdr/MsgId"))
        #expect(messageId == "5f1d3b7a0c2e4a6b9d8f1e2c3b4a5d6e")
        let blockId = try #require(try parsed.value("Document/CstmrCdtTrfInitn/PmtInf/PmtInfId"))
        #expect(messageId.count <= 35 && blockId.count <= 35)
        #expect(try parsed.value("Document/CstmrCdtTrfInitn/GrpHdr/CreDtTm") == "2025-02-19T21:20:00Z")
        #expect(try parsed.value("Document/CstmrCdtTrfInitn/PmtInf/ReqdExctnDt/Dt") == "2025-03-05")
        let endToEnd = try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/PmtId/EndToEndId")
        #expect(endToEnd == ["123e4567e89b12d3a456426614174000", "00000000000000000000000000000002",
                             "9b2f0c1e3d4a4b5c8d6e7f8091a2b3c4"])
        #expect(try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/PmtId/InstrId") == endToEnd)
        #expect(endToEnd.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test("elements come in the schema's order")
    func elementOrder() throws {
        let parsed = try ParsedDocument(SEPACreditTransfer.document(sampleBatch()))
        #expect(try parsed.childNames("Document/CstmrCdtTrfInitn") == [["GrpHdr", "PmtInf"]])
        #expect(try parsed.childNames("Document/CstmrCdtTrfInitn/GrpHdr") == [["MsgId", "CreDtTm", "NbOfTxs", "CtrlSum", "InitgPty"]])
        let block = ["PmtInfId", "PmtMtd", "BtchBookg", "NbOfTxs", "CtrlSum", "PmtTpInf", "ReqdExctnDt", "Dbtr", "DbtrAcct",
                     "DbtrAgt", "ChrgBr", "CdtTrfTxInf", "CdtTrfTxInf", "CdtTrfTxInf"]
        #expect(try parsed.childNames("Document/CstmrCdtTrfInitn/PmtInf") == [block])
        let withoutAgent = ["PmtId", "Amt", "Cdtr", "CdtrAcct", "RmtInf"]
        let withAgent = ["PmtId", "Amt", "CdtrAgt", "Cdtr", "CdtrAcct", "RmtInf"]
        #expect(try parsed.childNames("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf") == [withoutAgent, withAgent, withoutAgent])
        #expect(try parsed.value("Document/CstmrCdtTrfInitn/PmtInf/PmtTpInf/SvcLvl/Cd") == "SEPA")
        #expect(try parsed.value("Document/CstmrCdtTrfInitn/PmtInf/PmtMtd") == "TRF")
        #expect(try parsed.value("Document/CstmrCdtTrfInitn/PmtInf/ChrgBr") == "SLEV")
    }

    @Test("agents: the payee's BIC only when given; the debtor's BIC or NOTPROVIDED")
    func agents() throws {
        let parsed = try ParsedDocument(SEPACreditTransfer.document(sampleBatch()))
        #expect(try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI") == ["COBADEFFXXX"])
        #expect(try parsed.value("Document/CstmrCdtTrfInitn/PmtInf/DbtrAgt/FinInstnId/BICFI") == "HABALV22")
        let noBIC = try ParsedDocument(SEPACreditTransfer.document(sampleBatch(debtorBIC: nil)))
        #expect(try noBIC.value("Document/CstmrCdtTrfInitn/PmtInf/DbtrAgt/FinInstnId/Othr/Id") == "NOTPROVIDED")
        #expect(try noBIC.values("Document/CstmrCdtTrfInitn/PmtInf/DbtrAgt/FinInstnId/BICFI").isEmpty)
        #expect(try noBIC.value("Document/CstmrCdtTrfInitn/PmtInf/DbtrAcct/Id/IBAN") == "LV80BANK0000435195001")
    }

    @Test("names are transliterated to the SEPA character set and escaped")
    func namesAreSafe() throws {
        let xml = SEPACreditTransfer.document(sampleBatch())
        #expect(!xml.contains("<x>") && !xml.contains("& ") && !xml.contains("ē"))
        #expect(xml.contains("<Nm>O&apos;Neil Anna</Nm>"))
        let parsed = try ParsedDocument(xml)
        #expect(try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Cdtr/Nm") == ["Berzins Co x", "Kenins Udris", "O'Neil Anna"])
        #expect(try parsed.value("Document/CstmrCdtTrfInitn/GrpHdr/InitgPty/Nm") == "Izglitibas kvalitates valsts dienests")
        #expect(try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/RmtInf/Ustrd")
            == ["PuMPuRS transport 2025-03 S-7KQ2M", "PuMPuRS edinasana 2025-03 S-9ZZ1A", "PuMPuRS materials 2025-03 S-0AAAA"])
        let allText = try parsed.document.nodes(forXPath: "//text()").compactMap(\.stringValue).joined()
        #expect(allText.unicodeScalars.allSatisfy { ExportText.isSEPAScalar($0) || $0 == "\n" })
    }

    @Test("the SEPA text rules", arguments: [
        ("ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž", "AaCcEeGgIiKkLlNnSsUuZz"),
        ("Bērziņš & Co <x>", "Berzins Co x"),
        ("  Anna \t\n  Liepa  ", "Anna Liepa"),
        ("a\u{0304}b\u{030C}", "ab"),  // already decomposed marks are dropped
        ("Иван Ivanov #1 😀", "Ivanov 1"),
        ("Müller-Lüdenscheidt Straße", "Muller-Ludenscheidt Strasse"),
        ("a/b-c?d:e(f)g.h,i'j+k", "a/b-c?d:e(f)g.h,i'j+k"),
        ("\"quoted\" ; semi", "quoted semi"),
        ("O’Brien – Ltd", "O'Brien - Ltd"),
        ("", ""), ("&<>", ""),
    ])
    func sepaText(input: String, expected: String) {
        #expect(ExportText.sepaText(input, maxLength: 140) == expected)
    }

    @Test("names are cut to 70 and remittance to 140 characters, never ending in a space")
    func truncation() throws {
        var batch = sampleBatch()
        batch.payments[0].payeeName = String(repeating: "Ā", count: 69) + " Bērziņš"
        batch.payments[1].measure = String(repeating: "m", count: 200)
        batch.debtor.name = String(repeating: "Valsts ", count: 30)
        let parsed = try ParsedDocument(SEPACreditTransfer.document(batch))
        let names = try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Cdtr/Nm")
        #expect(names[0] == String(repeating: "A", count: 69))
        let debtorName = try #require(try parsed.value("Document/CstmrCdtTrfInitn/PmtInf/Dbtr/Nm"))
        #expect(debtorName.count <= 70 && !debtorName.hasSuffix(" ") && debtorName.hasPrefix("Valsts Valsts"))
        let remittance = try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/RmtInf/Ustrd")
        #expect(remittance[1].count == 140 && remittance[1].hasPrefix("PuMPuRS mmm"))
        #expect(ExportText.sepaText(String(repeating: "ab ", count: 100), maxLength: 69).count == 68)
    }

    @Test("a name with nothing left becomes NOTPROVIDED and is reported")
    func emptyName() throws {
        var batch = sampleBatch()
        batch.payments[0].payeeName = "Иван 😀"
        let parsed = try ParsedDocument(SEPACreditTransfer.document(batch))
        #expect(try parsed.values("Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Cdtr/Nm").first == "NOTPROVIDED")
        #expect(batch.problems() == [.emptyPayeeName(batch.payments[0].payoutId)])
    }

    @Test("the same batch gives the same bytes")
    func deterministic() {
        let first = SEPACreditTransfer.document(sampleBatch())
        let second = SEPACreditTransfer.document(sampleBatch())
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(PayoutCSV.document(sampleBatch()) == PayoutCSV.document(sampleBatch()))
        var reordered = sampleBatch()
        reordered.payments.reverse()
        #expect(SEPACreditTransfer.document(reordered) != first)
    }

    @Test("creation times are UTC to the second from the epoch", arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (-1.0, "1969-12-31T23:59:59Z"), (1_709_164_800.0, "2024-02-29T00:00:00Z"),
        (951_782_400.0, "2000-02-29T00:00:00Z"), (1_740_000_000.999, "2025-02-19T21:20:00Z"), (4_102_444_799.0, "2099-12-31T23:59:59Z"),
    ])
    func timestamps(seconds: Double, expected: String) {
        #expect(ExportText.utcTimestamp(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("XML escaping covers the five special characters")
    func escaping() {
        #expect(XMLWriter.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLWriter.escape("Bērziņš") == "Bērziņš")
    }
}

@Suite("Payout CSV")
struct PayoutCSVTests {
    @Test("RFC 4180: a header, CRLF records, one per payout and no total row")
    func layout() throws {
        let batch = sampleBatch()
        let text = PayoutCSV.document(batch)
        #expect(text.hasSuffix("\r\n"))
        let records = try #require(parseCSV(text))
        #expect(records.count == batch.count + 1)
        #expect(records[0] == ["payout_id", "idempotency_key", "period", "student_code", "measure", "amount_cents",
                               "amount_eur", "currency", "payee_reference", "payee_name", "payee_iban"])
        #expect(records.allSatisfy { $0.count == PayoutCSV.columns.count })
        #expect(records.dropFirst().map { $0[0] } == batch.payments.map { $0.payoutId.uuidString.lowercased() })
        #expect(records.dropFirst().map { $0[5] } == ["1", "100", "123456789"])
        #expect(records.dropFirst().map { $0[6] } == ["0.01", "1.00", "1234567.89"])
        #expect(records.dropFirst().allSatisfy { $0[7] == "EUR" })
        #expect(records[1][9] == "Bērziņš & Co <x>")  // finance sees the name as written
        #expect(records[1][10] == "LV80BANK0000435195001")
        let total = records.dropFirst().compactMap { Int64($0[5]) }.reduce(0, +)
        #expect(total == batch.totalCents)
    }

    @Test("fields with commas and quotes are quoted, quotes doubled")
    func quoting() {
        #expect(PayoutCSV.quoted("plain") == "plain")
        #expect(PayoutCSV.quoted("a,b") == "\"a,b\"")
        #expect(PayoutCSV.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(PayoutCSV.quoted("two\r\nlines") == "\"two\r\nlines\"")
        #expect(PayoutCSV.quoted("line\nfeed") == "\"line\nfeed\"")
        let text = PayoutCSV.document(sampleBatch())
        #expect(text.contains(",\"ref, \"\"quoted\"\"\","))
    }

    @Test("cells a spreadsheet would run get a leading apostrophe", arguments: [
        ("=1+1", "'=1+1"), ("+3", "'+3"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("safe", "safe"), ("a=b", "a=b"), ("", ""),
    ])
    func neutralised(input: String, expected: String) {
        #expect(PayoutCSV.neutralised(input) == expected)
    }

    @Test("text columns are neutralised, the amount columns never are")
    func formulaColumns() throws {
        var batch = sampleBatch()
        batch.payments[0].amountCents = -5
        batch.payments[0].payeeName = "=cmd|' /C calc'!A0"
        batch.payments[0].measure = "@measure"
        let records = try #require(parseCSV(PayoutCSV.document(batch)))
        #expect(records[1][5] == "-5" && records[1][6] == "-0.05")
        #expect(records[1][9] == "'=cmd|' /C calc'!A0")
        #expect(records[1][4] == "'@measure")
        #expect(records[2][1] == "'=HYPERLINK(\"x\")")
        #expect(records[3][8] == "'-2+3")
    }

    @Test("the control line carries the count and the total in cents")
    func controlLine() {
        #expect(PayoutCSV.controlLine(sampleBatch()) == "count=3;total_cents=123456890")
        var empty = sampleBatch()
        empty.payments = []
        #expect(PayoutCSV.controlLine(empty) == "count=0;total_cents=0")
        #expect(PayoutCSV.document(empty) == PayoutCSV.columns.joined(separator: ",") + "\r\n")
    }
}

@Suite("Export batch checks")
struct ExportBatchTests {
    @Test("a sound batch has no problems")
    func sound() {
        #expect(sampleBatch().problems().isEmpty)
        #expect(sampleBatch().count == 3)
    }

    @Test("what makes a batch unfit for a bank is reported, in order")
    func problems() {
        var batch = sampleBatch(debtorBIC: "NOTABIC")
        let ids = batch.payments.map(\.payoutId)
        batch.executionDate = "2025-02-29"
        batch.debtor.iban = "LV81BANK0000435195001"
        batch.payments[0].amountCents = 0
        batch.payments[1].payeeIBAN = "DE00370400440532013000"
        batch.payments[1].payeeBIC = "COBA"
        batch.payments[2].amountCents = ExportBatch.maximumAmountCents + 1
        batch.payments[2].payeeReference = "LV 120345-12345"
        batch.payments.append(batch.payments[0])
        #expect(batch.problems() == [
            .invalidExecutionDate("2025-02-29"), .invalidDebtorIBAN, .invalidDebtorBIC,
            .nonPositiveAmount(ids[0]), .invalidPayeeIBAN(ids[1]), .invalidPayeeBIC(ids[1]), .amountTooLarge(ids[2]),
            .personalCodeInText(ids[2], field: "payeeReference"), .duplicatePayout(ids[0]), .nonPositiveAmount(ids[0]),
        ])
        batch.payments = []
        #expect(batch.problems().first == .noPayments)
    }

    @Test("a total beyond Int64 saturates and is reported instead of trapping")
    func overflow() {
        var batch = sampleBatch()
        batch.payments[0].amountCents = .max
        #expect(batch.totalCents == .max)
        #expect(batch.problems().contains(.totalOverflow))
    }

    @Test("personal-code shapes are spotted, pseudonyms and longer numbers are not", arguments: [
        ("120345-12345", true), ("x12034512345y", true), ("S-7KQ2M", false), ("123456789012", false),
        ("1203451234", false), ("2025-03", false), ("120345--12345", false),
        // An id is not a personal code even when its last group happens to hold 11 digits in a row.
        ("claim:8f0e1b2c-3d4e-4f5a-9b6c-a12345678901", false), ("8F0E1B2C-3D4E-4F5A-9B6C-12345678901B", false),
        ("claim:8f0e1b2c-3d4e-4f5a-9b6c-a12345678901 120345-12345", true),
    ])
    func personalCodes(text: String, flagged: Bool) {
        #expect(ExportText.containsPersonalCodeShape(text) == flagged)
    }

    @Test("execution dates must be real days", arguments: [
        ("2024-02-29", true), ("2025-03-05", true), ("2025-02-29", false), ("1900-02-29", false), ("2000-02-29", true),
        ("2025-13-01", false), ("2025-3-05", false), ("2025-03-32", false), ("２０２５-03-05", false),
    ])
    func calendarDates(text: String, valid: Bool) {
        #expect(ExportText.isCalendarDate(text) == valid)
    }
}
