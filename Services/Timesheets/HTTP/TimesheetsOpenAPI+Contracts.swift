extension TimesheetsOpenAPI {
    /// The `contracts` operations under `paths` (issue #19 item 5: employment first).
    static let contractPaths = #"""
          /timesheets/contracts:
            post:
              tags: [contracts]
              operationId: enterStaffContract
              summary: Register a staff contract (darba līgums projektā)
              description: |
                The institution's coordinator or head, for their own institution: a person's employment in the project
                as one profession (a consultation provider, or `preparer`), with the hourly rate in cents and the days
                it is valid. Hours are recorded only inside a contract and for its profession (409
                `entry.contract_missing` otherwise), and the contract's rate is the pay rate of the work recorded under
                it. Two contracts of one person, institution and profession may not overlap (409 `contract.overlap`).
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewStaffContract'
              responses:
                '201':
                  description: The contract.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/StaffContract'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '409':
                  $ref: '#/components/responses/Conflict'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [contracts]
              operationId: listStaffContracts
              summary: Staff contracts I may see
              description: |
                The institution's coordinator and head their institution's; a specialist or preparer their own;
                municipality and VPII coordinators and IKVD their scope's; `finance` every contract (pay follows them).
                At most 500, by institution, person and first day.
              parameters:
                - name: institutionId
                  in: query
                  required: false
                  schema:
                    type: string
                    format: uuid
                - name: personId
                  in: query
                  required: false
                  schema:
                    type: string
                    format: uuid
              responses:
                '200':
                  description: The contracts.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          items:
                            type: array
                            items:
                              $ref: '#/components/schemas/StaffContract'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /timesheets/contracts/{contractId}:
            get:
              tags: [contracts]
              operationId: getStaffContract
              summary: One staff contract
              parameters:
                - $ref: '#/components/parameters/ContractId'
              responses:
                '200':
                  description: The contract.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/StaffContract'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /timesheets/contracts/{contractId}/end:
            post:
              tags: [contracts]
              operationId: endStaffContract
              summary: End a staff contract
              description: |
                The institution's coordinator or head: the contract's last day (within it) and why. Nothing is
                deleted; work already recorded after that day must be withdrawn first (409 `contract.work_after_end`).
              parameters:
                - $ref: '#/components/parameters/ContractId'
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [validUntil, reason]
                      properties:
                        validUntil:
                          $ref: '#/components/schemas/CalendarDate'
                        reason:
                          type: string
                          maxLength: 1000
              responses:
                '200':
                  description: The contract with its last day.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/StaffContract'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/Conflict'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#

    /// The contract schemas under `components.schemas`.
    static let contractSchemas = #"""
            Profession:
              type: string
              enum: [preparer, teacher, psychologist, social_pedagogue, teacher_assistant, special_education_teacher,
                     sign_language_interpreter, assistant, speech_therapist, occupational_therapist]
              description: A consultation provider of MK No. 460, or the plan preparer.
            NewStaffContract:
              type: object
              additionalProperties: false
              required: [personId, institutionId, profession, hourlyRateCents, validFrom]
              properties:
                personId:
                  type: string
                  format: uuid
                institutionId:
                  type: string
                  format: uuid
                  description: The caller's own institution.
                profession:
                  $ref: '#/components/schemas/Profession'
                hourlyRateCents:
                  type: integer
                  minimum: 1
                  maximum: 20000
                  description: Hourly pay in euro cents (0.01–200.00 EUR).
                validFrom:
                  $ref: '#/components/schemas/CalendarDate'
                validUntil:
                  $ref: '#/components/schemas/CalendarDate'
                  description: The last day; absent for an open-ended contract.
            StaffContract:
              type: object
              required: [id, personId, institutionId, profession, hourlyRateCents, validFrom, enteredBy]
              properties:
                id:
                  type: string
                  format: uuid
                personId:
                  type: string
                  format: uuid
                institutionId:
                  type: string
                  format: uuid
                profession:
                  $ref: '#/components/schemas/Profession'
                hourlyRateCents:
                  type: integer
                validFrom:
                  $ref: '#/components/schemas/CalendarDate'
                validUntil:
                  $ref: '#/components/schemas/CalendarDate'
                enteredBy:
                  type: string
                  format: uuid
        """#
}

extension TimesheetsOpenAPI {
    /// `GET /timesheets/deliveries` under `paths` (issue #19 item 6).
    static let deliveryPaths = #"""
          /timesheets/deliveries:
            get:
              tags: [worklogs]
              operationId: listServicesDelivered
              summary: Services delivered at the school in a month
              description: |
                The institution's coordinator or head (seed 000 item 6: the coordinator oversees the services
                received): per plan, measure, provider and staff member, the sessions, minutes and remote sessions of
                every entry not withdrawn, whatever state its work record is in, and how many the coordinator recorded
                for the person. At most 2,000 lines.
              parameters:
                - name: month
                  in: query
                  required: true
                  schema:
                    $ref: '#/components/schemas/Month'
              responses:
                '200':
                  description: The month's deliveries.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [institutionId, month, lines]
                        properties:
                          institutionId:
                            type: string
                            format: uuid
                          month:
                            $ref: '#/components/schemas/Month'
                          lines:
                            type: array
                            items:
                              type: object
                              required: [planId, studentCode, role, personId, sessions, minutes, remoteSessions, recordedByOthers]
                              properties:
                                planId:
                                  type: string
                                  format: uuid
                                studentCode:
                                  type: string
                                measureId:
                                  type: string
                                  format: uuid
                                role:
                                  type: string
                                  enum: [specialist, preparer]
                                providerType:
                                  $ref: '#/components/schemas/ProviderType'
                                personId:
                                  type: string
                                  format: uuid
                                sessions:
                                  type: integer
                                minutes:
                                  $ref: '#/components/schemas/Minutes'
                                remoteSessions:
                                  type: integer
                                recordedByOthers:
                                  type: integer
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}
