extension PayoutsOpenAPI {
    /// `components` up to the schemas: the security scheme, and the parameters, headers and
    /// responses the operations share by `$ref`. The schemas follow in `schemas`
    /// (PayoutsOpenAPI+Schemas.swift).
    static let components = #"""
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
              description: |
                An access token signed with ES256 (the only algorithm accepted), with the configured
                issuer and an audience naming this service, and the `role` and scope claims of the
                caller's assignment.
          parameters:
            IdempotencyKey:
              name: Idempotency-Key
              in: header
              required: false
              description: |
                The same key (per person) with the same body replays the stored answer, the same 201 with the
                same claim and `Location`, plus `Idempotent-Replayed: true`; with another body it is 422
                `idempotency.key_reused`. A key that is not 1–255 printable ASCII characters is 422
                `idempotency.key_format`. A request that fails stores nothing, so it may be retried with the
                same key.
              schema:
                type: string
                minLength: 1
                maxLength: 255
                pattern: '^[!-~]+$'
            CorrelationId:
              name: X-Correlation-Id
              in: header
              required: false
              description: |
                The flow the request belongs to, recorded in the envelopes of the events the request
                causes. A value that is not a UUID is ignored and a new id is used.
              schema:
                type: string
                format: uuid
            PlanId:
              name: planId
              in: path
              required: true
              description: The plan's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            BatchId:
              name: batchId
              in: path
              required: true
              description: The batch's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            PeriodFilter:
              name: period
              in: query
              required: false
              description: |
                Only this period, compared as text: a month `YYYY-MM` or a semester code. The value is not
                checked; one that is no period matches nothing.
              schema:
                type: string
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
          headers:
            Location:
              description: The path of what was created, e.g. `/payouts/claims/<id>`.
              schema:
                type: string
            IdempotentReplayed:
              description: '`true` when the answer is the stored one of an earlier request with the same `Idempotency-Key`.'
              schema:
                type: string
                enum: ['true']
            PumpursControl:
              description: |
                The batch's control figures, `count=<payments>;total_cents=<sum of the amounts in cents>`,
                e.g. `count=3;total_cents=12345`; the same for the SEPA file and the CSV table of a batch.
                Check the file against them before it goes to the bank.
              schema:
                type: string
                pattern: '^count=[0-9]+;total_cents=-?[0-9]+$'
            ContentDisposition:
              description: '`attachment; filename="pumpurs-<batchId>.xml"` or `….csv`.'
              schema:
                type: string
          responses:
            PayoutPage:
              description: One page of payouts.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/PayoutPage'
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
              description: The token's role may not use the operation (`urn:pumpurs:problem:auth.role_not_allowed`).
              headers:
                WWW-Authenticate:
                  description: The RFC 6750 Bearer challenge with `error="insufficient_scope"`.
                  schema:
                    type: string
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            NotFound:
              description: The object does not exist or is outside the caller's scope (the two are not told apart).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ContentTooLarge:
              description: The body is larger than 64 KiB (checked before anything is decoded).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ReceiptTooLarge:
              description: The file is larger than 5 MiB (checked before it is read further).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnsupportedMediaType:
              description: The uploaded content is not PDF, JPEG or PNG (`document.content_type`).
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
