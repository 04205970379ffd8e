extension AuditLog {
    /// `GET /audit` as an OpenAPI 3.1 path item, for every service's `/openapi.yaml` (whole lines
    /// indented as path entries, no newline at the end; self-contained: no `$ref` into a service's
    /// own components).
    public static let openAPIPath = #"""
          /audit:
            get:
              tags: [audit]
              operationId: listAuditRows
              summary: Audit rows of this service (Audita ieraksti)
              description: |
                Roles `ikvd_admin`, and `ikvd_expert` with the national scope (another scope: 403). Who read
                or changed what in this service, newest first: person, role and scope, action, subject id,
                plan, route and correlation id. Ids only; never personal data. Each service serves its own
                rows.
              parameters:
                - {name: person, in: query, required: false, schema: {type: string, format: uuid}, description: Rows of this person.}
                - {name: planId, in: query, required: false, schema: {type: string, format: uuid}, description: Rows about this plan.}
                - {name: subject, in: query, required: false, schema: {type: string, minLength: 1, maxLength: 200}, description: 'Exactly this subject, e.g. plan:<id>.'}
                - {name: from, in: query, required: false, schema: {type: string, format: date}, description: From this UTC day.}
                - {name: to, in: query, required: false, schema: {type: string, format: date}, description: To this UTC day (inclusive).}
                - {name: limit, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 200, default: 50}}
                - {name: offset, in: query, required: false, schema: {type: integer, minimum: 0, default: 0}}
              responses:
                '200':
                  description: One page of audit rows.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items, total, limit, offset]
                        properties:
                          total: {type: integer}
                          limit: {type: integer}
                          offset: {type: integer}
                          items:
                            type: array
                            items:
                              type: object
                              required: [id, actor, role, scope, action, subject, at]
                              properties:
                                id: {type: integer}
                                actor: {type: string, format: uuid}
                                role: {type: string}
                                scope: {type: string}
                                action: {type: string}
                                subject: {type: string}
                                planId: {type: [string, 'null'], format: uuid}
                                route: {type: [string, 'null']}
                                correlationId: {type: [string, 'null'], format: uuid}
                                at: {type: string, format: date-time}
                '401':
                  description: No valid token.
                  content:
                    application/problem+json:
                      schema: {type: object}
                '403':
                  description: Not IKVD, or an IKVD expert without the national scope.
                  content:
                    application/problem+json:
                      schema: {type: object}
                '422':
                  description: A filter or page parameter is malformed (the field is named).
                  content:
                    application/problem+json:
                      schema: {type: object}
        """#
}
