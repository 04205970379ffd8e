extension ApprovalOpenAPI {
    /// The schemas of `GET /approvals/queue/counts` (issue #20: the approver's scope at a glance).
    static let queueCountSchemas = #"""
            StateCount:
              type: object
              required: [state, count]
              properties:
                state:
                  $ref: '#/components/schemas/PlanState'
                count:
                  type: integer
                oldestWaitingDays:
                  type: integer
                  description: Awaiting states only.
                averageWaitingDays:
                  type: integer
                  description: Awaiting states only.
            QueueCounts:
              type: object
              required: [byState, institutions, reminders, escalations]
              properties:
                byState:
                  type: array
                  description: In the lifecycle's order; states with no plans are left out.
                  items:
                    $ref: '#/components/schemas/StateCount'
                institutions:
                  type: array
                  items:
                    type: object
                    required: [institutionId, institutionName, byState]
                    properties:
                      institutionId:
                        $ref: '#/components/schemas/Uuid'
                      institutionName:
                        type: string
                      byState:
                        type: array
                        items:
                          $ref: '#/components/schemas/StateCount'
                reminders:
                  type: integer
                  description: Plans waiting for the caller's level with a reminder raised (and no escalation).
                escalations:
                  type: integer
                  description: Plans waiting for the caller's level with an escalation raised.
        """#
}
