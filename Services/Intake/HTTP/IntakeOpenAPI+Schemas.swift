extension IntakeOpenAPI {
    /// `components.schemas`, first part: problems, the basic value types and enumerations, and the
    /// directory's bodies and views. Continued by `planSchemas` (IntakeOpenAPI+PlanSchemas.swift).
    static let sharedSchemas = #"""
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
                  description: JSON path of the field, e.g. `risks[0].justification`, or `(body)`.
                rule:
                  type: string
                  description: Stable rule id, e.g. `request.schema`.
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
            SemesterInput:
              type: string
              pattern: '^[0-9]{4}/[0-9]{4}-[12]$'
              description: A semester as `YYYY/YYYY+1-N` with N 1 (autumn) or 2 (spring), e.g. `2026/2027-1`.
              examples: ['2026/2027-1']
            SemesterText:
              type: string
              pattern: '^[0-9]{4}/[0-9]{4} (I|II)$'
              description: A semester as responses show it, e.g. `2026/2027 I` or `2026/2027 II`.
            StudentCode:
              type: string
              pattern: '^S-[0-9A-HJKMNP-TV-Z]{10}$'
              description: The student's stable pseudonymous code (never the personal code).
            Region:
              type: string
              enum: [Rīga, Rīgas reģions, Latgale, Vidzeme, Kurzeme, Zemgale]
              description: A planning region.
            Role:
              type: string
              enum: [ikvd_admin, ikvd_expert, municipality_coordinator, vpii_coordinator, institution_head,
                     institution_coordinator, preparer, specialist, finance]
            ScopeKind:
              type: string
              enum: [national, region, municipality, institution]
            InstitutionKind:
              type: string
              enum: [general, vocational]
            InstitutionFounder:
              type: string
              enum: [municipal, state]
            PlanState:
              type: string
              enum: [draft, submitted, validated, rejected_by_validation, awaiting_institution_head,
                     awaiting_municipality, awaiting_ikvd, approved, in_implementation, returned, suspended,
                     under_review, reported, closed, deleted]
            RiskCode:
              type: string
              description: A risk code of the catalogue (L learning, S social and health, E economic, F family, O01 other).
              enum: [L01, L02, L03, L04, L05, L06, L07, L08, L09, L10, L11, L12, L13,
                     S01, S02, S03, S04, S05, S06,
                     E01, E02, E03, E04, E05, E06,
                     F01, F02, F03, F04, F05, F06, F07,
                     O01]
            MeasureType:
              type: string
              enum: [consultation, transport_intercity, transport_city, lodging, meals, learning_materials,
                     personal_items, special_transport]
            ConsultationKind:
              type: string
              enum: [consultation, consultative_support, crisis_support, holiday_support]
              description: |
                The kind of consultation support: consultation or consultative support (seed 000 item 13),
                support in a crisis, or support during school holidays (funded with the subject
                consultations, MK No. 460 23.1.1; holiday support names its dates in `holidayPeriod`).
            ProviderType:
              type: string
              enum: [teacher, psychologist, social_pedagogue, teacher_assistant, special_education_teacher,
                     sign_language_interpreter, assistant, speech_therapist, occupational_therapist]
            EvidenceKind:
              type: string
              enum: [viis_attendance_extract, staff_report, disability_certificate, medical_statement,
                     needy_certificate, low_income_certificate, no_851_support_statement, grade_report, other]
              description: |
                An evidence document's kind. Only a document uploaded to the plan (or carried forward
                with it, while still valid) counts as evidence (seed 000 item 7).
            ConsentSigner:
              type: string
              enum: [student, parent_or_guardian]
            NewMunicipality:
              type: object
              additionalProperties: false
              required: [name, region]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: One line, unique among municipalities.
                region:
                  $ref: '#/components/schemas/Region'
            MunicipalityView:
              type: object
              required: [id, name, region]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                name:
                  type: string
                region:
                  $ref: '#/components/schemas/Region'
            NewInstitution:
              type: object
              additionalProperties: false
              required: [name, kind, founder]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: One line.
                kind:
                  $ref: '#/components/schemas/InstitutionKind'
                founder:
                  $ref: '#/components/schemas/InstitutionFounder'
                municipalityId:
                  type: [string, 'null']
                  format: uuid
                  description: Required for a municipal institution; must be absent for a state one.
                region:
                  oneOf:
                    - $ref: '#/components/schemas/Region'
                    - type: 'null'
                  description: Required for a state institution; a municipal one takes its municipality's region.
            InstitutionView:
              type: object
              required: [id, name, kind, founder, region, isStateVocational]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                name:
                  type: string
                kind:
                  $ref: '#/components/schemas/InstitutionKind'
                founder:
                  $ref: '#/components/schemas/InstitutionFounder'
                municipalityId:
                  $ref: '#/components/schemas/Uuid'
                  description: Absent for a state institution.
                region:
                  $ref: '#/components/schemas/Region'
                isStateVocational:
                  type: boolean
                  description: A state vocational institution (VPII); its plans skip the municipality step.
            MunicipalityPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/MunicipalityView'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            AssignmentHistoryView:
              type: object
              required: [id, personId, role, scope, assignedBy, assignedAt]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                personId:
                  $ref: '#/components/schemas/Uuid'
                role:
                  $ref: '#/components/schemas/Role'
                scope:
                  $ref: '#/components/schemas/Scope'
                scopeName:
                  type: [string, 'null']
                  description: The institution's or municipality's name; null for national and region scopes.
                assignedBy:
                  $ref: '#/components/schemas/Uuid'
                assignedByName:
                  type: [string, 'null']
                assignedAt:
                  type: string
                  format: date-time
                revokedBy:
                  type: [string, 'null']
                  format: uuid
                revokedByName:
                  type: [string, 'null']
                revokedAt:
                  type: [string, 'null']
                  format: date-time
                  description: When the role was revoked; null while it is active.
            InstitutionPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/InstitutionView'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            NewPerson:
              type: object
              additionalProperties: false
              required: [name, email]
              properties:
                name:
                  type: string
                  minLength: 1
                  maxLength: 200
                  description: One line.
                email:
                  type: string
                  format: email
                  maxLength: 254
                language:
                  type: [string, 'null']
                  enum: [lv, en, null]
                signInSubject:
                  type: [string, 'null']
                  minLength: 1
                  maxLength: 255
                  description: |
                    The identity provider's subject (`sub`) for signing in to the staff portal; stored
                    only as a keyed hash, never returned. Taken when the person is first registered.
                  default: lv
                  description: The language of the person's emails.
            PersonView:
              type: object
              required: [id, name, email, language, assignments]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                name:
                  type: string
                email:
                  type: string
                language:
                  type: string
                  enum: [lv, en]
                assignments:
                  type: array
                  description: The person's active role assignments.
                  items:
                    $ref: '#/components/schemas/AssignmentView'
            PersonPage:
              type: object
              required: [items, total, limit, offset]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/PersonView'
                total:
                  type: integer
                limit:
                  type: integer
                offset:
                  type: integer
            Scope:
              type: object
              additionalProperties: false
              required: [kind]
              description: 'Where a role applies, e.g. `{"kind":"institution","id":"…"}` or `{"kind":"region","region":"Latgale"}`.'
              properties:
                kind:
                  $ref: '#/components/schemas/ScopeKind'
                id:
                  type: [string, 'null']
                  format: uuid
                  description: The municipality or institution, for those kinds.
                region:
                  oneOf:
                    - $ref: '#/components/schemas/Region'
                    - type: 'null'
                  description: The planning region, for kind `region`.
            NewAssignment:
              type: object
              additionalProperties: false
              required: [personId, role, scope]
              properties:
                personId:
                  $ref: '#/components/schemas/Uuid'
                role:
                  $ref: '#/components/schemas/Role'
                scope:
                  $ref: '#/components/schemas/Scope'
            AssignmentView:
              type: object
              required: [id, personId, role, scope, assignedBy, revoked]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                personId:
                  $ref: '#/components/schemas/Uuid'
                role:
                  $ref: '#/components/schemas/Role'
                scope:
                  $ref: '#/components/schemas/Scope'
                assignedBy:
                  $ref: '#/components/schemas/Uuid'
                revoked:
                  type: boolean
        """#
}
