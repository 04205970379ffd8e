extension ReportingOpenAPI {
    /// The programme report's operations under `paths` (after `statisticsPaths`).
    static let programmePaths = #"""
          /statistics/programme:
            get:
              tags: [statistics]
              operationId: getProgrammeStatistics
              summary: The programme's report as JSON (Programmas pārskats, seed 001)
              description: |
                Same roles, scope and suppression as `GET /statistics`; a period is required (`schoolYear`, or
                `semester` for one semester). The tables the programme reports, wide as it printed them (one row
                per region, risk, measure, subject or specialist; headings Latvian first, with English):

                | table | rows | columns | totals row |
                |---|---|---|---|
                | `partners_by_region` | the six regions | `municipalities`, `vpii`, `partners` | yes |
                | `plans_by_region` | the six regions | `plans`, `municipalityPlans`, `vpiiPlans` (the VPII subtotal) | yes |
                | `plans_by_risk` | L01…O01 | `plans` | no: a plan counts under each of its risks |
                | `plans_by_measure` | measure types | `plans` | no: a plan counts under each of its measures |
                | `consultations_by_subject` | subjects | `consultations`, `plans` | `consultations` |
                | `consultations_by_specialist` | provider types | `consultations`, `plans` | `consultations` |

                Definitions: plans are the plans of the period submitted at least once and not deleted
                (`plans_by_region`'s total equals `GET /statistics` `plans_by_status` without `deleted`). A
                partner is a municipality (for its institutions) or a VPII with at least one such plan; partners
                are organisations and are never hidden. A consultation is one delivered session: one timesheet
                entry on an approved month's work record (not hours); by subject, the entries that named a
                subject (normalised: `Matemātika ` is `matemātika`); by specialist, every specialist entry by the
                provider type that delivered it (a teacher's subject consultation too), so that table's total is
                every consultation delivered. Work records approved before timesheets published session counts
                (`worklog.approved` < 1.2) count no consultations. Regions and catalogue rows are listed even at 0.

                Outside IKVD a figure is `"<5"` exactly where `GET /statistics` hides it (the same consistent
                suppression over the whole school year); a totals figure is shown only where every figure it adds
                is shown; hidden subjects are one row `hidden`. `table` returns one table (422 `statistics.table`
                for an unknown name).
              parameters:
                - $ref: '#/components/parameters/Semester'
                - $ref: '#/components/parameters/SchoolYear'
                - $ref: '#/components/parameters/ProgrammeTable'
              responses:
                '200':
                  description: The report (`Cache-Control: no-store`).
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ProgrammeStatistics'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '403':
                  $ref: '#/components/responses/Forbidden'
                '422':
                  $ref: '#/components/responses/UnprocessableContent'
          /statistics/programme.csv:
            get:
              tags: [statistics]
              operationId: downloadProgrammeStatisticsCSV
              summary: One table of the programme's report as CSV (Programmas pārskata tabula CSV)
              description: |
                One table (`table` required: 422 `statistics.table_required` without) as an RFC 4180 CSV (UTF-8,
                CRLF) laid out as the programme printed it: `Kods / Code`, the row heading (e.g. `Reģions /
                Region`), then one column per figure headed `latviski / in English`; the totals row (code
                `total`, `Kopā / Total`) last. `<5` where hidden, empty where a figure does not apply. Text a
                spreadsheet would run as a formula gets a leading apostrophe.
              parameters:
                - $ref: '#/components/parameters/Semester'
                - $ref: '#/components/parameters/SchoolYear'
                - $ref: '#/components/parameters/ProgrammeTable'
              responses:
                '200':
                  description: The CSV file.
                  headers:
                    Content-Disposition:
                      description: '`attachment; filename="pumpurs-programme-<period>-<table>.csv"`.'
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

    /// The programme report's schemas (appended after `schemas`).
    static let programmeSchemas = #"""
            ProgrammeStatistics:
              type: object
              required: [scope, suppression, tables]
              properties:
                semester:
                  type: string
                schoolYear:
                  type: string
                scope:
                  type: string
                suppression:
                  type: object
                  required: [applied, threshold, marker]
                  properties:
                    applied:
                      type: boolean
                    threshold:
                      type: integer
                    marker:
                      type: string
                tables:
                  type: array
                  items:
                    $ref: '#/components/schemas/ProgrammeTable'
            ProgrammeTable:
              type: object
              required: [name, title, rowHeading, columns, rows]
              properties:
                name:
                  type: string
                  enum: [partners_by_region, plans_by_region, plans_by_risk, plans_by_measure, consultations_by_subject,
                         consultations_by_specialist]
                title:
                  $ref: '#/components/schemas/LocalizedText'
                rowHeading:
                  $ref: '#/components/schemas/LocalizedText'
                columns:
                  type: array
                  items:
                    type: object
                    required: [key, lv, en]
                    properties:
                      key:
                        type: string
                      lv:
                        type: string
                      en:
                        type: string
                rows:
                  type: array
                  items:
                    $ref: '#/components/schemas/ProgrammeRow'
                total:
                  $ref: '#/components/schemas/ProgrammeRow'
            ProgrammeRow:
              type: object
              description: A region, risk, measure, subject (`hidden` for the hidden ones) or provider type, with one member per column.
              required: [key, label]
              properties:
                key:
                  type: string
                label:
                  $ref: '#/components/schemas/LocalizedText'
              additionalProperties:
                $ref: '#/components/schemas/Figure'
        """#
}
