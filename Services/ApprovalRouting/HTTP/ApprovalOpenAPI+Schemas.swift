extension ApprovalOpenAPI {
    /// `components.schemas`: problems, value types, bodies and views. The end of the document.
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
                  description: JSON path of the field, e.g. `comment`, or `(body)`.
                rule:
                  type: string
                  description: Stable rule id, e.g. `decision.comment_required`.
                message:
                  type: string
                  description: Latvian message.
                messageEn:
                  type: string
                  description: English message.
                severity:
                  type: string
                  enum: [error, warning]
                  description: Present where a rule set reports both (plan validation).
            Uuid:
              type: string
              format: uuid
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
            Semester:
              type: string
              pattern: '^[0-9]{4}/[0-9]{4}-[12]$'
              description: A semester as `YYYY/YYYY+1-N` with N 1 (autumn) or 2 (spring), e.g. `2026/2027-1`.
              examples: ['2026/2027-1']
            StudentCode:
              type: string
              description: The student's stable pseudonymous code, e.g. `S-7K2M9Q4XTB` (never the personal code).
            Role:
              type: string
              enum: [ikvd_admin, ikvd_expert, municipality_coordinator, vpii_coordinator, institution_head,
                     institution_coordinator, preparer, specialist, finance]
            PlanState:
              type: string
              enum: [draft, submitted, validated, rejected_by_validation, awaiting_institution_head, awaiting_municipality,
                     awaiting_ikvd, approved, in_implementation, returned, suspended, under_review, reported, closed, deleted]
            DecisionCommand:
              type: string
              enum: [approve, return, suspend, resume, review, delete]
            CommentBody:
              type: object
              additionalProperties: false
              properties:
                comment:
                  type: string
                  description: The comment or reason, stored with the decision and carried in its events.
                actingFor:
                  $ref: '#/components/schemas/Uuid'
                  description: |
                    Decide for this person (the delegator) with their role and scope; needs a delegation
                    from them valid today (403 `delegation.not_valid` otherwise). Naming oneself is the same
                    as leaving it out.
            DecisionResult:
              type: object
              required: [planId, revision, state, version]
              properties:
                planId:
                  $ref: '#/components/schemas/Uuid'
                revision:
                  type: integer
                  description: The plan revision decided on.
                state:
                  $ref: '#/components/schemas/PlanState'
                version:
                  type: integer
                  description: The plan's version after the decision.
            BulkApproveRequest:
              type: object
              additionalProperties: false
              required: [planIds]
              properties:
                planIds:
                  type: array
                  minItems: 1
                  maxItems: 200
                  items:
                    $ref: '#/components/schemas/Uuid'
                comment:
                  type: string
                  description: Stored with every approval.
                actingFor:
                  $ref: '#/components/schemas/Uuid'
                  description: As in `CommentBody`, for every plan.
            BulkApproveResponse:
              type: object
              required: [results]
              properties:
                results:
                  type: array
                  items:
                    $ref: '#/components/schemas/BulkResult'
            BulkResult:
              type: object
              required: [planId, outcome]
              properties:
                planId:
                  $ref: '#/components/schemas/Uuid'
                outcome:
                  type: string
                  enum: [approved, not_found, refused]
                  description: |
                    `approved`: this level's approval is recorded (`state` says where the plan went);
                    `not_found`: no such plan in the scope; `refused`: see `rule` and the messages.
                state:
                  $ref: '#/components/schemas/PlanState'
                  description: The plan's state after the approval (`approved` only).
                rule:
                  type: string
                  description: The refusing rule, e.g. `lifecycle.wrong_approval_level`, `approval.own_plan`.
                message:
                  type: string
                  description: Latvian message (or the problem's title when it names no rule).
                messageEn:
                  type: string
                  description: English message.
            QueueItem:
              type: object
              required: [planId, revision, institutionId, institutionName, studentCode, semester, state, level, waitingDays,
                         riskCodes, warnings, consentOnFile, version]
              properties:
                planId:
                  $ref: '#/components/schemas/Uuid'
                revision:
                  type: integer
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                institutionName:
                  type: string
                municipalityId:
                  $ref: '#/components/schemas/Uuid'
                  description: Absent for state institutions.
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                semester:
                  $ref: '#/components/schemas/Semester'
                state:
                  $ref: '#/components/schemas/PlanState'
                level:
                  type: string
                  enum: [institution_head, municipality, ikvd, '']
                  description: The approval level the plan awaits; empty when it awaits none (plan summaries only).
                waitingSince:
                  $ref: '#/components/schemas/Timestamp'
                  description: Since when the plan waits at its current level; absent when it does not wait.
                waitingDays:
                  type: integer
                  minimum: 0
                  description: Whole days waited at the current level (0 when not waiting).
                riskCodes:
                  type: array
                  items:
                    type: string
                warnings:
                  type: array
                  description: The validation warnings the plan passed with.
                  items:
                    $ref: '#/components/schemas/Finding'
                consentOnFile:
                  type: boolean
                  description: |
                    Whether the signed consent is on file now. A plan may be approved while it is
                    pending; no consultation is recorded and no payout released until it is on file.
                version:
                  type: integer
                  description: The plan's version (it changes with every decision).
                overdue:
                  type: string
                  enum: [reminder, escalation]
                  description: Raised by the reminder sweep for this revision at this level (the escalation when both were); absent otherwise.
            QueuePage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/QueueItem'
                total:
                  type: integer
                  description: How many match in all.
                limit:
                  type: integer
                offset:
                  type: integer
            Finding:
              type: object
              required: [ruleId, severity, path, messageLv, messageEn]
              properties:
                ruleId:
                  type: string
                  description: Stable rule id, e.g. `risk.justification.vague`.
                severity:
                  type: string
                  enum: [error, warning]
                path:
                  type: string
                  description: Field path, e.g. `risks[1].justification`.
                messageLv:
                  type: string
                messageEn:
                  type: string
            PlannedMeasureSummary:
              type: object
              required: [measureId, type, providers, riskCodes]
              properties:
                measureId:
                  $ref: '#/components/schemas/Uuid'
                type:
                  type: string
                  description: Measure type code, e.g. `consultation`, `meals`.
                providers:
                  type: array
                  description: Provider types (consultations).
                  items:
                    type: string
                plannedMinutes:
                  type: integer
                  description: Planned minutes for the semester (consultations).
                monthlyAmountCents:
                  $ref: '#/components/schemas/Cents'
                  description: Planned amount per month (monthly compensations).
                semesterAmountCents:
                  $ref: '#/components/schemas/Cents'
                  description: Planned amount per semester (per-semester compensations).
                riskCodes:
                  type: array
                  description: Risk codes the measure addresses.
                  items:
                    type: string
            DecisionView:
              type: object
              required: [command, from, to, decidedBy, role, at]
              properties:
                command:
                  $ref: '#/components/schemas/DecisionCommand'
                from:
                  $ref: '#/components/schemas/PlanState'
                to:
                  $ref: '#/components/schemas/PlanState'
                decidedBy:
                  $ref: '#/components/schemas/Uuid'
                  description: The person who decided.
                role:
                  $ref: '#/components/schemas/Role'
                  description: The role of the rights used (the delegator's when acting for them).
                actingFor:
                  $ref: '#/components/schemas/Uuid'
                  description: The delegator, when the decision was made for them.
                decidedByName:
                  type: string
                  description: The decider's name from the directory (absent while the directory copy has not got them).
                actingForName:
                  type: string
                  description: The delegator's name, when acting for them.
                comment:
                  type: string
                at:
                  $ref: '#/components/schemas/Timestamp'
            PlanSummary:
              type: object
              required: [plan, measures, decisions, amountPaidCents]
              properties:
                amountPaidCents:
                  $ref: '#/components/schemas/Cents'
                  description: Money paid on the plan so far, the preparer's pay included; the plan may be deleted only while this is 0.
                plan:
                  $ref: '#/components/schemas/QueueItem'
                measures:
                  type: array
                  items:
                    $ref: '#/components/schemas/PlannedMeasureSummary'
                decisions:
                  type: array
                  description: Every decision on the plan, oldest first.
                  items:
                    $ref: '#/components/schemas/DecisionView'
            NewDelegation:
              type: object
              additionalProperties: false
              required: [delegateId, validFrom, validUntil]
              properties:
                delegateId:
                  $ref: '#/components/schemas/Uuid'
                  description: The person who may act for the caller (not the caller).
                validFrom:
                  $ref: '#/components/schemas/CalendarDate'
                validUntil:
                  $ref: '#/components/schemas/CalendarDate'
                  description: The last day (included); not before `validFrom`.
            DelegationView:
              type: object
              required: [id, delegator, delegate, role, validFrom, validUntil]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                delegator:
                  $ref: '#/components/schemas/Uuid'
                delegate:
                  $ref: '#/components/schemas/Uuid'
                role:
                  $ref: '#/components/schemas/Role'
                  description: The delegator's role, which the delegate uses.
                validFrom:
                  $ref: '#/components/schemas/CalendarDate'
                validUntil:
                  $ref: '#/components/schemas/CalendarDate'
                revoked:
                  type: boolean
        """#
}
