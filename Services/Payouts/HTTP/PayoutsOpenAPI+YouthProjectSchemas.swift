extension PayoutsOpenAPI {
    /// The youth-project schemas, continuing `components.schemas`.
    static let youthSchemas = #"""
            NewYouthCompetition:
              type: object
              additionalProperties: false
              required: [title, opensOn, closesOn, budgetCents, mediumTermPlanReference]
              properties:
                title:
                  type: string
                  description: 3–200 characters on one line, unique among the partner's competitions.
                opensOn:
                  $ref: '#/components/schemas/CalendarDate'
                closesOn:
                  $ref: '#/components/schemas/CalendarDate'
                budgetCents:
                  type: integer
                  format: int64
                  minimum: 1
                  maximum: 1000000000
                mediumTermPlanReference:
                  type: string
                  description: The partner's medium-term plan of preventive and intervention measures for reducing early school leaving (3–300 characters).
            YouthCompetition:
              type: object
              required: [competitionId, partnerKind, partnerId, title, opensOn, closesOn, budgetCents, mediumTermPlanReference, applications,
                         awardedCents, paidCents, remainingBudgetCents, currency, createdBy, createdAt]
              properties:
                competitionId:
                  $ref: '#/components/schemas/Uuid'
                partnerKind:
                  type: string
                  enum: [municipality, vpii]
                partnerId:
                  $ref: '#/components/schemas/Uuid'
                  description: The municipality's id, or the VPII institution's id.
                title:
                  type: string
                opensOn:
                  $ref: '#/components/schemas/CalendarDate'
                closesOn:
                  $ref: '#/components/schemas/CalendarDate'
                budgetCents:
                  $ref: '#/components/schemas/Cents'
                mediumTermPlanReference:
                  type: string
                applications:
                  type: integer
                awardedCents:
                  $ref: '#/components/schemas/Cents'
                paidCents:
                  $ref: '#/components/schemas/Cents'
                  description: The ledger's net for the competition's projects (releases less reversals).
                remainingBudgetCents:
                  $ref: '#/components/schemas/Cents'
                currency:
                  type: string
                  enum: [EUR]
                createdBy:
                  $ref: '#/components/schemas/Uuid'
                createdAt:
                  $ref: '#/components/schemas/Timestamp'
            YouthCompetitionPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/YouthCompetition'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            YouthOrganisation:
              type: object
              additionalProperties: false
              required: [name, registrationNumber, worksWithYouth]
              properties:
                name:
                  type: string
                  description: 2–200 characters on one line.
                registrationNumber:
                  type: string
                  description: The NGO's registration number, 11 digits (spaces ignored).
                worksWithYouth:
                  type: boolean
                  description: A youth NGO, or an NGO that works with young people (`youth.applicant.works_with_youth`).
            NewYouthApplication:
              type: object
              additionalProperties: false
              required: [receivedOn, organisation, projectTitle, requestedCents, startsOn, endsOn, participantsPlanned, atRiskParticipants,
                         nonFormalMethods, planAlignment, payee]
              properties:
                receivedOn:
                  $ref: '#/components/schemas/CalendarDate'
                  description: When the partner received the application (`youth.call_period`).
                organisation:
                  $ref: '#/components/schemas/YouthOrganisation'
                projectTitle:
                  type: string
                  description: 3–200 characters on one line.
                requestedCents:
                  type: integer
                  format: int64
                  minimum: 1
                  maximum: 100000000
                  description: The amount asked for; above 460000 is the finding `youth.amount.limit`.
                startsOn:
                  $ref: '#/components/schemas/CalendarDate'
                endsOn:
                  $ref: '#/components/schemas/CalendarDate'
                participantsPlanned:
                  type: integer
                  minimum: 0
                  maximum: 100000
                atRiskParticipants:
                  type: integer
                  minimum: 0
                  maximum: 100000
                  description: How many of the participants are students at risk of leaving school early, as the NGO declares it. A count only; no student is ever named.
                nonFormalMethods:
                  type: string
                  description: The principles and methods of non-formal education the project uses (up to 4000 characters).
                planAlignment:
                  type: string
                  description: How the project follows the partner's medium-term plan (up to 4000 characters).
                payee:
                  $ref: '#/components/schemas/PayeeInput'
            YouthFinding:
              type: object
              required: [rule, severity, field, message, messageEn]
              properties:
                rule:
                  type: string
                  enum: [youth.applicant.works_with_youth, youth.call_period, youth.amount.limit, youth.duration,
                         youth.participants.at_risk_share, youth.methods.non_formal, youth.plan_alignment]
                severity:
                  type: string
                  enum: [error, warning]
                field:
                  type: string
                message:
                  type: string
                  description: Latvian.
                messageEn:
                  type: string
            YouthPayment:
              type: object
              required: [payoutId, idempotencyKey, instalment, amountCents, period, state]
              properties:
                payoutId:
                  $ref: '#/components/schemas/Uuid'
                idempotencyKey:
                  type: string
                  description: '`youth:<applicationId>:<instalment>`.'
                instalment:
                  type: string
                  enum: [advance, final]
                amountCents:
                  $ref: '#/components/schemas/Cents'
                period:
                  $ref: '#/components/schemas/Period'
                state:
                  $ref: '#/components/schemas/PayoutState'
                batchId:
                  $ref: '#/components/schemas/Uuid'
                releasedAt:
                  $ref: '#/components/schemas/Timestamp'
            YouthApplication:
              type: object
              required: [applicationId, competitionId, partnerKind, partnerId, receivedOn, organisation, projectTitle, requestedCents, startsOn,
                         endsOn, participantsPlanned, atRiskParticipants, nonFormalMethods, planAlignment, payeeReference, payeeName,
                         payeeIbanMasked, findings, state, payments, paidCents, currency, registeredBy, registeredAt]
              properties:
                applicationId:
                  $ref: '#/components/schemas/Uuid'
                competitionId:
                  $ref: '#/components/schemas/Uuid'
                partnerKind:
                  type: string
                  enum: [municipality, vpii]
                partnerId:
                  $ref: '#/components/schemas/Uuid'
                receivedOn:
                  $ref: '#/components/schemas/CalendarDate'
                organisation:
                  $ref: '#/components/schemas/YouthOrganisation'
                projectTitle:
                  type: string
                requestedCents:
                  $ref: '#/components/schemas/Cents'
                startsOn:
                  $ref: '#/components/schemas/CalendarDate'
                endsOn:
                  $ref: '#/components/schemas/CalendarDate'
                participantsPlanned:
                  type: integer
                atRiskParticipants:
                  type: integer
                nonFormalMethods:
                  type: string
                planAlignment:
                  type: string
                payeeReference:
                  $ref: '#/components/schemas/PayeeReference'
                payeeName:
                  type: string
                payeeIbanMasked:
                  type: string
                  description: The NGO's IBAN masked (`LV** **** **** **** *5001`).
                findings:
                  type: array
                  items:
                    $ref: '#/components/schemas/YouthFinding'
                state:
                  type: string
                  enum: [submitted, awarded, refused, withdrawn]
                awardedCents:
                  $ref: '#/components/schemas/Cents'
                decisionReason:
                  type: string
                decidedBy:
                  $ref: '#/components/schemas/Uuid'
                decidedAt:
                  $ref: '#/components/schemas/Timestamp'
                payments:
                  type: array
                  items:
                    $ref: '#/components/schemas/YouthPayment'
                paidCents:
                  $ref: '#/components/schemas/Cents'
                  description: The released (not reversed) payments.
                currency:
                  type: string
                  enum: [EUR]
                registeredBy:
                  $ref: '#/components/schemas/Uuid'
                registeredAt:
                  $ref: '#/components/schemas/Timestamp'
            YouthApplicationPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/YouthApplication'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            YouthAward:
              type: object
              additionalProperties: false
              properties:
                awardedCents:
                  type: integer
                  format: int64
                  description: Default the amount requested.
                reason:
                  type: string
                  description: An optional note on the decision (up to 1000 characters).
            YouthReason:
              type: object
              additionalProperties: false
              required: [reason]
              properties:
                reason:
                  type: string
                  description: 3–1000 characters after trimming (`youth.decision.reason_required`).
            NewYouthPayment:
              type: object
              additionalProperties: false
              required: [instalment, amountCents]
              properties:
                instalment:
                  type: string
                  enum: [advance, final]
                amountCents:
                  type: integer
                  format: int64
                  minimum: 1
                  maximum: 100000000
        """#
}
