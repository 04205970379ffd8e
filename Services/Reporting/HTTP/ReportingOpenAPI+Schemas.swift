extension ReportingOpenAPI {
    /// `components.schemas`: the bodies the operations take and return.
    static let schemas = #"""
          schemas:
            Problem:
              type: object
              description: An RFC 9457 problem. Texts are Latvian first, then English.
              required: [type, title, status]
              properties:
                type:
                  type: string
                  description: Problem type URI, e.g. `urn:pumpurs:problem:report-rules`.
                title:
                  type: string
                status:
                  type: integer
                  description: The HTTP status code.
                detail:
                  type: string
                instance:
                  type: string
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
                  description: JSON path of the field, e.g. `risks[0].comment`, or `(body)`.
                rule:
                  type: string
                  description: Stable rule id, e.g. `report.risk_missing`.
                message:
                  type: string
                  description: Latvian message.
                messageEn:
                  type: string
                  description: English message.
                severity:
                  type: string
                  enum: [error, warning]
            Figure:
              description: A figure, `"<5"` where it is hidden, or null where the column does not apply.
              oneOf:
                - type: integer
                - type: string
                  const: '<5'
                - type: 'null'
            Statistics:
              type: object
              required: [groupBy, scope, suppression, tables]
              properties:
                semester:
                  type: string
                  description: The semester asked for, if any.
                schoolYear:
                  type: string
                  description: The school year asked for, if any.
                groupBy:
                  type: string
                scope:
                  type: string
                  description: The caller's scope, e.g. `national`, `municipality:<id>`, `institution:<id>`.
                suppression:
                  type: object
                  required: [applied, threshold, marker]
                  properties:
                    applied:
                      type: boolean
                      description: False for IKVD, true for everyone else.
                    threshold:
                      type: integer
                      const: 5
                    marker:
                      type: string
                      const: '<5'
                tables:
                  type: array
                  items:
                    $ref: '#/components/schemas/StatisticsTable'
            StatisticsTable:
              type: object
              required: [name, category, columns, rows]
              properties:
                name:
                  type: string
                  enum: [plans_by_status, plans_by_risk, plans_by_risk_group, measures_by_type, subject_consultations,
                         specialist_consultations, hours, money_by_measure, plans_by_partner_kind, consultations_by_subject,
                         consultations_by_specialist]
                category:
                  type: string
                  description: What a row's `category` is (`status`, `risk`, `riskGroup`, `measure`, `subject`, `provider`, `work`, `partnerKind`).
                columns:
                  type: array
                  description: The figure members of every row, e.g. `[plans, plannedMinutes, deliveredMinutes]`.
                  items:
                    type: string
                rows:
                  type: array
                  items:
                    $ref: '#/components/schemas/StatisticsRow'
                totals:
                  type: array
                  description: One row per category over every group (absent with `groupBy=total`).
                  items:
                    $ref: '#/components/schemas/StatisticsRow'
            StatisticsRow:
              type: object
              description: A group and a category, with one member per column (`plans`, `measures`, `plannedMinutes`, `deliveredMinutes`, `plannedCents`, `paidCents`).
              required: [groupKey, groupName, category]
              properties:
                groupKey:
                  type: string
                groupName:
                  type: string
                category:
                  type: string
                categoryLabel:
                  $ref: '#/components/schemas/LocalizedText'
              additionalProperties:
                $ref: '#/components/schemas/Figure'
            LocalizedText:
              type: object
              required: [lv, en]
              properties:
                lv:
                  type: string
                en:
                  type: string
            RiskReport:
              type: object
              required: [riskCode, done, outcome, comment]
              additionalProperties: false
              properties:
                riskCode:
                  type: string
                  description: One of the plan's risk codes, e.g. `L02`.
                done:
                  type: string
                  maxLength: 2000
                  description: What was done about the risk (at least two words).
                outcome:
                  type: string
                  enum: [reduced, unchanged, worse]
                comment:
                  type: string
                  maxLength: 1000
                  description: A sentence on the outcome (at least two words).
            ReportInput:
              type: object
              required: [risks]
              additionalProperties: false
              properties:
                risks:
                  type: array
                  items:
                    $ref: '#/components/schemas/RiskReport'
                summary:
                  type: string
                  maxLength: 4000
            RiskReportView:
              allOf:
                - $ref: '#/components/schemas/RiskReport'
                - type: object
                  required: [riskGroup]
                  properties:
                    riskGroup:
                      type: string
                      enum: [learning, social_health, economic, family, other]
            MeasureFigures:
              type: object
              required: [measureId, type, providers, riskCodes]
              properties:
                measureId:
                  type: string
                  format: uuid
                type:
                  type: string
                providers:
                  type: array
                  items:
                    type: string
                riskCodes:
                  type: array
                  items:
                    type: string
                plannedMinutes:
                  type: integer
                deliveredMinutes:
                  type: integer
                  description: Consultations only.
                plannedCents:
                  type: integer
                paidCents:
                  type: integer
                  description: Money measures only; absent on a second measure of the same type (its money is on the first).
            ReportFigures:
              type: object
              required: [measures, otherPaidCents, staffPaidCents, preparer, totals]
              properties:
                measures:
                  type: array
                  items:
                    $ref: '#/components/schemas/MeasureFigures'
                otherPaidCents:
                  type: object
                  description: Money paid for a measure type the plan no longer has, by type (usually empty).
                  additionalProperties:
                    type: integer
                staffPaidCents:
                  type: integer
                preparer:
                  type: object
                  required: [recordedMinutes, limitMinutes]
                  properties:
                    recordedMinutes:
                      type: integer
                    limitMinutes:
                      type: integer
                totals:
                  type: object
                  required: [plannedMinutes, deliveredMinutes, plannedCents, paidCents]
                  properties:
                    plannedMinutes:
                      type: integer
                    deliveredMinutes:
                      type: integer
                    plannedCents:
                      type: integer
                    paidCents:
                      type: integer
                      description: Compensations paid (staff pay apart).
            Report:
              type: object
              required: [planId, studentCode, institutionId, semester, planStatus, state, planRisks, missingRisks, risks, figures, version]
              properties:
                planId:
                  type: string
                  format: uuid
                studentCode:
                  type: string
                  description: The student's pseudonymous code.
                institutionId:
                  type: string
                  format: uuid
                semester:
                  type: string
                planStatus:
                  type: string
                  description: The plan's status as reporting knows it, e.g. `approved`, `reported`, `closed`.
                state:
                  type: string
                  enum: [not_started, draft, submitted, confirmed]
                planRisks:
                  type: array
                  items:
                    type: string
                missingRisks:
                  type: array
                  items:
                    type: string
                risks:
                  type: array
                  items:
                    $ref: '#/components/schemas/RiskReportView'
                summary:
                  type: string
                figures:
                  $ref: '#/components/schemas/ReportFigures'
                figuresAtSubmission:
                  $ref: '#/components/schemas/ReportFigures'
                writtenBy:
                  type: string
                  format: uuid
                writtenAt:
                  type: string
                  format: date-time
                submittedBy:
                  type: string
                  format: uuid
                submittedAt:
                  type: string
                  format: date-time
                confirmedBy:
                  type: string
                  format: uuid
                confirmedAt:
                  type: string
                  format: date-time
                version:
                  type: integer
            ReportListItem:
              type: object
              required: [planId, studentCode, institutionId, semester, planStatus, state]
              properties:
                planId:
                  type: string
                  format: uuid
                studentCode:
                  type: string
                institutionId:
                  type: string
                  format: uuid
                semester:
                  type: string
                planStatus:
                  type: string
                state:
                  type: string
                  enum: [not_started, draft, submitted, confirmed]
                updatedAt:
                  type: string
                  format: date-time
            ReportPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/ReportListItem'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
        """#
}
