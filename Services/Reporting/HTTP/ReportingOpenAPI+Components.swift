extension ReportingOpenAPI {
    /// `components` up to the schemas: the security scheme, and the parameters and responses the
    /// operations share. The schemas follow in `schemas` (ReportingOpenAPI+Schemas.swift).
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
            PlanId:
              name: planId
              in: path
              required: true
              description: The plan's id (a value that is not a UUID is reported as 404).
              schema:
                type: string
                format: uuid
            Semester:
              name: semester
              in: query
              required: false
              description: |
                Only plans of this semester, e.g. `2022/2023-1` (422 `statistics.semester` when malformed). A
                period is required: give this or `schoolYear` (422 `statistics.period_required` without either).
              schema:
                type: string
                pattern: '^[0-9]{4}/[0-9]{4}-[12]$'
            SchoolYear:
              name: schoolYear
              in: query
              required: false
              description: |
                Only plans of this school year's two semesters, e.g. `2022/2023` (422 `statistics.school_year`
                when malformed; 422 `statistics.period` together with `semester`). Without either, 422
                `statistics.period_required`: one request reads at most one school year.
              schema:
                type: string
                pattern: '^[0-9]{4}/[0-9]{4}$'
            GroupBy:
              name: groupBy
              in: query
              required: false
              description: |
                The groups of the rows (422 `statistics.group_by` for any other value): `total` (one group, the
                default), `region`, `partner` (a municipality with its institutions, `municipality:<id>`, or a
                VPII, `vpii:<id>`), `institution_type` (`general`, `vocational`) or `institution` (its id).
              schema:
                type: string
                enum: [total, region, partner, institution_type, institution]
                default: total
            ProgrammeTable:
              name: table
              in: query
              required: false
              description: One table of the programme's report (required for the CSV).
              schema:
                type: string
                enum: [partners_by_region, plans_by_region, plans_by_risk, plans_by_measure, consultations_by_subject,
                       consultations_by_specialist]
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
          responses:
            Report:
              description: The report with its figures.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Report'
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
                The token's role may not use the operation (`auth.role_not_allowed`), or a head confirms a
                report they submitted themselves (`report.own_report`).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            NotFound:
              description: The plan is unknown to reporting or outside the caller's scope (the two are not told apart).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            Conflict:
              description: The report or the plan is not in a state that allows this; `errors` names the rule.
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
            UnprocessableContent:
              description: The request is invalid; `errors` names each field and rule.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
        """#
}
