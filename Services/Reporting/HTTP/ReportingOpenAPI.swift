/// The OpenAPI 3.1 description served at `/openapi.yaml` (placeholder; filled in below).
enum ReportingOpenAPI {
    static let yaml = "openapi: 3.1.0\n"
}
