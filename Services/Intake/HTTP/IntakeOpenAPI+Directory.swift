extension IntakeOpenAPI {
    /// The `directory` operations under `paths`: municipalities, institutions, people and role assignments.
    static let directoryPaths = #"""
          /directory/municipalities:
            post:
              tags: [directory]
              operationId: registerMunicipality
              summary: Register a municipality (Reģistrēt pašvaldību)
              description: Role `ikvd_admin`. The name must be unique; the region is one of the six planning regions.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewMunicipality'
              responses:
                '201':
                  description: Registered (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MunicipalityView'
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
              tags: [directory]
              operationId: listMunicipalities
              summary: List municipalities (Pašvaldību saraksts)
              description: Any authenticated role. Every registered municipality, by name.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: One page of municipalities.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/MunicipalityPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /directory/institutions:
            post:
              tags: [directory]
              operationId: registerInstitution
              summary: Register an institution (Reģistrēt izglītības iestādi)
              description: |
                Role `ikvd_admin`. A municipal institution names its registered municipality (its
                region comes from the municipality); a state institution names its region and has no
                municipality. A state vocational institution is a VPII (no municipality approval step).
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewInstitution'
              responses:
                '201':
                  description: Registered (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/InstitutionView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [directory]
              operationId: listInstitutions
              summary: List institutions in scope (Iestāžu saraksts)
              description: Any authenticated role. The institutions the caller's scope reaches, by name.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: One page of institutions.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/InstitutionPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /directory/institutions/{institutionId}:
            get:
              tags: [directory]
              operationId: getInstitution
              summary: Read one institution (Iestāde)
              description: Any authenticated role, for an institution inside the caller's scope.
              parameters:
                - $ref: '#/components/parameters/InstitutionId'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The institution.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/InstitutionView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
          /directory/people:
            post:
              tags: [directory]
              operationId: registerPerson
              summary: Register a person (Reģistrēt personu)
              description: |
                Roles `ikvd_admin`, `institution_head`. Email addresses are unique (case-insensitive).
                An administrator registering an address already in the directory gets 409
                `person.email_taken`. A head gets no such answer (it would tell them whether an address
                exists anywhere in the directory): an address already registered is linked, and the
                answer is the same 201 a new person gets (the head's name and language echoed, no
                assignments) with the existing person's id, so the head can assign them a role in their
                school. The stored person is not changed or shown.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewPerson'
              responses:
                '201':
                  description: Registered, without assignments yet (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PersonView'
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
              tags: [directory]
              operationId: listPeople
              summary: List people in scope (Personu saraksts)
              description: |
                Roles `ikvd_admin`, `institution_head`, `institution_coordinator`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. An administrator sees
                everyone; others see people with an active institution assignment inside their scope.
                Each person comes with their active assignments. The read is audited.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: One page of people.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PersonPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /directory/assignments:
            post:
              tags: [directory]
              operationId: assignRole
              summary: Assign a role (Piešķirt lomu)
              description: |
                Roles `ikvd_admin`, `institution_head`. The assignment policy decides which roles the
                caller may give in which scope (403 `urn:pumpurs:problem:assignment-refused` otherwise).
                Nobody assigns a role to themselves (403, rule `assignment.self`, field `personId`).
                The same active role in the same scope cannot be given twice (409).
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewAssignment'
              responses:
                '201':
                  description: Assigned (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AssignmentView'
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
          /directory/people/{personId}/assignments:
            get:
              tags: [directory]
              operationId: listAssignmentHistory
              summary: A person's role assignments with their history (Lomu vēsture)
              description: |
                Role `ikvd_admin`. Every assignment the person ever held, revoked ones too, newest
                first: who assigned it and when, who revoked it and when, and the place's name. 404
                when there is no such person. The read is audited.
              parameters:
                - name: personId
                  in: path
                  required: true
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The person's assignments, newest first.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [person, items]
                        properties:
                          person:
                            $ref: '#/components/schemas/PersonView'
                          items:
                            type: array
                            items:
                              $ref: '#/components/schemas/AssignmentHistoryView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /directory/people/{personId}/sign-in-subject:
            put:
              tags: [directory]
              operationId: linkSignInSubject
              summary: Link a sign-in subject to a registered person (Piesaistīt pieteikšanās identifikatoru)
              description: |
                Role `ikvd_admin`. For people registered before the staff portal, or whose identity
                provider changed: the subject (`sub`; under Latvija.lv a personal code) is stored only as
                a keyed hash and replaces the previous one. A subject held by someone else is refused
                (409 `person.sign_in_subject_taken`). Audited.
              parameters:
                - name: personId
                  in: path
                  required: true
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [subject]
                      properties:
                        subject:
                          type: string
                          minLength: 1
                          maxLength: 255
              responses:
                '204':
                  description: Linked.
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
          /directory/sign-in:
            post:
              tags: [directory]
              operationId: signInLookup
              summary: Who a signed-in person is now (the staff portal only)
              description: |
                Called by the staff portal with its own credential (`PUMPURS_PORTAL_DIRECTORY_SECRET`),
                not a person's token: at sign-in with the identity provider's subject (kept only as a
                keyed hash: under Latvija.lv it is a personal code, so it is accepted in the body only),
                and on every later request with the person's id, so a revoked role is gone at once.
                Answers the person and their active role assignments with the places' names. 404 when
                the route is not configured or nobody has that subject or id.
              security:
                - portalCredential: []
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      properties:
                        subject:
                          type: string
                          maxLength: 255
                        personId:
                          type: string
                          format: uuid
              responses:
                '200':
                  description: The person and their active roles.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [personId, name, email, language, roles]
                        properties:
                          personId:
                            type: string
                            format: uuid
                          name:
                            type: string
                          email:
                            type: string
                          language:
                            type: string
                            enum: [lv, en]
                          roles:
                            type: array
                            items:
                              type: object
                              required: [assignmentId, role, scope]
                              properties:
                                assignmentId:
                                  type: string
                                  format: uuid
                                role:
                                  type: string
                                scope:
                                  $ref: '#/components/schemas/Scope'
                                placeName:
                                  type: string
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /directory/assignments/{assignmentId}/revoke:
            post:
              tags: [directory]
              operationId: revokeAssignment
              summary: Revoke a role assignment (Atsaukt lomu)
              description: |
                Roles `ikvd_admin`, `institution_head`. Only someone who could have given the
                assignment may take it back; any other assignment is reported as not found. The
                request body is not interpreted (send none); it only takes part in the idempotency check.
              parameters:
                - $ref: '#/components/parameters/AssignmentId'
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: Revoked (or the stored response of a repeated idempotent request).
                  headers:
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AssignmentView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/Conflict'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}
