extension IntakeOpenAPI {
    /// `components` up to the schemas: the security scheme, and the parameters, headers and responses
    /// the operations share by `$ref`. The schemas follow in `sharedSchemas` (IntakeOpenAPI+Schemas.swift).
    static let components = #"""
        components:
          securitySchemes:
            portalCredential:
              type: http
              scheme: bearer
              description: |
                The staff portal's service credential (a shared secret, `PUMPURS_PORTAL_DIRECTORY_SECRET`),
                accepted by `POST /directory/sign-in` only.
            bearerAuth:
              type: http
              scheme: bearer
              bearerFormat: JWT
              description: |
                An access token signed with ES256 (the only algorithm accepted), with the configured
                issuer and an audience naming this service, and the `role` and scope claims of the
                caller's assignment.
          parameters:
            PlanId:
              name: planId
              in: path
              required: true
              description: The plan's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            DocumentId:
              name: documentId
              in: path
              required: true
              description: The document's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            InstitutionId:
              name: institutionId
              in: path
              required: true
              description: The institution's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            AssignmentId:
              name: assignmentId
              in: path
              required: true
              description: The role assignment's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            Limit:
              name: limit
              in: query
              required: false
              description: Items per page.
              schema:
                type: integer
                minimum: 1
                maximum: 200
                default: 50
            Offset:
              name: offset
              in: query
              required: false
              description: Items skipped.
              schema:
                type: integer
                minimum: 0
                maximum: 1000000
                default: 0
            IdempotencyKey:
              name: Idempotency-Key
              in: header
              required: false
              description: |
                Makes the POST safe to retry: the first request with the key runs and its response is
                stored with its effects; the same key (per person) with the same request gets the stored
                response again; the same key with another request is 422. A failed request stores
                nothing. 1 to 255 printable ASCII characters without spaces.
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
                The flow the request belongs to, recorded in audit rows and in the events the request
                causes. A value that is not a UUID is ignored and a new id is used.
              schema:
                type: string
                format: uuid
          headers:
            Location:
              description: The path of the created object.
              schema:
                type: string
            IdempotentReplayed:
              description: '`true` when this is the stored response of an earlier request with the same Idempotency-Key.'
              schema:
                type: string
                enum: ['true']
          responses:
            PlanCreated:
              description: The new draft (or the stored response of a repeated idempotent request).
              headers:
                Location:
                  $ref: '#/components/headers/Location'
                Idempotent-Replayed:
                  $ref: '#/components/headers/IdempotentReplayed'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/PlanView'
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
              description: The caller's role may not use the operation, or the request reaches outside the caller's scope.
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
            Conflict:
              description: The request conflicts with the current state (duplicate, not editable, already on file, already revoked).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ContentTooLarge:
              description: The body is larger than the limit (checked before anything is decoded).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnsupportedMediaType:
              description: The uploaded content is not PDF, JPEG or PNG.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnprocessableContent:
              description: The request is invalid; `errors` names each field and rule.
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
