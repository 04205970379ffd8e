extension IntakeOpenAPI {
    /// `components.schemas`, last part: plan, consent and document bodies and views. The end of the
    /// document.
    static let planSchemas = #"""
            CreatePlanRequest:
              type: object
              additionalProperties: false
              required: [institutionId, personalCode, semester]
              properties:
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                  description: The caller's own institution.
                personalCode:
                  type: string
                  description: The student's Latvian personal code (personas kods), e.g. `DDMMYY-NNNNN`. Never returned.
                semester:
                  $ref: '#/components/schemas/SemesterInput'
                birthDate:
                  oneOf:
                    - $ref: '#/components/schemas/CalendarDate'
                    - type: 'null'
                  description: The birth date, for a new-format personal code (which carries none); must match an old-format code and not be in the future.
            CopyForwardRequest:
              type: object
              additionalProperties: false
              required: [semester]
              properties:
                semester:
                  $ref: '#/components/schemas/SemesterInput'
            GeneralInformation:
              type: object
              additionalProperties: false
              description: The student card (Vispārējā informācija).
              required: [preparerName, situation, goal]
              properties:
                gradeOrCourse:
                  type: [integer, 'null']
                  description: Grade (general education) or course (vocational) the student is in.
                programmeKind:
                  oneOf:
                    - $ref: '#/components/schemas/InstitutionKind'
                    - type: 'null'
                  description: The student's programme kind; absent means the institution's kind.
                preparerName:
                  type: string
                  maxLength: 200
                  description: The preparer or supervisor responsible for the plan.
                situation:
                  type: string
                  maxLength: 4000
                goal:
                  type: string
                  maxLength: 4000
            IdentifiedRisk:
              type: object
              additionalProperties: false
              required: [code, justification, subjects, howSupportHelps]
              description: |
                One identified risk. Its evidence is not named here: the documents uploaded to the plan
                are what the rules read (seed 000 item 7).
              properties:
                code:
                  $ref: '#/components/schemas/RiskCode'
                level:
                  type: [string, 'null']
                  enum: [low, medium, high, null]
                  description: How strongly the risk shows (seed 000 item 12, "at any level"); required on submission.
                otherName:
                  type: [string, 'null']
                  maxLength: 200
                  description: The preparer's name for an "other" risk (required for O01 on submission).
                justification:
                  type: string
                  maxLength: 4000
                  description: Why this is an early-school-leaving risk for this student, concretely.
                subjects:
                  type: array
                  description: Subjects the consultations cover (required for L01–L04 on submission).
                  items:
                    type: string
                howSupportHelps:
                  type: string
                  maxLength: 4000
                  description: How the support reduces the risk (required for L01–L04 on submission).
            PlanMeasure:
              type: object
              additionalProperties: false
              description: One support measure with its stable id (the rules library's PlannedMeasure fields plus `id`, flat).
              required: [type, addresses, providers, fundedElsewhere]
              properties:
                id:
                  type: [string, 'null']
                  format: uuid
                  description: Send it back to keep the measure's id; a measure without one gets a new id.
                type:
                  $ref: '#/components/schemas/MeasureType'
                addresses:
                  type: array
                  description: The identified risks this measure addresses.
                  items:
                    $ref: '#/components/schemas/RiskCode'
                kind:
                  oneOf:
                    - $ref: '#/components/schemas/ConsultationKind'
                    - type: 'null'
                  description: For consultations.
                providers:
                  type: array
                  description: For consultations, the providers involved.
                  items:
                    $ref: '#/components/schemas/ProviderType'
                plannedMinutes:
                  type: [integer, 'null']
                  description: For consultations, planned minutes for the whole semester.
                plannedAmount:
                  oneOf:
                    - $ref: '#/components/schemas/Cents'
                    - type: 'null'
                  description: For money measures, the planned amount per cap period (month or semester), in euro cents.
                fundedElsewhere:
                  type: boolean
                  description: The same need is already funded from the state, municipal or another budget.
                holidayPeriod:
                  oneOf:
                    - $ref: '#/components/schemas/DatePeriod'
                    - type: 'null'
                  description: For holiday support (`kind` `holiday_support`), the holiday days, within the plan's semester.
            DatePeriod:
              type: object
              additionalProperties: false
              required: [start, end]
              properties:
                start:
                  type: string
                  format: date
                end:
                  type: string
                  format: date
            PlanContent:
              type: object
              additionalProperties: false
              description: What the preparer writes into a plan. At most 40 risks and 60 measures.
              required: [card, risks, measures]
              properties:
                card:
                  $ref: '#/components/schemas/GeneralInformation'
                risks:
                  type: array
                  maxItems: 40
                  items:
                    $ref: '#/components/schemas/IdentifiedRisk'
                measures:
                  type: array
                  maxItems: 60
                  items:
                    $ref: '#/components/schemas/PlanMeasure'
                priorityRisk:
                  oneOf:
                    - $ref: '#/components/schemas/RiskCode'
                    - type: 'null'
                  description: The risk the semester's support starts with.
                loadJustification:
                  type: [string, 'null']
                  maxLength: 4000
                  description: Why a weekly load above the threshold is needed, if it is.
            OtherESFSupport:
              type: object
              additionalProperties: false
              required: [project, measures]
              properties:
                project:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: The other ESF project's name or number (one line).
                measures:
                  type: array
                  description: The measures the student receives there (a set).
                  items:
                    $ref: '#/components/schemas/MeasureType'
            ESFDeclarations:
              type: object
              additionalProperties: false
              required: [declarations]
              properties:
                declarations:
                  type: array
                  items:
                    $ref: '#/components/schemas/OtherESFSupport'
            ConsentInput:
              type: object
              additionalProperties: false
              required: [signer, signedOn, documentId]
              properties:
                signer:
                  $ref: '#/components/schemas/ConsentSigner'
                signedOn:
                  $ref: '#/components/schemas/CalendarDate'
                documentId:
                  $ref: '#/components/schemas/Uuid'
                  description: The scanned form, uploaded to this plan with purpose `consent`.
            ConsentRevocation:
              type: object
              additionalProperties: false
              required: [reason]
              properties:
                reason:
                  type: string
                  minLength: 1
                  maxLength: 1000
            ConsentView:
              type: object
              required: [id, signer, signedOn, documentId, revoked]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                signer:
                  $ref: '#/components/schemas/ConsentSigner'
                signedOn:
                  $ref: '#/components/schemas/CalendarDate'
                documentId:
                  $ref: '#/components/schemas/Uuid'
                revoked:
                  type: boolean
                revokeReason:
                  type: string
                  description: Present once revoked.
            DocumentView:
              type: object
              required: [id, purpose, kind, mediaType, sizeBytes, sha256, uploadedAt]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                purpose:
                  type: string
                  enum: [evidence, consent]
                kind:
                  type: string
                  description: An evidence kind, or `consent_form`.
                mediaType:
                  type: string
                  enum: [application/pdf, image/jpeg, image/png]
                sizeBytes:
                  type: integer
                sha256:
                  type: string
                  pattern: '^[0-9a-f]{64}$'
                  description: SHA-256 of the bytes, lower-case hex.
                uploadedAt:
                  $ref: '#/components/schemas/Timestamp'
                  description: When it was first uploaded (for a carried-forward document, to the earlier plan).
                validUntil:
                  type: string
                  format: date
                  description: The last day the document says it is valid, if it says so.
                carriedFrom:
                  $ref: '#/components/schemas/Uuid'
                  description: |
                    Present on a document carried forward from the student's earlier plan (copy forward):
                    the original document's id. It counts as evidence while still valid for this semester.
            StatusView:
              type: object
              required: [code, label, labelEn]
              properties:
                code:
                  $ref: '#/components/schemas/PlanState'
                label:
                  type: string
                  description: Latvian label, e.g. `Projekts`.
                labelEn:
                  type: string
            FindingView:
              type: object
              required: [ruleId, severity, field, message, messageEn]
              properties:
                ruleId:
                  type: string
                severity:
                  type: string
                  enum: [error, warning]
                field:
                  type: string
                  description: JSON path, e.g. `risks[0].justification`.
                message:
                  type: string
                messageEn:
                  type: string
            HistoryView:
              type: object
              required: [to, at, actor]
              properties:
                from:
                  $ref: '#/components/schemas/PlanState'
                to:
                  $ref: '#/components/schemas/PlanState'
                at:
                  $ref: '#/components/schemas/Timestamp'
                actor:
                  $ref: '#/components/schemas/Uuid'
                reason:
                  type: string
            PlanView:
              type: object
              description: Everything about a plan except the personal code.
              required: [id, institutionId, studentCode, semester, status, revision, editable, esfDeclarations,
                         findings, implementationMayStart, documents, history]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                semester:
                  $ref: '#/components/schemas/SemesterText'
                status:
                  $ref: '#/components/schemas/StatusView'
                revision:
                  type: integer
                editable:
                  type: boolean
                  description: Whether content and declarations may still be changed.
                content:
                  $ref: '#/components/schemas/PlanContent'
                  description: Absent until the plan is filled in.
                esfDeclarations:
                  type: array
                  items:
                    $ref: '#/components/schemas/OtherESFSupport'
                findings:
                  type: array
                  description: The latest findings (warnings after a successful submission).
                  items:
                    $ref: '#/components/schemas/FindingView'
                statusNote:
                  type: string
                  description: The approver's comment or the suspension reason, when the status has one.
                implementationMayStart:
                  type: boolean
                copiedFrom:
                  $ref: '#/components/schemas/Uuid'
                  description: The plan this one was copied forward from.
                consent:
                  $ref: '#/components/schemas/ConsentView'
                  description: The latest consent record, active or revoked; absent when none.
                documents:
                  type: array
                  items:
                    $ref: '#/components/schemas/DocumentView'
                history:
                  type: array
                  items:
                    $ref: '#/components/schemas/HistoryView'
            PlanSummaryView:
              type: object
              required: [id, institutionId, studentCode, semester, status, revision, riskCodes, updatedAt]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                semester:
                  $ref: '#/components/schemas/SemesterText'
                status:
                  $ref: '#/components/schemas/StatusView'
                revision:
                  type: integer
                riskCodes:
                  type: array
                  items:
                    $ref: '#/components/schemas/RiskCode'
                updatedAt:
                  $ref: '#/components/schemas/Timestamp'
            PlanSummaryPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/PlanSummaryView'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
        """#
}
