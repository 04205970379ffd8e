import AMQP
import Logging
import Postgres
import ServiceKit
import Testing

@Suite("ServiceConfiguration")
struct ServiceConfigurationTests {
    @Test("an empty environment gives the documented defaults")
    func defaults() throws {
        let configuration = try ServiceConfiguration(service: "intake", defaultPort: 8080, environment: [:])
        #expect(configuration.serviceName == "intake")
        #expect(configuration.httpHost == "127.0.0.1")
        #expect(configuration.httpPort == 8080)
        #expect(configuration.database.host == "127.0.0.1")
        #expect(configuration.database.port == 5432)
        #expect(configuration.database.user == "intake")
        #expect(configuration.database.password == "intake")
        #expect(configuration.database.database == "pumpurs")
        #expect(configuration.database.schema == "intake")
        #expect(configuration.database.poolSize == 4)
        #expect(configuration.amqp == AMQPURL(host: "127.0.0.1", port: 5672, user: "pumpurs", password: "pumpurs", vhost: "pumpurs"))
        #expect(configuration.prefetch == 64)
        #expect(configuration.deliveryLimit == 5)
        #expect(configuration.relayBatchSize == 500)
        #expect(configuration.relayPollInterval == .milliseconds(1000))
        #expect(configuration.logLevel == .info)
    }

    @Test("PUMPURS_DATABASE_HOST names the default URL's host, a socket directory included; batches default to 16")
    func databaseHost() throws {
        let socket = try ServiceConfiguration(service: "intake", defaultPort: 8080,
                                              environment: ["PUMPURS_DATABASE_HOST": "/work/main/.local/postgres/run"])
        #expect(socket.database.host == "/work/main/.local/postgres/run")
        #expect(socket.database.user == "intake")
        #expect(socket.consumerBatch == 16)
        let named = try ServiceConfiguration(service: "intake", defaultPort: 8080,
                                             environment: ["PUMPURS_DATABASE_HOST": "db.internal", "PUMPURS_CONSUMER_BATCH": "1"])
        #expect(named.database.host == "db.internal")
        #expect(named.consumerBatch == 1)
        #expect(throws: (any Error).self) {
            try ServiceConfiguration(service: "intake", defaultPort: 8080, environment: ["PUMPURS_CONSUMER_BATCH": "0"])
        }
    }

    @Test("the database role and schema follow the service name")
    func perService() throws {
        let configuration = try ServiceConfiguration(service: "payouts", defaultPort: 8084, environment: [:])
        #expect(configuration.httpPort == 8084)
        #expect(configuration.database.user == "payouts")
        #expect(configuration.database.schema == "payouts")
    }

    @Test("every key overrides its default")
    func overrides() throws {
        let environment = [
            "PUMPURS_HTTP_HOST": "0.0.0.0",
            "PUMPURS_HTTP_PORT": "9090",
            "PUMPURS_DATABASE_URL": "postgres://svc:pw@db.internal:6432/platform",
            "PUMPURS_DATABASE_POOL_SIZE": "12",
            "PUMPURS_AMQP_URL": "amqp://bob:pw@mq.internal:5673/%2F?heartbeat=15",
            "PUMPURS_AMQP_PREFETCH": "8",
            "PUMPURS_DELIVERY_LIMIT": "0",
            "PUMPURS_RELAY_BATCH": "50",
            "PUMPURS_RELAY_POLL_MS": "250",
            "PUMPURS_LOG_LEVEL": "debug",
        ]
        let configuration = try ServiceConfiguration(service: "timesheets", defaultPort: 8083, environment: environment)
        #expect(configuration.httpHost == "0.0.0.0")
        #expect(configuration.httpPort == 9090)
        #expect(configuration.database.host == "db.internal")
        #expect(configuration.database.port == 6432)
        #expect(configuration.database.user == "svc")
        #expect(configuration.database.database == "platform")
        #expect(configuration.database.schema == "timesheets") // the schema is always the service's
        #expect(configuration.database.poolSize == 12)
        #expect(configuration.amqp == AMQPURL(host: "mq.internal", port: 5673, user: "bob", password: "pw", vhost: "/", heartbeatSeconds: 15))
        #expect(configuration.prefetch == 8)
        #expect(configuration.deliveryLimit == 0)
        #expect(configuration.relayBatchSize == 50)
        #expect(configuration.relayPollInterval == .milliseconds(250))
        #expect(configuration.logLevel == .debug)
    }

    @Test("an empty value means the default", arguments: [
        "PUMPURS_HTTP_HOST", "PUMPURS_HTTP_PORT", "PUMPURS_DATABASE_URL", "PUMPURS_DATABASE_POOL_SIZE", "PUMPURS_AMQP_URL",
        "PUMPURS_AMQP_PREFETCH", "PUMPURS_DELIVERY_LIMIT", "PUMPURS_RELAY_BATCH", "PUMPURS_RELAY_POLL_MS", "PUMPURS_LOG_LEVEL",
    ])
    func emptyMeansDefault(key: String) throws {
        let defaults = try ServiceConfiguration(service: "intake", defaultPort: 8080, environment: [:])
        let configuration = try ServiceConfiguration(service: "intake", defaultPort: 8080, environment: [key: ""])
        #expect(configuration.httpHost == defaults.httpHost)
        #expect(configuration.httpPort == defaults.httpPort)
        #expect(configuration.database == defaults.database)
        #expect(configuration.amqp == defaults.amqp)
        #expect(configuration.prefetch == defaults.prefetch)
        #expect(configuration.deliveryLimit == defaults.deliveryLimit)
        #expect(configuration.relayBatchSize == defaults.relayBatchSize)
        #expect(configuration.relayPollInterval == defaults.relayPollInterval)
        #expect(configuration.logLevel == defaults.logLevel)
    }

    @Test("range edges are accepted", arguments: [
        ("PUMPURS_HTTP_PORT", "1"), ("PUMPURS_HTTP_PORT", "65535"), ("PUMPURS_DATABASE_POOL_SIZE", "64"),
        ("PUMPURS_DELIVERY_LIMIT", "1000"), ("PUMPURS_RELAY_BATCH", "10000"), ("PUMPURS_RELAY_POLL_MS", "10"),
        ("PUMPURS_RELAY_POLL_MS", "600000"), ("PUMPURS_AMQP_PREFETCH", "1"),
    ])
    func edgesAccepted(key: String, value: String) throws {
        _ = try ServiceConfiguration(service: "intake", defaultPort: 8080, environment: [key: value])
    }

    /// Values chosen so that none is a substring of any error message (which holds the range).
    @Test("an invalid value names its key and never echoes the value", arguments: [
        ("PUMPURS_HTTP_PORT", "eighty"), ("PUMPURS_HTTP_PORT", "70000"), ("PUMPURS_HTTP_PORT", "-8080"),
        ("PUMPURS_DATABASE_POOL_SIZE", "65"), ("PUMPURS_DATABASE_POOL_SIZE", "4.5"),
        ("PUMPURS_AMQP_PREFETCH", "lots"), ("PUMPURS_DELIVERY_LIMIT", "-7"), ("PUMPURS_DELIVERY_LIMIT", "1001"),
        ("PUMPURS_RELAY_BATCH", "20000"), ("PUMPURS_RELAY_POLL_MS", "9"), ("PUMPURS_RELAY_POLL_MS", "1e3"),
        ("PUMPURS_LOG_LEVEL", "verbose"), ("PUMPURS_LOG_LEVEL", "INFO"),
        ("PUMPURS_AMQP_URL", "amqps://mq:S3cr3tMQpass@mq.internal/pumpurs"),
        ("PUMPURS_AMQP_URL", "amqp://mq:S3cr3tMQpass@mq.internal:notaport/pumpurs"),
        ("PUMPURS_AMQP_URL", "amqp://mq:S3cr3t%zzMQ@mq.internal/pumpurs"),
        ("PUMPURS_DATABASE_URL", "mysql://svc:Pa55-W0rd-xyz@db:5432/pumpurs"),
        ("PUMPURS_DATABASE_URL", "postgres://svc:Pa55-W0rd-xyz@db:port/pumpurs"),
        ("PUMPURS_DATABASE_URL", "postgres://svc:Pa55-W0rd-xyz@db:5432/"),
        ("PUMPURS_DATABASE_URL", "postgres://svc:Pa55%zzW0rd@db:5432/pumpurs"),
        ("PUMPURS_DATABASE_URL", "postgres://svc:Pa55-W0rd-xyz@db:5432/pumpurs?sslmode=sometimes"),
        ("PUMPURS_DATABASE_URL", "postgres://svc:Pa55-W0rd-xyz@db:5432/pumpurs?password=Pa55-W0rd-xyz"),
        ("PUMPURS_DATABASE_URL", "postgres://:Pa55-W0rd-xyz@db:5432/pumpurs"),
    ])
    func invalidValue(key: String, value: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: "intake", defaultPort: 8080, environment: [key: value])
        }
        guard let error else { return }
        #expect(error.key == key)
        #expect(error.description.hasPrefix("\(key): "))
        #expect(!error.message.isEmpty)
        #expect(!error.description.contains(value))
        #expect(!String(reflecting: error).contains(value))
        for secret in ["S3cr3tMQpass", "S3cr3t", "Pa55-W0rd-xyz", "Pa55", "W0rd"] {
            #expect(!error.description.contains(secret), "\(secret) leaked")
        }
    }

    @Test("every service of the platform can be configured", arguments: PlatformServices.all.map(\.name))
    func platformServices(service: String) throws {
        let configuration = try ServiceConfiguration(service: service, defaultPort: 8080, environment: [:])
        #expect(configuration.serviceName == service)
        #expect(configuration.database.schema == service)
    }

    // The service name is the PostgreSQL schema and role and the queue prefix; a name that cannot be
    // one (an executable name with a hyphen, say) is refused under its own key, before any URL is read.
    @Test("an invalid service name is refused as such", arguments: [
        "risk-validation", "approval-routing", "", "Intake", "1intake", "_intake", "intake ", "ıntake",
        "a234567890123456789012345678901x",
    ])
    func invalidServiceName(service: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(service: service, defaultPort: 8080, environment: [:])
        }
        #expect(error?.key == "service name")
        #expect(error?.message.isEmpty == false)
    }

    @Test("service name edges are accepted", arguments: ["a", "a23456789012345678901234567890x", "risk_validation", "s3_"])
    func serviceNameEdges(service: String) throws {
        #expect(try ServiceConfiguration(service: service, defaultPort: 8080, environment: [:]).serviceName == service)
    }
}
