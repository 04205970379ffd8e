extension IntakeOpenAPI {
    /// The `consent` and `documents` operations under `paths`: record and revoke the consent, upload,
    /// list and download documents. The last of the paths; `components` follows.
    static let consentAndDocumentPaths = #"""
          /plans/{planId}/consent:
            put:
              tags: [consent]
              operationId: recordConsent
              summary: Record the signed consent (Reģistrēt piekrišanu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`. Records who signed and
                when, with the scanned form uploaded before as a document with purpose `consent`. Only
                one active consent per plan (409 until it is revoked); not for a closed or deleted plan
                (409). The signing date cannot be in the future. Publishes `plan.consent_changed`.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ConsentInput'
              responses:
                '200':
                  description: The consent on file.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ConsentView'
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
                '503':
                  $ref: '#/components/responses/ServiceUnavailable'
          /plans/{planId}/consent/revoke:
            post:
              tags: [consent]
              operationId: revokeConsent
              summary: Revoke the consent (Atsaukt piekrišanu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`. Revokes the active
                consent with a reason (409 when none is on file); the record is kept. Publishes
                `plan.consent_changed` (revocation stops payouts and suspends the plan downstream).
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ConsentRevocation'
              responses:
                '200':
                  description: The revoked consent (or the stored response of a repeated idempotent request).
                  headers:
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ConsentView'
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
          /plans/{planId}/documents:
            post:
              tags: [documents]
              operationId: uploadDocument
              summary: Upload a document (Pievienot dokumentu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`. The body is the file
                itself (not multipart). Its type is recognised by content: PDF, JPEG or PNG (415
                otherwise); a `Content-Type` other than `application/octet-stream` must match the
                content (422). An empty body is 422. Documents cannot be added to a closed or deleted
                plan (409). Documents are never deleted.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - name: purpose
                  in: query
                  required: false
                  description: What the document is for.
                  schema:
                    type: string
                    enum: [evidence, consent]
                    default: evidence
                - name: kind
                  in: query
                  required: true
                  description: |
                    The document kind: for purpose `evidence` one of the evidence kinds
                    (`EvidenceKind`), for purpose `consent` exactly `consent_form`.
                  schema:
                    type: string
                    enum: [viis_attendance_extract, staff_report, disability_certificate, medical_statement,
                           needy_certificate, low_income_certificate, no_851_support_statement, grade_report, other, consent_form]
                - name: validUntil
                  in: query
                  required: false
                  description: |
                    For an evidence document that names its own end of validity (a status certificate):
                    the last day it is valid. A document carried forward to a later plan counts up to this
                    day; without it, for the operator's `carriedEvidenceMonths` after upload.
                  schema:
                    type: string
                    format: date
                - $ref: '#/components/parameters/IdempotencyKey'
                - $ref: '#/components/parameters/CorrelationId'
              requestBody:
                required: true
                description: The file, at most 5 MiB by default.
                content:
                  application/pdf:
                    schema:
                      $ref: '#/components/schemas/Binary'
                  image/jpeg:
                    schema:
                      $ref: '#/components/schemas/Binary'
                  image/png:
                    schema:
                      $ref: '#/components/schemas/Binary'
                  application/octet-stream:
                    schema:
                      $ref: '#/components/schemas/Binary'
              responses:
                '201':
                  description: Stored (or the stored response of a repeated idempotent request).
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    Idempotent-Replayed:
                      $ref: '#/components/headers/IdempotentReplayed'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/DocumentView'
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
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
            get:
              tags: [documents]
              operationId: listDocuments
              summary: List the plan's documents (Plāna dokumenti)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`, `specialist`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. Metadata only, oldest
                first; not paginated.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The documents' metadata.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/DocumentView'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
          /plans/{planId}/documents/{documentId}:
            get:
              tags: [documents]
              operationId: downloadDocument
              summary: Download a document (Lejupielādēt dokumentu)
              description: |
                Roles `preparer`, `institution_head`, `institution_coordinator`, `specialist`,
                `municipality_coordinator`, `vpii_coordinator`, `ikvd_expert`. The stored bytes as an
                attachment, with their SHA-256 in `Repr-Digest`. The read is audited.
              parameters:
                - $ref: '#/components/parameters/PlanId'
                - $ref: '#/components/parameters/DocumentId'
                - $ref: '#/components/parameters/CorrelationId'
              responses:
                '200':
                  description: The document, in the media type it was recognised as on upload.
                  headers:
                    Content-Disposition:
                      description: '`attachment; filename="<documentId>.<pdf|jpg|png>"`.'
                      schema:
                        type: string
                    Cache-Control:
                      description: Always `private, no-store`.
                      schema:
                        type: string
                    X-Content-Type-Options:
                      description: Always `nosniff`.
                      schema:
                        type: string
                    Repr-Digest:
                      description: 'RFC 9530 digest of the bytes: `sha-256=:<base64>:`.'
                      schema:
                        type: string
                  content:
                    application/pdf:
                      schema:
                        $ref: '#/components/schemas/Binary'
                    image/jpeg:
                      schema:
                        $ref: '#/components/schemas/Binary'
                    image/png:
                      schema:
                        $ref: '#/components/schemas/Binary'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '404':
                  $ref: '#/components/responses/NotFound'
        """#
}
