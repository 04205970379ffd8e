import ServiceKit

/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
///
/// Keep it in step with `ReportingAPI.register(on:)`: `ReportingOpenAPIRouteCoverageTests` fails
/// when a route is missing here, when a path listed here is not routed, when methods or paths
/// differ, or when an operation's status codes are not the ones its route can answer.
///
/// The document is one YAML text kept in parts, in files named `ReportingOpenAPI+….swift`: each
/// part is whole lines at their final indentation, without a newline at its end, and `yaml` joins
/// them in order with one.
enum ReportingOpenAPI {
    static let yaml: String = [
        header,
        statisticsPaths,
        programmePaths,
        emergencyPaths,
        reportPaths,
        AuditLog.openAPIPath,
        components,
        schemas,
        programmeSchemas,
    ].joined(separator: "\n")

    /// `openapi`, `info`, `tags`, the global `security`, and `paths` up to the statistics.
    static let header = #"""
        openapi: 3.1.0
        info:
          title: PuMPuRS reporting
          version: 1.0.0
          summary: Programme statistics per semester and school year, and each plan's implementation report.
          description: |
            The reporting service of the PuMPuRS support-plan platform (pumpurs-reporting). It keeps a read
            model of the platform's events in its own schema (plans with their risks and measures as last
            submitted, each plan's status, the lines of approved work records, released and reversed
            payouts, the directory's institutions) and reads no other service's data. Two things are built
            on it:

            - **Programme statistics** (seed 001): plans by status, by risk code and risk group, measures
              by type, subject consultations by subject, specialist consultations by provider type, hours
              planned against delivered, money planned against paid, for a semester or a school year,
              grouped by region, partner (a municipality or a VPII), institution type or institution, as
              JSON or CSV.
            - **Implementation reports**: at semester end the preparer writes, for each of the plan's risks,
              what was done and how it came out (reduced, unchanged or worse, with a sentence), next to the
              delivered hours and paid money filled in from the events; submitting it moves the plan to
              `reported`, the institution head's confirmation to `closed` (approval routing applies both
              through the plan's lifecycle and publishes `plan.reported` and `plan.closed`).

            Privacy:

            - The read model holds no names and no personal codes: students appear only by their
              pseudonymous `studentCode`, staff only by person id (who wrote, submitted, confirmed).
            - Outside IKVD (`ikvd_admin`, `ikvd_expert`) every statistics row about 1–4 plans, or with a
              count of plans or measures of 1–4, is shown as `"<5"` in every figure (counts, minutes,
              cents) — in JSON and CSV alike. Zero is shown as 0.
            - Figures are released only from one fixed set of tables per school year and scope: the year
              and its two semesters, in every grouping, decided together, so no request can be
              subtracted from another. Every exact sum between them is protected — a school year's
              figure is its two semesters', a group's figure is that of the finer groups nesting in it
              (institutions in a partner, region or type; every grouping in the totals), and a group's
              statuses add up to its plans — by never leaving exactly one hidden figure in such a sum: the
              smallest other part (or the sum) is hidden too, in every view that shows it. A hidden row
              can therefore be a complementary one about 5 or more plans; it still reads `"<5"`.
            - A hidden subject row (subjects are text a person typed) shows no subject: a group's hidden
              subject rows become one row with category `hidden` ("Slēpti priekšmeti (<5)").
            - Residual risk, why only IKVD sees figures below 5 and everyone else only their own scope:
              sums that are not exact (regions against institution types, overlapping subjects), tables
              combined with each other (hours against specialists), and different scopes, each decided on
              its own.

            Scope: IKVD and `finance` see every institution (an `ikvd_expert` with a region scope, that
            region); a `municipality_coordinator` their municipality's institutions; a `vpii_coordinator`
            their VPII; an `institution_head` or `institution_coordinator` their institution. Reports are
            read by those roles and the `preparer` within their scope (not `finance`).

            Idempotency: every fact is keyed by the ids its event carries (plan and revision, work record
            and line, payout id), and a plan's status only moves forwards along the lifecycle, so an event
            delivered again, or published again under a new message id, counts once.

            Conventions:

            - Every operation except `GET /openapi.yaml` needs `Authorization: Bearer <token>`: a JWT
              signed with ES256 whose `role` and scope claims decide what the caller may do. A missing
              or invalid token is 401; a role that may not use the operation is 403.
            - A plan outside the caller's scope is reported exactly like one that does not exist (404). A
              path id that is not a UUID is also 404.
            - JSON bodies are limited to 64 KiB before anything is decoded (413) and decoded strictly:
              invalid JSON, a missing field, a wrong type, an unknown field, a control character in text
              or a personal code in text is 422.
            - Errors are RFC 9457 `application/problem+json` naming the field and the rule, with the
              message in Latvian (`message`) and English (`messageEn`).
            - Minutes and cents are integers (money is integer euro cents, EUR). Semesters are
              `YYYY/YYYY+1-N` (`2022/2023-1`), school years `YYYY/YYYY+1`. Timestamps are UTC ISO 8601.
        tags:
          - name: meta
            description: The API description itself.
          - name: statistics
            description: Programme statistics (Programmas statistika).
          - name: reports
            description: Implementation reports of plans (IAP īstenošanas atskaites).
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
