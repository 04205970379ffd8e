extension PayoutsOpenAPI {
    /// Finance's operations under `paths`: payouts, their reversal, and batches. Continued by
    /// `exportPaths` (PayoutsOpenAPI+Exports.swift).
    static let financePaths = #"""
          /finance/payouts:
            get:
              tags: [payouts]
              operationId: listPayouts
              summary: Payouts, filtered (Izmaksu saraksts)
              description: |
                Roles `finance`, `ikvd_admin`. Every payout (claims and staff pay, in every state) matching all
                the filters given, oldest first, one page at a time.
              parameters:
                - $ref: '#/components/parameters/PeriodFilter'
                - name: state
                  in: query
                  required: false
                  description: Only payouts in this state (422 `payout.state` for any other value).
                  schema:
                    $ref: '#/components/schemas/PayoutState'
                - name: planId
                  in: query
                  required: false
                  description: Only this plan's payouts (422 `request.uuid` when not a UUID).
                  schema:
                    type: string
                    format: uuid
                - name: batchId
                  in: query
                  required: false
                  description: Only the payouts in this batch (422 `request.uuid` when not a UUID).
                  schema:
                    type: string
                    format: uuid
                - name: institutionId
                  in: query
                  required: false
                  description: Only this institution's payouts (422 `request.uuid` when not a UUID).
                  schema:
                    type: string
                    format: uuid
                - name: kind
                  in: query
                  required: false
                  description: Only payouts of this kind (422 `payout.kind` for any other value).
                  schema:
                    type: string
                    enum: [claim, staff, youth_project]
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  $ref: '#/components/responses/PayoutPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /finance/payouts/{payoutId}:
            get:
              tags: [payouts]
              operationId: getPayout
              summary: One payout (Izmaksa)
              description: Roles `finance`, `ikvd_admin`. The payout in any state (what the portal shows before a reversal).
              parameters:
                - name: payoutId
                  in: path
                  required: true
                  description: The payout's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              responses:
                '200':
                  description: The payout.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PayoutView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /finance/payouts/{payoutId}/reverse:
            post:
              tags: [payouts]
              operationId: reversePayout
              summary: Reverse a released payout (Stornēt izmaksu)
              description: |
                Role `finance`. Only a `released` payout (409 `payout.not_released` otherwise, so a repeated
                reversal is 409 too); a payout not yet released is never reversed, the release rules void
                it. Writes a reversing ledger entry (minus the amount, with the reason and who reversed),
                sets the payout to `reversed` with the reason in `voidReason`, and publishes
                `payout.reversed`. The ledger entry of the release stays; the payout stays in its batch, if
                any; it no longer counts against the cap. The reason is 3–1000 characters after trimming
                (422 `reversal.reason_required`).
              parameters:
                - name: payoutId
                  in: path
                  required: true
                  description: The payout's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ReverseRequest'
              responses:
                '200':
                  description: The payout, now `reversed`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PayoutView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The payout is not `released` (`payout.not_released`, field `state`; `detail` names its state).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /finance/batches:
            post:
              tags: [batches]
              operationId: createBatch
              summary: Make a payment batch for a period (Izveidot maksājumu paketi)
              description: |
                Role `finance`. Takes every `released` payout of the period that is in no batch yet, in one
                statement, so two batches made at once never share a payout; 409 `batch.empty` when there is
                none. `period` is a month `YYYY-MM` or a semester code (422 `batch.period`);
                `executionDate`, the date the bank is asked to pay on, defaults to today (UTC) and may not be
                before it (422 `batch.execution_date`). Publishes `payout.batch_ready`. Not idempotent: a
                repeated request finds nothing left to take (409).
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewBatch'
              responses:
                '201':
                  description: The batch; `Location` is its address.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/BatchView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '409':
                  description: The period has no released payouts outside a batch (`batch.empty`, field `period`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
            get:
              tags: [batches]
              operationId: listBatches
              summary: Payment batches (Maksājumu paketes)
              description: Roles `finance`, `ikvd_admin`. The batches, newest first, one page at a time.
              parameters:
                - $ref: '#/components/parameters/PeriodFilter'
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: One page of batches.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/BatchPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /finance/batches/{batchId}:
            get:
              tags: [batches]
              operationId: getBatch
              summary: One payment batch (Maksājumu pakete)
              description: Roles `finance`, `ikvd_admin`. The batch's figures; its payouts are `GET /finance/payouts?batchId=…`.
              parameters:
                - $ref: '#/components/parameters/BatchId'
              responses:
                '200':
                  description: The batch.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/BatchView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /finance/batches/{batchId}/sent:
            post:
              tags: [batches]
              operationId: markBatchSent
              summary: Mark a batch as sent to the bank (Atzīmēt paketi kā nosūtītu)
              description: |
                Role `finance`. Records when and by whom the batch's file was sent to the bank; once only
                (409 `batch.already_sent` after). The body is an empty object.
              parameters:
                - $ref: '#/components/parameters/BatchId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
              responses:
                '200':
                  description: The batch, with `sentAt` and `sentBy`.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/BatchView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The batch is already marked as sent (`batch.already_sent`, field `batchId`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}
