extension ApprovalOpenAPI {
    /// The `emergencies` operations under `paths` (seed 004): declare, list, read one, end.
    /// Follows `delegationPaths`.
    static let emergencyPaths = #"""
          /approvals/emergencies:
            post:
              tags: [emergencies]
              operationId: declareEmergency
              summary: Declare an emergency period (Izsludināt ārkārtējo situāciju)
              description: |
                Role `ikvd_admin`, or `ikvd_expert` with national scope (403 `emergency.declarer` otherwise).
                Every plan of an institution in scope (`national`, a planning `region`, or one `municipality`)
                gets a result in the same transaction: `paused` (live), `already_suspended` or `not_live`.
                The pause leaves the plan's lifecycle state as it is (seed 004: implementation paused, then
                consultations continued remotely): while the period lasts timesheets records only remote
                consultations and payouts pays only the period's exceptions. Publishes `emergency.declared`
                with the dates, scope and exception terms. 422 `emergency.name_required`,
                `emergency.reason_required`, `emergency.range`, `emergency.scope`, `emergency.grades`,
                `emergency.municipality_unknown`, `semester.format`. The response carries the first page of
                results (`limit`, `offset`).
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewEmergency'
              responses:
                '201':
                  description: The emergency with its per-plan results.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EmergencyDetail'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [emergencies]
              operationId: listEmergencies
              summary: Emergency periods (Ārkārtējās situācijas)
              description: Roles `ikvd_admin`, `ikvd_expert`. Newest first, with the count of each outcome.
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The emergencies.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          items:
                            type: array
                            items:
                              $ref: '#/components/schemas/EmergencyView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
          /approvals/emergencies/{emergencyId}:
            get:
              tags: [emergencies]
              operationId: getEmergency
              summary: One emergency with its per-plan results (Ārkārtējās situācijas rezultāti)
              description: |
                Roles `ikvd_admin`, `ikvd_expert`. The results of the caller's scope only (a regional expert
                sees the plans of their region), pauses then resumes, one page at a time.
              parameters:
                - $ref: '#/components/parameters/EmergencyId'
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: The emergency and a page of results.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EmergencyDetail'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /approvals/emergencies/{emergencyId}/resume:
            post:
              tags: [emergencies]
              operationId: endEmergency
              summary: End an emergency and resume its plans in bulk (Beigt ārkārtējo situāciju)
              description: |
                Role `ikvd_admin`, or `ikvd_expert` with national scope. `endsOn` is the last day (default:
                the declared end, else today; 422 `emergency.range` before the start). Every plan the
                emergency paused gets a second result: `resumed` (carries on in its state, no approval
                again), `stays_suspended` (suspended individually meanwhile) or `not_live`. Publishes
                `emergency.ended`. 409 `emergency.already_ended` the second time. Empty body or JSON.
              parameters:
                - $ref: '#/components/parameters/EmergencyId'
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: false
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/EndEmergency'
              responses:
                '200':
                  description: The emergency, ended, with its per-plan results.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EmergencyDetail'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The emergency has already ended (`emergency.already_ended`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#

    /// The emergency schemas; appended after `schemas` (the end of the document).
    static let emergencySchemas = #"""
            NewEmergency:
              type: object
              required: [name, reason, startsOn, scope]
              properties:
                name:
                  type: string
                  maxLength: 200
                reason:
                  type: string
                  maxLength: 4000
                startsOn:
                  $ref: '#/components/schemas/CalendarDate'
                endsOn:
                  $ref: '#/components/schemas/CalendarDate'
                scope:
                  $ref: '#/components/schemas/EmergencyScope'
                homeMealsFrom:
                  $ref: '#/components/schemas/CalendarDate'
                  description: Meals delivered home are paid from this day (seed 2020-03-31; default the start).
                homeMealsLowestGrade:
                  type: integer
                  minimum: 1
                  maximum: 12
                  description: Default 5.
                homeMealsHighestGrade:
                  type: integer
                  minimum: 1
                  maximum: 12
                  description: Default 12.
                homeMealsPlanSemester:
                  $ref: '#/components/schemas/Semester'
                  description: The semester whose plan must already include meals (default the one the start falls in).
            EmergencyScope:
              type: object
              required: [kind]
              properties:
                kind:
                  type: string
                  enum: [national, region, municipality]
                region:
                  type: string
                municipalityId:
                  $ref: '#/components/schemas/Uuid'
            EndEmergency:
              type: object
              properties:
                endsOn:
                  $ref: '#/components/schemas/CalendarDate'
                comment:
                  type: string
                  maxLength: 4000
            EmergencyView:
              type: object
              required: [id, name, reason, startsOn, scope, homeMealsLowestGrade, homeMealsHighestGrade, declaredBy, declaredAt, paused, resumed]
              properties:
                id:
                  $ref: '#/components/schemas/Uuid'
                name:
                  type: string
                reason:
                  type: string
                startsOn:
                  $ref: '#/components/schemas/CalendarDate'
                endsOn:
                  $ref: '#/components/schemas/CalendarDate'
                scope:
                  $ref: '#/components/schemas/EmergencyScope'
                homeMealsFrom:
                  $ref: '#/components/schemas/CalendarDate'
                homeMealsLowestGrade:
                  type: integer
                homeMealsHighestGrade:
                  type: integer
                homeMealsPlanSemester:
                  $ref: '#/components/schemas/Semester'
                declaredBy:
                  $ref: '#/components/schemas/Uuid'
                declaredAt:
                  $ref: '#/components/schemas/Timestamp'
                endedBy:
                  $ref: '#/components/schemas/Uuid'
                endedAt:
                  $ref: '#/components/schemas/Timestamp'
                paused:
                  type: object
                  description: Plans per outcome of the declaration (`paused`, `already_suspended`, `not_live`).
                  additionalProperties:
                    type: integer
                resumed:
                  type: object
                  description: Plans per outcome of the end (`resumed`, `stays_suspended`, `not_live`).
                  additionalProperties:
                    type: integer
            EmergencyPlanResult:
              type: object
              required: [planId, studentCode, institutionId, region, action, state, outcome, at]
              properties:
                planId:
                  $ref: '#/components/schemas/Uuid'
                studentCode:
                  $ref: '#/components/schemas/StudentCode'
                institutionId:
                  $ref: '#/components/schemas/Uuid'
                region:
                  type: string
                action:
                  type: string
                  enum: [pause, resume]
                state:
                  $ref: '#/components/schemas/PlanState'
                outcome:
                  type: string
                  enum: [paused, already_suspended, not_live, resumed, stays_suspended]
                at:
                  $ref: '#/components/schemas/Timestamp'
            EmergencyDetail:
              type: object
              required: [emergency, results, total]
              properties:
                emergency:
                  $ref: '#/components/schemas/EmergencyView'
                results:
                  type: array
                  items:
                    $ref: '#/components/schemas/EmergencyPlanResult'
                total:
                  type: integer
                  description: Results in the caller's scope (both actions).
        """#

}
