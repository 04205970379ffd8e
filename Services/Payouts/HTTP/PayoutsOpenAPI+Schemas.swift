extension PayoutsOpenAPI {
    /// `components.schemas` up to the finance views: problems, value types, the receipt, claim and
    /// payee bodies and views. Continued by `financeSchemas` (PayoutsOpenAPI+FinanceSchemas.swift).
    static let schemas = #"""
          schemas:
            Problem:
              type: object
              description: An RFC 9457 problem. Texts are Latvian first, then English.
              required: [type, title, status]
              properties:
                type:
                  type: string
                  description: Problem type URI, e.g. `urn:pumpurs:problem:invalid-request`.
                title:
                  type: string
                status:
                  type: integer
                  description: The HTTP status code.
                detail:
                  type: string
                instance:
                  type: string
                  description: The request path, where given.
                errors:
                  type: array
                  items:
                    $ref: '#/components/schemas/FieldError'
            FieldError:
              type: object
              required: [field, rule, message, messageEn]
              properties:
                field:
                  type: string
                  description: JSON path of the field, e.g. `payee.iban`, or `(body)`.
                rule:
                  type: string
                  description: Stable rule id, e.g. `claim.duplicate_receipt`.
                message:
                  type: string
                  description: Latvian message.
                messageEn:
                  type: string
                  description: English message.
                severity:
                  type: string
                  enum: [error, warning]
                  description: Present where a rule set reports both (the cap).
            Uuid:
              type: string
              format: uuid
            Binary:
              type: string
              format: binary
            CalendarDate:
              type: string
              format: date
              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
              description: A calendar date as `YYYY-MM-DD`.
            Timestamp:
              type: string
              format: date-time
              description: UTC, ISO 8601 with milliseconds, e.g. `2026-11-22T19:27:26.123Z`.
            Cents:
              type: integer
              format: int64
              description: An amount of money in euro cents.
            Period:
              type: string
              pattern: '^([0-9]{4}-(0[1-9]|1[0-2])|[0-9]{4}/[0-9]{4}-[12])$'
              description: |
                A month `YYYY-MM` (measures capped per month, staff pay) or a semester `YYYY/YYYY+1-N`, N 1
                (autumn) or 2 (spring) (measures capped per semester).
              examples: ['2026-10', '2026/2027-1']
            StudentCode:
              type: string
              description: The student's stable pseudonymous code, e.g. `S-7K2M9Q4XTB` (never the personal code).
            PayeeReference:
              type: string
              pattern: '^P-[A-Z2-9]{12}$'
              description: The payee's reference in the ledger (no personal code), e.g. `P-7QK2M9XTB4WZ`.
            MeasureType:
              type: string
              enum: [transport_intercity, transport_city, lodging, meals, learning_materials, personal_items, special_transport]
              description: A measure compensated in money.
            PayoutState:
              type: string
              enum: [held, released, voided, reversed]
              description: |
                `held`: waiting (see `holdReason`); `released`: in the ledger, to be paid; `voided`: will
                never be paid (see `voidReason`); `reversed`: released, then undone by finance.
            HoldReason:
              type: string
              enum: [plan_not_approved, plan_suspended, consent_pending, payee_details_missing, payee_change_waiting]
              description: Why a payout waits (present only while `held`).
            VoidReason:
              type: string
              description: |
                For `voided`: `consent_revoked` or `plan_deleted` (`plan_suspended` on payouts voided before
                a suspension came to hold them instead); for `reversed`: the reason finance gave.
              examples: [consent_revoked, plan_deleted]
            ReceiptView:
              type: object
              required: [id, mediaType, sizeBytes, sha256, uploadedAt]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                mediaType:
                  type: string
                  enum: [application/pdf, image/jpeg, image/png]
                  description: The type recognised from the content.
                sizeBytes:
                  type: integer
                  minimum: 1
                  maximum: 5242880
                sha256:
                  type: string
                  pattern: '^[0-9a-f]{64}$'
                  description: SHA-256 of the bytes, lower-case hex.
                uploadedAt:
                  $ref: '#/components/schemas/Timestamp'
            PayeeInput:
              type: object
              additionalProperties: false
              required: [name, iban]
              properties:
                name:
                  type: string
                  description: The account holder's name, 2–70 characters on one line after trimming (`payee.name`).
                iban:
                  type: string
                  description: The IBAN, spaces allowed, checked by country, length and check digits (`payee.iban`).
                bic:
                  type: string
                  description: The bank's BIC, 8 or 11 characters (`payee.bic`); optional, blank is the same as none.
            NewClaim:
              type: object
              additionalProperties: false
              required: [planId, measureId, period, amountCents, description, receiptId, payee]
              properties:
                planId:
                  $ref: '#/components/schemas/Uuid'
                measureId:
                  $ref: '#/components/schemas/Uuid'
                  description: One of the plan's approved measures compensated in money.
                period:
                  $ref: '#/components/schemas/Period'
                  description: The month or semester the expense is for, as the measure's cap counts it.
                amountCents:
                  $ref: '#/components/schemas/Cents'
                  minimum: 1
                  maximum: 10000000
                  description: The amount on the receipt, claimed (what is paid may be less, see the cap).
                description:
                  type: string
                  minLength: 3
                  maxLength: 500
                  description: What was bought and for whom (3–500 characters after trimming).
                receiptId:
                  $ref: '#/components/schemas/Uuid'
                  description: A receipt the caller's institution uploaded and no claim names yet.
                payee:
                  $ref: '#/components/schemas/PayeeInput'
                  description: Whom to pay (the person who paid the expense).
                deliveredHome:
                  type: boolean
                  description: |
                    During an emergency period in the plan's area (seed 004): meals delivered home. Inside such a period
                    only the period's two exceptions are paid, each as a warning finding naming it
                    (`emergency.meals.delivered_home`, `emergency.placement.support_kept`); anything else is 422
                    (`emergency.claim.paused`, or the exception's rule with what is missing).
                onPlacement:
                  type: boolean
                  description: During an emergency period: a vocational student on placement (transport, lodging, meals kept).
            ClaimFinding:
              type: object
              required: [rule, severity, field, message, messageEn]
              properties:
                rule:
                  type: string
                  description: Stable rule id, `compensation.cap`, or during an emergency `emergency.meals.delivered_home` or `emergency.placement.support_kept`.
                severity:
                  type: string
                  enum: [error, warning]
                field:
                  type: string
                  description: The field, `amountCents`.
                message:
                  type: string
                  description: Latvian message.
                messageEn:
                  type: string
                  description: English message.
            PayoutSummary:
              type: object
              required: [payoutId, amountCents, cappedByCents, state]
              properties:
                payoutId:
                  $ref: '#/components/schemas/Uuid'
                amountCents:
                  $ref: '#/components/schemas/Cents'
                  description: What is paid, the claimed amount up to what is left under the cap.
                cappedByCents:
                  $ref: '#/components/schemas/Cents'
                  description: How much of the claim the cap cut off (claimed minus paid).
                state:
                  $ref: '#/components/schemas/PayoutState'
                holdReason:
                  $ref: '#/components/schemas/HoldReason'
                voidReason:
                  $ref: '#/components/schemas/VoidReason'
            ClaimView:
              type: object
              required: [id, planId, studentCode, measureId, measureType, period, claimedCents, description, receiptId,
                         payeeReference, submittedBy, submittedAt, payout, findings]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                planId:
                  $ref: '#/components/schemas/Uuid'
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                measureId:
                  $ref: '#/components/schemas/Uuid'
                measureType:
                  $ref: '#/components/schemas/MeasureType'
                period:
                  $ref: '#/components/schemas/Period'
                claimedCents:
                  $ref: '#/components/schemas/Cents'
                description:
                  type: string
                receiptId:
                  $ref: '#/components/schemas/Uuid'
                payeeReference:
                  $ref: '#/components/schemas/PayeeReference'
                submittedBy:
                  $ref: '#/components/schemas/Uuid'
                submittedAt:
                  $ref: '#/components/schemas/Timestamp'
                payout:
                  $ref: '#/components/schemas/PayoutSummary'
                findings:
                  type: array
                  description: The cap's warning when it cut the claim (answer to the claim only; else empty).
                  items:
                    $ref: '#/components/schemas/ClaimFinding'
            ClaimList:
              type: object
              required: [items]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/ClaimView'
            StaffPayeeView:
              type: object
              required: [personId, payeeReference, ibanMasked, settledPayouts]
              properties:
                personId:
                  $ref: '#/components/schemas/Uuid'
                payeeReference:
                  $ref: '#/components/schemas/PayeeReference'
                ibanMasked:
                  type: string
                  description: The registered IBAN, masked (`LV** **** **** **** *5001`).
                payReleasedFrom:
                  type: string
                  format: date-time
                  description: |
                    When the IBAN changed (or finance registered it): from when held pay may be released to
                    it (absent: at once).
                settledPayouts:
                  type: integer
                  minimum: 0
                  description: |
                    How many of the person's held payouts left the held state now that the account is known
                    (released, or voided when their plan was stopped); pay still waiting for its plan's
                    approval stays held and is not counted.
        """#
}
