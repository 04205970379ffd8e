/// The OpenAPI 3.1 description served at `/openapi.yaml` (a test compares it with the router).
enum IntakeOpenAPI {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: PuMPuRS intake
          version: 1.0.0
        paths: {}
        """
}
