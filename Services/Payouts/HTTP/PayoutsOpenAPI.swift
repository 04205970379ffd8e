import ServiceKit

/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
///
/// Keep it in step with `PayoutsAPI.register(on:)`: `PayoutsOpenAPIRouteCoverageTests` fails when a
/// route is missing here, when a path listed here is not routed, when methods or paths differ, or
/// when an operation's status codes are not the ones its route can answer.
///
/// The document is one YAML text kept in parts, in files named `PayoutsOpenAPI+….swift`: each
/// part is whole lines at their final indentation, without a newline at its end, and `yaml` joins
/// them in order with one. Responses, parameters, headers and schemas that several operations
/// share are defined once under `components` and referred to with `$ref`.
enum PayoutsOpenAPI {
    static let yaml: String = [
        header,
        claimPaths,
        financePaths,
        exportPaths,
        payeeChangePaths,
        youthPaths,
        AuditLog.openAPIPath,
        components,
        schemas,
        financeSchemas,
        payeeChangeSchemas,
        youthSchemas,
    ].joined(separator: "\n")

    /// `openapi`, `info`, `tags`, the global `security`, and `paths` up to the `receipts` operations.
    /// Continued by `claimPaths` (PayoutsOpenAPI+Claims.swift).
    static let header = #"""
        openapi: 3.1.0
        info:
          title: PuMPuRS payouts
          version: 1.0.0
          summary: Receipts and capped expense claims, staff bank details, payouts, batches, SEPA and CSV exports, and the payout ledger.
          description: |
            The payouts service of the PuMPuRS support-plan platform (pumpurs-payouts). Institution staff
            upload receipts, claim expenses against a plan's approved money measures and register staff
            bank details (`/payouts/…`); finance lists payouts, reverses them, makes batches for the bank,
            exports them and reads the ledger (`/finance/…`).

            Money:

            - Money is an integer number of euro cents (`…Cents`), always EUR; only the exports write euros
              (two decimals, computed from the cents).
            - An expense claim is capped. The cap is per student, measure type and period (a month, or the
              plan's semester, as the programme settings say; by default e.g. meals 7000 cents a month,
              learning materials 5000 cents a semester), minus what was already paid: the student's other
              payouts for that measure type and period, on any of the student's plans, that are held or
              released (voided and reversed ones do not count). The payout is the claimed amount up to that
              remainder: a claim the cap cuts is accepted with a `compensation.cap` warning in `findings`;
              a claim with nothing left under the cap is refused (422 `compensation.cap`).
            - Every payout (a claim's, or staff pay from an approved work record) is `held` until the plan
              is fully approved (`holdReason` `plan_not_approved`), the signed consent is on file
              (`consent_pending`: consent gates implementation, not approval), and the payee's bank details are known
              (`payee_details_missing`) and, after a staff member's account changed, until the waiting
              period is over (`payee_change_waiting`; 24 hours unless configured); then it is `released`: written to the ledger with the payee's name
              and IBAN as they are at that moment. While the plan is suspended its payouts stay `held`
              (`plan_suspended`: held, not lost; released if the plan is resumed and approved again). A
              payout not yet released is `voided` (never paid) when consent is revoked (`consent_revoked`)
              or the plan is deleted (`plan_deleted`); a void wins over a hold. Released money is never touched by
              these rules: only finance undoes it (`reversed`, a negative ledger entry; the ledger is
              never edited).
            - Finance puts the released payouts of a period into a batch and exports it as a SEPA credit
              transfer (ISO 20022 `pain.001.001.09`) and as a CSV table, both with the batch's control
              figures in the `Pumpurs-Control` header.

            Conventions:

            - Every operation except `GET /openapi.yaml` needs `Authorization: Bearer <token>`: a JWT
              signed with ES256 whose `role` and scope claims decide what the caller may do. A missing
              or invalid token is 401; a role that may not use the operation is 403.
            - Objects are loaded through the caller's scope: one outside it is reported exactly like one
              that does not exist (404). A path id that is not a UUID is also 404.
            - Request bodies are limited before anything is decoded (413): JSON bodies to 64 KiB, receipts
              to 5 MiB. JSON is decoded strictly: invalid JSON, a missing field, a wrong type, an unknown
              field, a control character in text or a personal code in text is 422.
            - Errors are RFC 9457 `application/problem+json` naming the field and the rule, with the
              message in Latvian (`message`) and English (`messageEn`).
            - Ids are UUIDs; dates are `YYYY-MM-DD`; timestamps are UTC ISO 8601 with milliseconds;
              periods are a month `YYYY-MM` or a semester `YYYY/YYYY+1-N`. Students appear only by their
              pseudonymous `studentCode` and payees by their reference `P-…`; bank details appear only in
              the exports, and no personal code appears anywhere. Optional members without a value are
              left out of responses.
        tags:
          - name: meta
            description: The API description itself.
          - name: receipts
            description: Receipts, the evidence of an expense (Kvītis).
          - name: claims
            description: Expense claims against a plan's approved money measures (Izdevumu pieteikumi).
          - name: payees
            description: 'Staff bank details for staff pay: the person''s own, or finance''s change confirmed by a second officer (Darbinieku bankas konti).'
          - name: plans
            description: One plan's payouts, for institution staff and approvers (Plāna izmaksas).
          - name: payouts
            description: 'Finance: every payout, and the reversal of a released one (Izmaksas, stornēšana).'
          - name: batches
            description: 'Finance: payment batches and their SEPA and CSV exports (Maksājumu paketes).'
          - name: ledger
            description: 'Finance: totals of the payout ledger (Izmaksu uzskaite).'
          - name: youth-projects
            description: 'Youth initiative projects: partners'' competitions, NGO applications, decisions and payments (Jauniešu iniciatīvu projekti).'
        security:
          - bearerAuth: []
        paths:
          /openapi.yaml:
            get:
              tags: [meta]
              operationId: getOpenAPI
              summary: This OpenAPI description (API apraksts)
              description: The document you are reading. Needs no token.
              security: []
              responses:
                '200':
                  description: The OpenAPI 3.1 description.
                  content:
                    application/yaml:
                      schema:
                        type: string
          /payouts/receipts:
            post:
              tags: [receipts]
              operationId: uploadReceipt
              summary: Upload a receipt (Augšupielādēt kvīti)
              description: |
                Roles `preparer`, `institution_coordinator`. The body is the file itself (not multipart), at
                most 5 MiB (413). Its type is recognised by content: PDF, JPEG or PNG (415
                `document.content_type` otherwise); a `Content-Type` other than `application/octet-stream`
                must match the content (422 `document.content_type_mismatch`). An empty body is 422
                `receipt.empty`. The receipt belongs to the caller's institution and is named by its `id` in
                a claim; one receipt backs one claim. Receipts are never deleted. There is no
                `Idempotency-Key` here: an upload repeated stores a second receipt, but the same file is
                never paid twice (409 `claim.duplicate_receipt` on the claim).
              requestBody:
                required: true
                description: The file, at most 5 MiB (5242880 bytes).
                content:
                  application/pdf:
                    schema:
                      $ref: '#/components/schemas/Binary'
                  image/jpeg:
                    schema:
                      $ref: '#/components/schemas/Binary'
                  image/png:
                    schema:
                      $ref: '#/components/schemas/Binary'
                  application/octet-stream:
                    schema:
                      $ref: '#/components/schemas/Binary'
              responses:
                '201':
                  description: Stored; `Location` is the receipt's download address.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ReceiptView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '413':
                  $ref: '#/components/responses/ReceiptTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/receipts/{receiptId}:
            get:
              tags: [receipts]
              operationId: downloadReceipt
              summary: Download a receipt (Lejupielādēt kvīti)
              description: |
                Roles `preparer`, `institution_coordinator`, `institution_head`, `municipality_coordinator`,
                `vpii_coordinator`, `ikvd_expert`, `ikvd_admin`, `finance`, for a receipt of an institution
                inside the caller's scope (`finance` and `ikvd_admin`: every receipt). The stored bytes, in
                the media type recognised on upload.
              parameters:
                - name: receiptId
                  in: path
                  required: true
                  description: The receipt's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              responses:
                '200':
                  description: The receipt as uploaded.
                  content:
                    application/pdf:
                      schema:
                        $ref: '#/components/schemas/Binary'
                    image/jpeg:
                      schema:
                        $ref: '#/components/schemas/Binary'
                    image/png:
                      schema:
                        $ref: '#/components/schemas/Binary'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
        """#
}
