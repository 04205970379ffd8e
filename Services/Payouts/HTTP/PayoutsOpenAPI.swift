/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
enum PayoutsOpenAPI {
    static let yaml: String = "openapi: 3.1.0\n"
}
