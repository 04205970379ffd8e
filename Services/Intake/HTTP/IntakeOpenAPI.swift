import ServiceKit

/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
///
/// Keep it in step with `IntakeAPI.register(on:)`: `OpenAPIRouteCoverageTests` fails when a route
/// is missing here, when a path listed here is not routed, or when methods or paths differ.
///
/// The document is one YAML text kept in parts, in files named `IntakeOpenAPI+….swift`: each part
/// is whole lines at their final indentation, without a newline at its end, and `yaml` joins them
/// in order with one. Responses, parameters, headers and schemas that several operations share
/// are defined once under `components` and referred to with `$ref`.
enum IntakeOpenAPI {
    static let yaml: String = [
        header,
        directoryPaths,
        planPaths,
        consentAndDocumentPaths,
        AuditLog.openAPIPath,
        components,
        sharedSchemas,
        planSchemas,
    ].joined(separator: "\n")

    /// `openapi`, `info`, `tags`, the global `security`, and `paths` up to the document's own path.
    /// Continued by `directoryPaths` (IntakeOpenAPI+Directory.swift).
    static let header = #"""
        openapi: 3.1.0
        info:
          title: PuMPuRS intake
          version: 1.0.0
          summary: Directory, support-plan drafts, evidence documents, consent and submission.
          description: |
            The intake service of the PuMPuRS support-plan platform (pumpurs-intake).

            Conventions:

            - Every operation except `GET /openapi.yaml` needs `Authorization: Bearer <token>`: a JWT
              signed with ES256 whose `role` and scope claims decide what the caller may do. A missing
              or invalid token is 401, a role that may not use the operation is 403.
            - Every object is loaded through the caller's scope: an object outside it is reported
              exactly like one that does not exist (404). A path id that is not a UUID is also 404.
            - Request bodies are size-limited before anything is decoded (413; by default 256 KiB for
              JSON and 5 MiB for documents) and JSON is decoded strictly: invalid JSON, a missing
              field, a wrong type, a control character in text or an unknown field is 422.
            - POST operations that create or change state honour `Idempotency-Key`: the first request
              with a key runs; a repeat with the same key and body gets the stored response again with
              `Idempotent-Replayed: true`; the same key with another request is 422.
            - Errors are RFC 9457 `application/problem+json` naming the field and the rule, with the
              message in Latvian (`message`) and English (`messageEn`).
            - Ids are UUIDs; dates are `YYYY-MM-DD`; timestamps are UTC ISO 8601 with milliseconds;
              money is an integer number of euro cents. The personal code is accepted only by
              `POST /plans` and never returned; plans carry the pseudonymous `studentCode`.
        tags:
          - name: meta
            description: The API description itself.
          - name: directory
            description: Municipalities, institutions, people and role assignments (Katalogs).
          - name: plans
            description: Individual support plans (IAP, individuālais atbalsta plāns).
          - name: consent
            description: The signed consent on file for a plan (Piekrišana).
          - name: documents
            description: Evidence documents and scanned consent forms (Dokumenti).
        security:
          - bearerAuth: []
        paths:
          /openapi.yaml:
            get:
              tags: [meta]
              operationId: getOpenAPI
              summary: This OpenAPI description (API apraksts)
              description: The document you are reading. Needs no token.
              security: []
              responses:
                '200':
                  description: The OpenAPI 3.1 description.
                  content:
                    application/yaml:
                      schema:
                        type: string
        """#
}
