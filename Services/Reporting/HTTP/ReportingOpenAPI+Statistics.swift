extension ReportingOpenAPI {
    /// The statistics operations under `paths`. Continued by `reportPaths` (ReportingOpenAPI+Reports.swift).
    static let statisticsPaths = #"""
          /statistics:
            get:
              tags: [statistics]
              operationId: getStatistics
              summary: Programme statistics as JSON (Programmas statistika)
              description: |
                Roles `ikvd_admin`, `ikvd_expert`, `finance`, `municipality_coordinator`, `vpii_coordinator`,
                `institution_head`, `institution_coordinator`, each over their scope. Every table for the plans
                of the period (all plans submitted at least once, by their latest revision):

                | table | category | columns |
                |---|---|---|
                | `plans_by_status` | `status` | `plans` (deleted plans too; the statuses split the plans) |
                | `plans_by_risk` | `risk` (L01…O01) | `plans` |
                | `plans_by_risk_group` | `riskGroup` | `plans` (a plan once per group) |
                | `measures_by_type` | `measure` | `plans`, `measures` |
                | `subject_consultations` | `subject` | `plans`, `measures`, `plannedMinutes`, `deliveredMinutes` |
                | `specialist_consultations` | `provider` | `plans`, `measures`, `deliveredMinutes` |
                | `hours` | `work` (`consultation`, `preparer`) | `plans`, `plannedMinutes`, `deliveredMinutes` |
                | `money_by_measure` | `measure` (money measures, `staff_pay`) | `plans`, `plannedCents`, `paidCents` |
                | `plans_by_partner_kind` | `partnerKind` (`municipality`, `vpii`) | `plans` (not deleted; the kinds split the plans) |
                | `consultations_by_subject` | `subject` (as delivered) | `plans`, `consultations` (sessions) |
                | `consultations_by_specialist` | `provider` | `plans`, `consultations` (sessions) |

                Definitions: a subject consultation is a `consultation` measure of kind consultation that
                addresses a risk naming subjects (L01–L04); a measure covering two subjects counts under both,
                so subjects do not add up. Delivered minutes are the approved work records' lines (the
                measure's for subjects, the provider type's for specialists, every specialist line of the plan
                for `hours`); the preparer's own lines are `hours`/`preparer`. Planned money is the plan's
                monthly amount times the semester's calendar months plus its per-semester amount; paid money is
                released payouts minus reversals, by the payout's measure (`staff_pay` for staff pay). Deleted
                plans count only in `plans_by_status`. Each `totals` row (group key `total`) is the sum of its
                group rows; with `groupBy=total` there is one group and no `totals`.

                A period is required (`semester` or `schoolYear`; 422 `statistics.period_required` without).
                Outside IKVD, figures about fewer than 5 plans read `"<5"`, consistently across the school
                year, its semesters and every grouping, and a hidden subject row reads category `hidden` (see
                the description at the top).
              parameters:
                - $ref: '#/components/parameters/Semester'
                - $ref: '#/components/parameters/SchoolYear'
                - $ref: '#/components/parameters/GroupBy'
              responses:
                '200':
                  description: The statistics (`Cache-Control: no-store`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Statistics'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /statistics.csv:
            get:
              tags: [statistics]
              operationId: downloadStatisticsCSV
              summary: Programme statistics as CSV (Programmas statistika CSV)
              description: |
                The same figures as `GET /statistics`, same roles, parameters and suppression, as an RFC 4180
                CSV download (UTF-8, CRLF, one header record) in long format, one record per figure:
                `semester, school_year, group_by, table, group_key, group_name, category, column, value`. Group
                rows come first, then each table's totals (group key `total`). `value` is the number, `<5`
                where hidden, or empty where the column does not apply (no planned money for staff pay). Any
                text field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
                carriage return: a group name, a subject) gets a leading apostrophe.
              parameters:
                - $ref: '#/components/parameters/Semester'
                - $ref: '#/components/parameters/SchoolYear'
                - $ref: '#/components/parameters/GroupBy'
              responses:
                '200':
                  description: The CSV file.
                  headers:
                    Content-Disposition:
                      description: '`attachment; filename="pumpurs-statistics-<period>-<groupBy>.csv"`.'
                      schema:
                        type: string
                  content:
                    text/csv:
                      schema:
                        type: string
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
        """#
}
