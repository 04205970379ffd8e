import ServiceKit

/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
///
/// Keep it in step with `TimesheetsAPI.register(on:)` and `TimesheetsAPI.commands`:
/// `TimesheetsOpenAPIRouteCoverageTests` fails when a route is missing here, when a path listed
/// here is not routed, or when methods or paths differ.
///
/// The document is one YAML text kept in parts, in files named `TimesheetsOpenAPI+….swift`: each
/// part is whole lines at their final indentation, without a newline at its end, and `yaml` joins
/// them in order with one. What several operations share is defined once under `components`.
enum TimesheetsOpenAPI {
    static let yaml: String = [
        header,
        entryPaths,
        workLogPaths,
        contractPaths,
        deliveryPaths,
        AuditLog.openAPIPath,
        components,
        schemas,
        contractSchemas,
    ].joined(separator: "\n")

    /// `openapi`, `info`, `tags`, the global `security`, and `paths` up to the plans open for
    /// recording. Continued by `entryPaths` (TimesheetsOpenAPI+Entries.swift).
    static let header = #"""
        openapi: 3.1.0
        info:
          title: PuMPuRS timesheets
          version: 1.0.0
          summary: Delivered consultations and preparers' work per plan, monthly work records and their approval.
          description: |
            The timesheets service of the PuMPuRS support-plan platform (pumpurs-timesheets).

            Specialists record the consultations they delivered on a plan's consultation measure; preparers record
            their own work on a plan (preparing, supervising, reporting), which belongs to no measure. Every entry goes
            into its author's work record (darba uzskaites veidlapa) for the institution and the month of its work
            date, created with the first entry. The owner submits the month; the institution coordinator approves it
            (staff pay follows through `worklog.approved`) or returns it with a comment.

            Conventions:

            - Every operation except `GET /openapi.yaml` needs `Authorization: Bearer <token>`: a JWT signed with
              ES256 whose `role` and scope claims decide what the caller may do. A missing or invalid token is 401;
              a role that may not use the operation is 403.
            - Who sees what: a specialist or preparer their own work records (of the institution in their token);
              the institution's coordinator and head all of that institution's; a municipality coordinator those of
              the municipality's institutions; a VPII coordinator their VPII's; IKVD roles their region or the
              country. Anything else is reported exactly like something that does not exist (404); a path id that
              is not a UUID is 404 too. `finance` reads payouts, not timesheets (403).
            - Time is a whole number of minutes (`90` is 1 h 30 min). People think in hours, but sums and limits
              must be exact, so no fractions are accepted (a fraction is 422 `request.schema`).
            - Recording opens when approval lets the plan's implementation start (head approval and consent) and
              closes with the plan's semester (dates from the operator's semester calendar); a suspended, resumed
              (until approved again) or deleted plan takes no entries.
            - Hour limits hold under concurrency: entries of one plan are recorded one after another, so of two
              entries that together would exceed a measure's planned minutes exactly one is accepted.
            - Of two people deciding on the same work record at once exactly one wins; the other gets 409 with the
              record's current state and version.
            - Request bodies are limited to 16 KiB before anything is decoded (413) and JSON is decoded strictly:
              invalid JSON, a missing field, a wrong type, a control character in text, a personal code in text or
              an unknown field is 422.
            - Errors are RFC 9457 `application/problem+json` naming the field and the rule, with the message in
              Latvian (`message`) and English (`messageEn`).
            - Ids are UUIDs; dates are `YYYY-MM-DD`; months `YYYY-MM`; timestamps are UTC ISO 8601 with
              milliseconds. Students appear only by their pseudonymous `studentCode`. Optional members without a
              value are left out of responses.
        tags:
          - name: meta
            description: The API description itself.
          - name: plans
            description: Plans open for recording (Plāni stundu uzskaitei).
          - name: entries
            description: Delivered work (Ieraksti).
          - name: worklogs
            description: Monthly work records and their approval (Darba uzskaites veidlapas).
          - name: contracts
            description: Staff contracts (employment first, seed 000) that gate recording and set the pay rate.
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
          /timesheets/plans:
            get:
              tags: [plans]
              operationId: listRecordablePlans
              summary: Plans of my institution open for recording (Plāni, kuriem var ierakstīt stundas)
              description: |
                Roles `specialist`, `preparer`, `institution_coordinator`, `institution_head`. The plans of the institution
                in the caller's token whose implementation may start and that are not suspended, resumed or deleted, newest
                semester first, with each consultation measure's planned, delivered (everyone's entries together, withdrawn
                ones excluded) and remaining minutes, and the preparers' minutes used against the limit in force for the
                semester (default 600 = 10 h).
              parameters:
                - name: semester
                  in: query
                  required: false
                  description: Only plans of this semester (422 `semester.format` otherwise).
                  schema:
                    $ref: '#/components/schemas/Semester'
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Offset'
              responses:
                '200':
                  description: One page of plans.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/RecordablePlanPage'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}
