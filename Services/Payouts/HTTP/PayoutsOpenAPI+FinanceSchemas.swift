extension PayoutsOpenAPI {
    /// The rest of `components.schemas`: finance's bodies and views (payouts, batches, ledger).
    /// The end of the document.
    static let financeSchemas = #"""
            ReverseRequest:
              type: object
              additionalProperties: false
              required: [reason]
              properties:
                reason:
                  type: string
                  minLength: 3
                  maxLength: 1000
                  description: Why the payout is reversed, 3–1000 characters after trimming; kept in the ledger.
            NewBatch:
              type: object
              additionalProperties: false
              required: [period]
              properties:
                period:
                  $ref: '#/components/schemas/Period'
                executionDate:
                  $ref: '#/components/schemas/CalendarDate'
                  description: The date the bank is asked to pay on; today (UTC) or later, today when absent.
            PayoutView:
              type: object
              description: |
                A payout. A plan's (kind `claim` or `staff`) names the plan, its student code and institution; a
                youth project's payment (kind `youth_project`) names none of them but `youthProjectId`.
              required: [payoutId, idempotencyKey, kind, measure, period, amountCents, currency, state, createdAt]
              properties:
                payoutId:
                  $ref: '#/components/schemas/Uuid'
                idempotencyKey:
                  type: string
                  description: |
                    The key finance deduplicates on: `claim:<claimId>`, or
                    `staff:<planId>:<role>:<personId>:<month>` for staff pay, `youth:<applicationId>:<instalment>`
                    for a youth project's payment.
                kind:
                  type: string
                  enum: [claim, staff, youth_project]
                claimId:
                  $ref: '#/components/schemas/Uuid'
                  description: Kind `claim` only, the expense claim it pays (`GET /payouts/claims/{claimId}`).
                planId:
                  $ref: '#/components/schemas/Uuid'
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                  description: The plan's institution; for a youth project run by a VPII, the VPII.
                youthProjectId:
                  $ref: '#/components/schemas/Uuid'
                  description: The awarded application a youth project's payment belongs to.
                measure:
                  type: string
                  description: The measure type (`MeasureType`), `staff_pay`, or `youth_project`.
                period:
                  $ref: '#/components/schemas/Period'
                amountCents:
                  $ref: '#/components/schemas/Cents'
                currency:
                  type: string
                  enum: [EUR]
                state:
                  $ref: '#/components/schemas/PayoutState'
                holdReason:
                  $ref: '#/components/schemas/HoldReason'
                voidReason:
                  $ref: '#/components/schemas/VoidReason'
                payeeReference:
                  $ref: '#/components/schemas/PayeeReference'
                  description: Whom it pays; a claim's from the start, staff pay's from its release.
                role:
                  type: string
                  description: Staff pay only, the role paid (the provider type, or `preparer`).
                minutes:
                  type: integer
                  minimum: 0
                  description: Staff pay only, the month's minutes on the plan in that role.
                batchId:
                  $ref: '#/components/schemas/Uuid'
                  description: The batch the payout is in, once it is in one.
                createdAt:
                  $ref: '#/components/schemas/Timestamp'
                releasedAt:
                  $ref: '#/components/schemas/Timestamp'
                  description: When it was released, if it was.
            PayoutPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/PayoutView'
                total:
                  type: integer
                  description: How many match in all.
                limit:
                  type: integer
                offset:
                  type: integer
            BatchView:
              type: object
              required: [batchId, period, count, totalCents, executionDate, createdBy, createdAt]
              properties:
                batchId:
                  $ref: '#/components/schemas/Uuid'
                period:
                  $ref: '#/components/schemas/Period'
                count:
                  type: integer
                  minimum: 1
                  description: The number of payouts in the batch.
                totalCents:
                  $ref: '#/components/schemas/Cents'
                  description: The sum of their amounts.
                executionDate:
                  $ref: '#/components/schemas/CalendarDate'
                createdBy:
                  $ref: '#/components/schemas/Uuid'
                createdAt:
                  $ref: '#/components/schemas/Timestamp'
                sentAt:
                  $ref: '#/components/schemas/Timestamp'
                  description: When finance marked the batch as sent to the bank; absent until then.
                sentBy:
                  $ref: '#/components/schemas/Uuid'
                  description: Who marked it as sent.
            BatchPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/BatchView'
                total:
                  type: integer
                  description: How many match in all.
                limit:
                  type: integer
                offset:
                  type: integer
            LedgerGroup:
              type: object
              required: [key, entries, releasedCents, reversedCents, netCents]
              properties:
                key:
                  type: string
                  description: The period, the measure type (or `staff_pay`), the institution id, or the municipality id (or `vpii`).
                name:
                  type: string
                  description: The institution's or municipality's name from the directory (`VPII / valsts` for `vpii`); absent for periods and measures.
                entries:
                  type: integer
                  description: Ledger entries in the group (releases and reversals).
                releasedCents:
                  $ref: '#/components/schemas/Cents'
                  description: The sum released.
                reversedCents:
                  $ref: '#/components/schemas/Cents'
                  description: The sum reversed, as a positive amount.
                netCents:
                  $ref: '#/components/schemas/Cents'
                  description: Released minus reversed.
            LedgerTotals:
              type: object
              required: [groupBy, groups, entries, releasedCents, reversedCents, netCents, currency]
              properties:
                groupBy:
                  type: string
                  enum: [period, measure, institution, municipality]
                period:
                  type: string
                  description: The `period` filter, when one was given.
                groups:
                  type: array
                  description: One per key, ordered by key.
                  items:
                    $ref: '#/components/schemas/LedgerGroup'
                entries:
                  type: integer
                releasedCents:
                  $ref: '#/components/schemas/Cents'
                reversedCents:
                  $ref: '#/components/schemas/Cents'
                netCents:
                  $ref: '#/components/schemas/Cents'
                currency:
                  type: string
                  enum: [EUR]
        """#
}
