#!/usr/bin/env python3
"""Independent reader of a payout batch export (standard library only), for tests that reconcile
finance's view with the payout ledger.

usage: sepa_check.py <pain.001.xml> [<payouts.csv>]

Reads an ISO 20022 pain.001.001.09 credit transfer initiation and prints one line of JSON:
  {"count": n, "total_cents": t, "end_to_end_ids": [...]}
(ids in document order). It checks that NbOfTxs and CtrlSum in the group header and in every
payment information block equal the count and sum of their transactions, that every amount is
EUR with exactly two decimals, and that end-to-end ids are unique. With a CSV (the PayoutCSV
export) it also checks that the CSV has the same ids (dashes and case ignored) with the same
amounts, and that its amount_eur agrees with amount_cents. Money is read with decimal.Decimal
and compared in integer cents, never as floats.

Exit codes: 0 all consistent, 1 an inconsistency (reasons on stderr), 2 unreadable input or usage.
"""
import csv
import decimal
import json
import re
import sys
import xml.etree.ElementTree as ET

NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"
AMOUNT = re.compile(r"^-?[0-9]+\.[0-9]{2}$")


def q(tag):
    return "{%s}%s" % (NS, tag)


def cents(text, where, problems):
    """Two-decimal euro text -> integer cents; None (and a problem) if malformed."""
    text = (text or "").strip()
    if not AMOUNT.match(text):
        problems.append("%s: amount %r is not a number with exactly two decimals" % (where, text))
        return None
    value = decimal.Decimal(text) * 100
    return int(value.to_integral_exact())


def count_of(text, where, problems):
    text = (text or "").strip()
    if not text.isdigit():
        problems.append("%s: NbOfTxs %r is not a number" % (where, text))
        return None
    return int(text)


def read_xml(path, problems):
    root = ET.parse(path).getroot()
    if root.tag != q("Document"):
        problems.append("root element is %s, not a pain.001.001.09 Document" % root.tag)
        return [], 0
    initiation = root.find(q("CstmrCdtTrfInitn"))
    header = initiation.find(q("GrpHdr")) if initiation is not None else None
    if header is None:
        problems.append("no CstmrCdtTrfInitn/GrpHdr")
        return [], 0
    transactions = []  # (end_to_end_id, cents)
    blocks = initiation.findall(q("PmtInf"))
    if not blocks:
        problems.append("no PmtInf")
    for number, block in enumerate(blocks, 1):
        where = "PmtInf #%d" % number
        block_txs = []
        for tx in block.findall(q("CdtTrfTxInf")):
            e2e = (tx.findtext("%s/%s" % (q("PmtId"), q("EndToEndId"))) or "").strip()
            amount = tx.find("%s/%s" % (q("Amt"), q("InstdAmt")))
            if amount is None:
                problems.append("%s: transaction %s has no Amt/InstdAmt" % (where, e2e))
                continue
            if amount.get("Ccy") != "EUR":
                problems.append("%s: transaction %s is in %r, not EUR" % (where, e2e, amount.get("Ccy")))
            value = cents(amount.text, "%s transaction %s" % (where, e2e), problems)
            if value is not None:
                block_txs.append((e2e, value))
        declared = count_of(block.findtext(q("NbOfTxs")), where, problems)
        if declared is not None and declared != len(block_txs):
            problems.append("%s: NbOfTxs %d but %d transactions" % (where, declared, len(block_txs)))
        control = cents(block.findtext(q("CtrlSum")), where + " CtrlSum", problems)
        block_sum = sum(v for _, v in block_txs)
        if control is not None and control != block_sum:
            problems.append("%s: CtrlSum %d cents but transactions add up to %d" % (where, control, block_sum))
        transactions.extend(block_txs)
    total = sum(v for _, v in transactions)
    declared = count_of(header.findtext(q("NbOfTxs")), "GrpHdr", problems)
    if declared is not None and declared != len(transactions):
        problems.append("GrpHdr: NbOfTxs %d but %d transactions" % (declared, len(transactions)))
    control = cents(header.findtext(q("CtrlSum")), "GrpHdr CtrlSum", problems)
    if control is not None and control != total:
        problems.append("GrpHdr: CtrlSum %d cents but transactions add up to %d" % (control, total))
    ids = [e2e for e2e, _ in transactions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append("duplicate EndToEndId: %s" % ", ".join(duplicates))
    return transactions, total


def normal_id(text):
    return (text or "").replace("-", "").strip().lower()


def check_csv(path, transactions, problems):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    rows_by_id = {}
    for number, row in enumerate(rows, 2):  # line 1 is the header
        where = "CSV line %d" % number
        payout = normal_id(row.get("payout_id"))
        raw_cents = (row.get("amount_cents") or "").strip()
        if not re.match(r"^-?[0-9]+$", raw_cents):
            problems.append("%s: amount_cents %r is not an integer" % (where, raw_cents))
            continue
        value = int(raw_cents)
        eur = cents(row.get("amount_eur"), where + " amount_eur", problems)
        if eur is not None and eur != value:
            problems.append("%s: amount_eur is %d cents but amount_cents is %d" % (where, eur, value))
        if (row.get("currency") or "").strip() != "EUR":
            problems.append("%s: currency %r is not EUR" % (where, row.get("currency")))
        if payout in rows_by_id:
            problems.append("%s: payout %s appears twice" % (where, payout))
        rows_by_id[payout] = value
    xml_by_id = {normal_id(e2e): value for e2e, value in transactions}
    for payout in sorted(set(xml_by_id) - set(rows_by_id)):
        problems.append("payout %s is in the XML but not in the CSV" % payout)
    for payout in sorted(set(rows_by_id) - set(xml_by_id)):
        problems.append("payout %s is in the CSV but not in the XML" % payout)
    for payout in sorted(set(xml_by_id) & set(rows_by_id)):
        if xml_by_id[payout] != rows_by_id[payout]:
            problems.append("payout %s: XML %d cents, CSV %d cents" % (payout, xml_by_id[payout], rows_by_id[payout]))


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    problems = []
    try:
        transactions, total = read_xml(argv[1], problems)
        if len(argv) == 3:
            check_csv(argv[2], transactions, problems)
    except (OSError, ET.ParseError, csv.Error, UnicodeDecodeError, decimal.InvalidOperation) as error:
        sys.stderr.write("cannot read input: %s\n" % error)
        return 2
    print(json.dumps({"count": len(transactions), "total_cents": total,
                      "end_to_end_ids": [e2e for e2e, _ in transactions]}))
    for problem in problems:
        sys.stderr.write(problem + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
