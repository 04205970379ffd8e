extension TimesheetsOpenAPI {
    /// `components` up to the schemas: the security scheme, and the parameters, request bodies and
    /// responses the operations share by `$ref`. The schemas follow in `schemas` (TimesheetsOpenAPI+Schemas.swift).
    static let components = #"""
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
              description: |
                An access token signed with ES256 (the only algorithm accepted), with the configured issuer and an audience
                naming this service, and the `role` and scope claims of the caller's assignment.
          parameters:
            IdempotencyKey:
              name: Idempotency-Key
              in: header
              required: false
              description: |
                The same key (per person) with the same body replays the stored answer (`Idempotent-Replayed: true`) instead
                of recording or deciding twice; with another body it is 422 `idempotency.key_reused`.
              schema:
                type: string
                minLength: 1
                maxLength: 255
            EntryId:
              name: entryId
              in: path
              required: true
              description: The entry's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            WorkLogId:
              name: workLogId
              in: path
              required: true
              description: The work record's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            ContractId:
              name: contractId
              in: path
              required: true
              description: The staff contract's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            Limit:
              name: limit
              in: query
              required: false
              description: Items per page (422 `pagination.limit` outside 1–200).
              schema:
                type: integer
                minimum: 1
                maximum: 200
                default: 50
            Offset:
              name: offset
              in: query
              required: false
              description: Items skipped (422 `pagination.offset` outside 0–1000000).
              schema:
                type: integer
                minimum: 0
                maximum: 1000000
                default: 0
            CorrelationId:
              name: X-Correlation-Id
              in: header
              required: false
              description: |
                The flow the request belongs to, recorded in the envelopes of the events the request causes. A value that is
                not a UUID is ignored and a new id is used.
              schema:
                type: string
                format: uuid
          requestBodies:
            Empty:
              required: false
              description: Empty, or `{}` (anything else is 422).
              content:
                application/json:
                  schema:
                    type: object
                    additionalProperties: false
            DecisionOptional:
              required: false
              description: Optional; an empty body is the same as `{}`.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/DecisionBody'
            DecisionRequired:
              required: true
              description: '`comment` is required here.'
              content:
                application/json:
                  schema:
                    allOf:
                      - $ref: '#/components/schemas/DecisionBody'
                      - required: [comment]
          responses:
            Decided:
              description: The command is recorded; the work record now.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/WorkLogSummary'
            Unauthorized:
              description: No token, or the token is malformed, expired, not yet valid, badly signed, from another issuer or for another audience.
              headers:
                WWW-Authenticate:
                  description: The RFC 6750 Bearer challenge (realm `pumpurs`).
                  schema:
                    type: string
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            Forbidden:
              description: |
                The token's role may not use the operation (`auth.role_not_allowed`), or the caller sees the object but may not
                do this to it (`worklog.not_owner`, `worklog.own_record`, `entry.not_owner`).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            NotFound:
              description: The object does not exist or is outside what the caller may see (the two are not told apart).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            Conflict:
              description: |
                The current state does not allow it (`urn:pumpurs:problem:conflict`); `errors[0].rule` names why and `detail`
                the current state and version, so the loser of a race sees what happened.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ContentTooLarge:
              description: The body is larger than 16 KiB (checked before anything is decoded).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnprocessableContent:
              description: The request is invalid; `errors` names the field and rule.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ServiceUnavailable:
              description: The service cannot read the current date; try again later.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
        """#
}
