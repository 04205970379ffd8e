extension ApprovalOpenAPI {
    /// The `delegations` operations under `paths`: create, list and revoke. The last of the paths;
    /// `components` follows.
    static let delegationPaths = #"""
          /approvals/delegations:
            post:
              tags: [delegations]
              operationId: createDelegation
              summary: Delegate approval rights for a date range (Deleģēt)
              description: |
                Roles `institution_head`, `municipality_coordinator`, `ikvd_expert`. From `validFrom` to
                `validUntil` (both included, UTC dates) the delegate may decide with the caller's role and
                scope by naming the caller in `actingFor`, for approve and return only. 422 `delegation.range` when the
                end is before the start, 422 `delegation.self` when the delegate is the caller; 403
                `delegation.conflicting_level` when the delegate holds another approval level on plans of the
                caller's scope (a municipality coordinator or IKVD expert as a head's delegate), checked again at
                every use. A delegation works only while the directory shows the caller holding the role (403
                `delegation.delegator_role_ended` otherwise).
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewDelegation'
              responses:
                '201':
                  description: The delegation, as recorded.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/DelegationView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [delegations]
              operationId: listDelegations
              summary: My delegations, given and received (Mani deleģējumi)
              description: Any role; the caller's own delegations only, newest first, revoked ones marked.
              parameters:
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The delegations.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/DelegationView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /approvals/delegations/{delegationId}/revoke:
            post:
              tags: [delegations]
              operationId: revokeDelegation
              summary: End a delegation early (Atsaukt deleģējumu)
              description: Only its delegator; anyone else gets 404. The record stays, marked revoked. Empty body or `{}`.
              parameters:
                - name: delegationId
                  in: path
                  required: true
                  schema:
                    type: string
                    format: uuid
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The delegation, now revoked.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/DelegationView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}
