extension PayoutsOpenAPI {
    /// Finance's downloads and totals under `paths`: a batch's SEPA file and CSV table, and the
    /// ledger. The last of the paths; `components` follows (PayoutsOpenAPI+Components.swift).
    static let exportPaths = #"""
          /finance/batches/{batchId}/sepa.xml:
            get:
              tags: [batches]
              operationId: exportBatchSEPA
              summary: The batch as a SEPA credit transfer file (SEPA maksājumu fails)
              description: |
                Role `finance` only (the file carries names and IBANs). An ISO 20022 `pain.001.001.09` customer credit transfer
                initiation (namespace `urn:iso:std:iso:20022:tech:xsd:pain.001.001.09`), UTF-8, for the bank:
                the batch id (32 hex digits) as message id, one payment information block paid from the
                programme's configured account on the batch's execution date, and one transaction per payout
                in the order of release, with the payout id as end-to-end id, the amount in euros, the
                payee's name and IBAN (BIC only when known) as snapshotted at release, and the remittance
                text `PuMPuRS <measure> <period> <studentCode>`. Text is reduced to the SEPA character set
                (Latvian letters lose their marks). The same batch always gives the same bytes, so a bank's
                duplicate check refuses a second submission. Every payout the batch took is in the file,
                including one reversed since (the file is what the bank was sent; the reversal is recovered
                in finance's own system). A batch no bank would accept (e.g. no valid debtor IBAN) is 409.
              parameters:
                - $ref: '#/components/parameters/BatchId'
              responses:
                '200':
                  description: The SEPA file, as an attachment `pumpurs-<batchId>.xml`.
                  headers:
                    Pumpurs-Control:
                      $ref: '#/components/headers/PumpursControl'
                    Content-Disposition:
                      $ref: '#/components/headers/ContentDisposition'
                  content:
                    application/xml:
                      schema:
                        type: string
                        description: A `pain.001.001.09` `Document`.
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The batch cannot be sent to a bank as it is (rules `export.*`, e.g. the debtor's IBAN is not configured); nothing is served.
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
          /finance/batches/{batchId}/payouts.csv:
            get:
              tags: [batches]
              operationId: exportBatchCSV
              summary: The batch as a CSV table (Izmaksu tabula)
              description: |
                Role `finance` only (the file carries names and IBANs). RFC 4180 CSV, UTF-8, CRLF line ends: one header row, then one
                row per payout in the order of the SEPA file, no total row. The columns are `payout_id`,
                `idempotency_key`, `period`, `student_code`, `measure`, `amount_cents`, `amount_eur` (two
                decimals), `currency` (`EUR`), `payee_reference`, `payee_name` (as given, not
                transliterated), `payee_iban`. A text cell a spreadsheet would take for a formula (starting
                with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe; the two
                amount columns are always plain numbers.
              parameters:
                - $ref: '#/components/parameters/BatchId'
              responses:
                '200':
                  description: The CSV table, as an attachment `pumpurs-<batchId>.csv`.
                  headers:
                    Pumpurs-Control:
                      $ref: '#/components/headers/PumpursControl'
                    Content-Disposition:
                      $ref: '#/components/headers/ContentDisposition'
                  content:
                    text/csv:
                      schema:
                        type: string
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The batch cannot be exported as it is (rules `export.*`); nothing is served.
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
          /finance/ledger:
            get:
              tags: [ledger]
              operationId: getLedgerTotals
              summary: Ledger totals (Izmaksu uzskaites kopsummas)
              description: |
                Roles `finance`, `ikvd_admin`. The payout ledger (one entry at release, one more if reversed)
                summed per group: every entry is in exactly one group, so the groups always add up to the
                totals. Not paginated.
              parameters:
                - name: groupBy
                  in: query
                  required: false
                  description: |
                    How to group: by `period`, by `measure` (the measure type, `staff_pay` for staff pay), by
                    `institution` (id), or by `municipality` (id; `vpii` for state vocational institutions,
                    which have none). 422 `ledger.group_by` for any other value.
                  schema:
                    type: string
                    enum: [period, measure, institution, municipality]
                    default: period
                - $ref: '#/components/parameters/PeriodFilter'
              responses:
                '200':
                  description: The totals.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/LedgerTotals'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}
