extension PayoutsOpenAPI {
    /// Youth initiative projects (DOMAIN.md §9b) under `paths`: a partner's competitions, the NGO
    /// applications, decisions and payments. The schemas are `youthSchemas` below.
    static let youthPaths = #"""
          /payouts/youth/competitions:
            post:
              tags: [youth-projects]
              operationId: registerYouthCompetition
              summary: Register a youth initiative competition (Jauniešu iniciatīvu projektu konkurss)
              description: |
                Roles `municipality_coordinator` and `vpii_coordinator`: the partner (the municipality, or the
                VPII) is the caller's own scope, never a field of the request. A competition for youth NGO
                projects (seeds 001, 003; DOMAIN.md §9b): its title (unique per partner, 409
                `youth.competition.duplicate`), call period (`opensOn`–`closesOn`, 422 `youth.date`,
                `youth.competition.call_period`), budget in cents (422 `youth.competition.budget_amount`) and the
                partner's medium-term plan for reducing early school leaving that projects must follow (422
                `youth.text.length`).
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewYouthCompetition'
              responses:
                '201':
                  description: The competition; `Location` is its address.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthCompetition'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '409':
                  description: The partner already has a competition with this title (`youth.competition.duplicate`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [youth-projects]
              operationId: listYouthCompetitions
              summary: Youth initiative competitions (Konkursi)
              description: |
                A partner's coordinator sees their own partner's competitions; `ikvd_admin`, `ikvd_expert` and
                `finance` see every partner's. Newest first, with what is awarded, paid and left of the budget.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: A page of competitions.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthCompetitionPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/youth/competitions/{competitionId}:
            get:
              tags: [youth-projects]
              operationId: getYouthCompetition
              summary: One competition (Konkurss)
              description: |
                The competition with its number of applications, `awardedCents` (awarded applications),
                `paidCents` (the ledger's net for its projects) and `remainingBudgetCents`. Another partner's
                competition is 404.
              parameters:
                - name: competitionId
                  in: path
                  required: true
                  description: The competition's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              responses:
                '200':
                  description: The competition.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthCompetition'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /payouts/youth/competitions/{competitionId}/applications:
            post:
              tags: [youth-projects]
              operationId: registerYouthApplication
              summary: Register an NGO's application (Reģistrēt NVO projekta pieteikumu)
              description: |
                The competition's own partner coordinator records an application the NGO sent (NGOs have no
                account here). Shape errors are 422 naming the field (`youth.date`, `youth.text.length`,
                `youth.organisation.registration_number` — 11 digits, `youth.amount.format`,
                `youth.participants.format`, `payee.name`, `payee.iban` — checked by country, length and check
                digits, `payee.bic`); a personal code anywhere in the text is 422 `text.personal_code`. The
                participants are counts only: how many take part and how many of them are students at risk,
                never who. The programme's conditions are checked and returned in `findings`, every one an
                error that stops an award until the application is refused or withdrawn:
                `youth.applicant.works_with_youth` (a youth NGO or an NGO working with young people),
                `youth.call_period` (received within the call period), `youth.amount.limit` (at most 460000
                cents), `youth.duration` (3–18 calendar months from the first day),
                `youth.participants.at_risk_share` (at least 10 % at risk, in whole people),
                `youth.methods.non_formal` and `youth.plan_alignment` (each described in at least 20
                characters). The same NGO's project title twice in one competition is 409
                `youth.application.duplicate`; another partner's competition is 404.
              parameters:
                - name: competitionId
                  in: path
                  required: true
                  description: The competition's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewYouthApplication'
              responses:
                '201':
                  description: The application with its findings; `Location` is its address.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthApplication'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: This NGO's project with this title is already registered (`youth.application.duplicate`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [youth-projects]
              operationId: listYouthApplications
              summary: A competition's applications (Pieteikumi)
              description: The applications in the order registered, for whoever may see the competition.
              parameters:
                - name: competitionId
                  in: path
                  required: true
                  description: The competition's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: A page of applications.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthApplicationPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/youth/applications/{applicationId}:
            get:
              tags: [youth-projects]
              operationId: getYouthApplication
              summary: One application (Pieteikums)
              description: The application, its findings, the decision and the project's payments.
              parameters:
                - name: applicationId
                  in: path
                  required: true
                  description: The application's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              responses:
                '200':
                  description: The application.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthApplication'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /payouts/youth/applications/{applicationId}/award:
            post:
              tags: [youth-projects]
              operationId: awardYouthApplication
              summary: Award the project (Atbalstīt projektu)
              description: |
                The competition's partner coordinator awards `awardedCents` (default: the amount requested).
                Refused with 422 `urn:pumpurs:problem:youth-project-rules` listing every reason: the
                application's error findings, `youth.award.amount` (more than requested or than 460000 cents),
                `youth.competition.budget` (the competition's awards would exceed its budget; awards are weighed
                one at a time). An application already decided is 409 `youth.application.decided`.
              parameters:
                - name: applicationId
                  in: path
                  required: true
                  description: The application's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/YouthAward'
              responses:
                '200':
                  description: The awarded application.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthApplication'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The application has been decided already (`youth.application.decided`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/youth/applications/{applicationId}/refuse:
            post:
              tags: [youth-projects]
              operationId: refuseYouthApplication
              summary: Refuse the project (Noraidīt)
              description: |
                The competition's partner coordinator refuses the application with a required reason (422
                `youth.decision.reason_required`, 3–1000 characters). Kept, never deleted; 409
                `youth.application.decided` when already decided.
              parameters:
                - name: applicationId
                  in: path
                  required: true
                  description: The application's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/YouthReason'
              responses:
                '200':
                  description: The refused application.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthApplication'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The application has been decided already (`youth.application.decided`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/youth/applications/{applicationId}/withdraw:
            post:
              tags: [youth-projects]
              operationId: withdrawYouthApplication
              summary: Record that the NGO withdrew (Atsaukts)
              description: As refuse, with the state `withdrawn`.
              parameters:
                - name: applicationId
                  in: path
                  required: true
                  description: The application's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/YouthReason'
              responses:
                '200':
                  description: The withdrawn application.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthApplication'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: The application has been decided already (`youth.application.decided`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /payouts/youth/applications/{applicationId}/payments:
            post:
              tags: [youth-projects]
              operationId: payYouthProject
              summary: Pay an awarded project (Maksājums projektam)
              description: |
                The competition's partner coordinator pays an awarded project its `advance` or `final`
                instalment. The payment is a payout of kind `youth_project` (measure `youth_project`), released
                at once: the NGO's account is snapshotted, a ledger entry is written and
                `payout.youth_project_released` goes to finance through the outbox, all in one commit. Its
                period is the month it is released in (today, UTC), so that month's batch
                (`POST /finance/batches`) takes it into the SEPA and CSV files. Exactly once: the idempotency key
                is `youth:<applicationId>:<instalment>`, and the same instalment with the same amount again
                answers 200 with the payment already made (another amount is 409
                `youth.payment.instalment_taken`). 409 `youth.payment.not_awarded` unless awarded; 422
                `youth.payment.instalment`, `youth.payment.amount`, and with
                `urn:pumpurs:problem:youth-project-rules` `youth.payment.above_award` (the payments that stand,
                this one included, above the award) and `youth.payment.after_final`. Finance reverses a payment
                as any payout (`POST /finance/payouts/{payoutId}/reverse`); a reversed instalment is not paid
                again under the same name.
              parameters:
                - name: applicationId
                  in: path
                  required: true
                  description: The application's id (a value that is not a UUID is reported as 404).
                  schema:
                    type: string
                    format: uuid
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewYouthPayment'
              responses:
                '200':
                  description: This instalment was paid before; the payment as it stands.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthPayment'
                '201':
                  description: The payment, released.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/YouthPayment'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  description: Not awarded (`youth.payment.not_awarded`), or the instalment was paid with another amount (`youth.payment.instalment_taken`).
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
        """#
}
