extension ReportingOpenAPI {
    /// `GET /statistics/emergencies` under `paths` (issue #19 item 8).
    static let emergencyPaths = #"""
          /statistics/emergencies:
            get:
              tags: [statistics]
              operationId: getEmergencyEffect
              summary: The effect of each emergency period (ārkārtējās situācijas)
              description: |
                IKVD (`ikvd_admin`, `ikvd_expert`): every emergency period approval routing declared, newest first, with
                the plans it paused per planning region (in the programme's order) and, once it ended, the plans resumed
                and those that stay suspended. Built from `emergency.declared` and `emergency.ended`; exact counts
                (other roles get 403: their scope's small counts would need the statistics' suppression).
              responses:
                '200':
                  description: The emergency periods and their effect.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          items:
                            type: array
                            items:
                              type: object
                              required: [id, name, startsOn, scope, ended, pausedPlans, pausedByRegion]
                              properties:
                                id:
                                  type: string
                                  format: uuid
                                name:
                                  type: string
                                startsOn:
                                  type: string
                                  format: date
                                endsOn:
                                  type: string
                                  format: date
                                scope:
                                  type: string
                                  enum: [national, region, municipality]
                                region:
                                  type: string
                                ended:
                                  type: boolean
                                pausedPlans:
                                  type: integer
                                pausedByRegion:
                                  type: array
                                  items:
                                    type: object
                                    required: [region, paused]
                                    properties:
                                      region:
                                        type: string
                                      paused:
                                        type: integer
                                resumedPlans:
                                  type: integer
                                staysSuspended:
                                  type: integer
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
        """#
}
