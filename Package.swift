// swift-tools-version: 6.2
// PuMPuRS support-plan platform: six message-driven services on one shared kit.
// Layout: Shared/ (C bindings, contracts, rules, AMQP, Postgres, service kit), Services/, Tests/.
import PackageDescription

/// One list of Swift settings for every target (STYLE.md #1). `PUMPURS_STRICT=1` (set by CI)
/// turns every warning in this package into an error without touching dependencies.
var swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
if Context.environment["PUMPURS_STRICT"] == "1" {
    swiftSettings.append(.treatAllWarnings(as: .error))
}

let log = Target.Dependency.product(name: "Logging", package: "swift-log")
let metrics = Target.Dependency.product(name: "Metrics", package: "swift-metrics")
let prometheus = Target.Dependency.product(name: "Prometheus", package: "swift-prometheus")
let lifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let unixSignals = Target.Dependency.product(name: "UnixSignals", package: "swift-service-lifecycle")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let propertyBased = Target.Dependency.product(name: "PropertyBased", package: "swift-property-based")
let jwtKit = Target.Dependency.product(name: "JWTKit", package: "jwt-kit")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let mustache = Target.Dependency.product(name: "Mustache", package: "swift-mustache")
let httpClient = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")

let package = Package(
    name: "pumpurs",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pumpurs", targets: ["Ctl"]),
        .executable(name: "pumpurs-intake", targets: ["IntakeMain"]),
        .executable(name: "pumpurs-risk-validation", targets: ["RiskValidationMain"]),
        .executable(name: "pumpurs-approval-routing", targets: ["ApprovalRoutingMain"]),
        .executable(name: "pumpurs-timesheets", targets: ["TimesheetsMain"]),
        .executable(name: "pumpurs-payouts", targets: ["PayoutsMain"]),
        .executable(name: "pumpurs-reporting", targets: ["ReportingMain"]),
        .executable(name: "pumpurs-notifications", targets: ["NotificationsMain"]),
        .executable(name: "pumpurs-portal", targets: ["PortalMain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph (Hummingbird's testing module); the platform client drives the APIs with it.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C libraries through pkg-config, with shims for variadic functions and macros.
        .systemLibrary(name: "CRabbitMQ", path: "Shared/CRabbitMQ", pkgConfig: "librabbitmq",
                       providers: [.apt(["librabbitmq-dev"])]),
        .systemLibrary(name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", path: "Shared/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),

        // Pure modules: no IO.
        .target(name: "CivilCalendar", path: "Shared/CivilCalendar", swiftSettings: swiftSettings),
        .target(name: "Rules", dependencies: ["CivilCalendar"], path: "Shared/Rules", exclude: ["README.md"], swiftSettings: swiftSettings),
        .target(name: "Contracts", dependencies: ["CivilCalendar"], path: "Shared/Contracts", exclude: ["README.md"], swiftSettings: swiftSettings),

        // IO modules.
        .target(name: "AMQP", dependencies: ["CRabbitMQ", log], path: "Shared/AMQP", swiftSettings: swiftSettings),
        .target(name: "Postgres", dependencies: ["CLibPQ", "CivilCalendar", log], path: "Shared/Postgres", swiftSettings: swiftSettings),
        .target(name: "Mail", dependencies: ["CCurl", "CivilCalendar", log], path: "Shared/Mail", swiftSettings: swiftSettings),
        .target(
            name: "ServiceKit",
            dependencies: ["Contracts", "Rules", "AMQP", "Postgres", "Auth", log, metrics, prometheus, lifecycle, unixSignals, hummingbird, crypto],
            path: "Shared/ServiceKit", swiftSettings: swiftSettings
        ),
        .target(name: "Auth", dependencies: ["Contracts", jwtKit, crypto, hummingbird, httpClient, nioCore, nioHTTP1, log], path: "Shared/Auth",
                exclude: ["README.md"], swiftSettings: swiftSettings),
        // Drives the platform's HTTP APIs as its users would (demo, end-to-end test, pipeline benchmark).
        .target(name: "PlatformClient", dependencies: ["Auth", "Rules", httpClient, nioCore, nioHTTP1], path: "Shared/PlatformClient", swiftSettings: swiftSettings),
        .target(name: "TestSupport", dependencies: ["ServiceKit", hummingbird], path: "Shared/TestSupport", swiftSettings: swiftSettings),

        // Services: a library with the logic + (later) a thin executable each.
        .target(name: "Intake", dependencies: ["Rules", "Contracts", "Postgres", "Auth", "ServiceKit", "Mail", hummingbird, crypto, log], path: "Services/Intake", swiftSettings: swiftSettings),

        .executableTarget(name: "IntakeMain", dependencies: ["Intake", "ServiceKit", "Auth", "Rules"],
                          path: "Services/IntakeMain", swiftSettings: swiftSettings),

        .target(name: "RiskValidation", dependencies: ["Rules", "Contracts", "Postgres", "ServiceKit", log],
                path: "Services/RiskValidation", swiftSettings: swiftSettings),
        .executableTarget(name: "RiskValidationMain", dependencies: ["RiskValidation", "ServiceKit"],
                          path: "Services/RiskValidationMain", swiftSettings: swiftSettings),

        .target(name: "ApprovalRouting", dependencies: ["Rules", "Contracts", "Postgres", "Auth", "ServiceKit", hummingbird, log],
                path: "Services/ApprovalRouting", exclude: ["Emergencies/NOTES.md"], swiftSettings: swiftSettings),
        .target(name: "Notifications", dependencies: ["Contracts", "Postgres", "Auth", "ServiceKit", "Mail", mustache, hummingbird, log],
                path: "Services/Notifications", swiftSettings: swiftSettings),
        .executableTarget(name: "NotificationsMain", dependencies: ["Notifications", "ServiceKit", "Auth"],
                          path: "Services/NotificationsMain", swiftSettings: swiftSettings),
        .executableTarget(name: "ApprovalRoutingMain", dependencies: ["ApprovalRouting", "ServiceKit", "Auth"],
                          path: "Services/ApprovalRoutingMain", swiftSettings: swiftSettings),

        .target(name: "Timesheets", dependencies: ["Rules", "Contracts", "Postgres", "Auth", "ServiceKit", hummingbird, log],
                path: "Services/Timesheets", swiftSettings: swiftSettings),
        .executableTarget(name: "TimesheetsMain", dependencies: ["Timesheets", "ServiceKit", "Auth"],
                          path: "Services/TimesheetsMain", swiftSettings: swiftSettings),
        .target(name: "Payouts", dependencies: ["Rules", "CivilCalendar", "Contracts", "Postgres", "Auth", "ServiceKit", hummingbird, crypto, log],
                path: "Services/Payouts", exclude: ["YouthProjects/NOTES.md"], swiftSettings: swiftSettings),
        .executableTarget(name: "PayoutsMain", dependencies: ["Payouts", "ServiceKit", "Auth"],
                          path: "Services/PayoutsMain", swiftSettings: swiftSettings),
        // Semester reports and programme statistics: a read model built from events, in its own schema.
        .target(name: "Reporting", dependencies: ["Rules", "Contracts", "Postgres", "Auth", "ServiceKit", hummingbird, log],
                path: "Services/Reporting", swiftSettings: swiftSettings),
        .executableTarget(name: "ReportingMain", dependencies: ["Reporting", "ServiceKit", "Auth"],
                          path: "Services/ReportingMain", swiftSettings: swiftSettings),

        // The staff portal: server-rendered pages, OpenID Connect sign-in, sessions (issue #18).
        .target(name: "Portal", dependencies: ["Auth", "Rules", "Postgres", "ServiceKit", "PlatformClient", mustache, hummingbird, httpClient,
                                               jwtKit, crypto, log],
                path: "Services/Portal", exclude: ["README.md", "Screenshots"], resources: [.copy("Templates"), .copy("Messages"), .copy("Assets")],
                swiftSettings: swiftSettings),
        .executableTarget(name: "PortalMain", dependencies: ["Portal", "ServiceKit"], path: "Services/PortalMain", swiftSettings: swiftSettings),

        // Operator CLI `pumpurs`.
        .executableTarget(
            name: "Ctl", dependencies: ["ServiceKit", "Auth", "Portal", "Intake", "RiskValidation", "ApprovalRouting", "Timesheets", "Payouts", "Reporting", "Notifications", "PlatformClient", "AMQP", "Postgres", "Contracts", "CRabbitMQ", "CLibPQ", log, argumentParser,
                         httpClient, nioCore, nioHTTP1],
            path: "Services/Ctl", swiftSettings: swiftSettings
        ),

        // Unit tests: pure logic, never the network.
        .testTarget(name: "RulesTests", dependencies: ["Rules", propertyBased], swiftSettings: swiftSettings),
        .testTarget(name: "ContractsTests", dependencies: ["Contracts"], swiftSettings: swiftSettings),
        .testTarget(name: "AMQPTests", dependencies: ["AMQP"], swiftSettings: swiftSettings),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres"], swiftSettings: swiftSettings),
        .testTarget(name: "AuthTests", dependencies: ["Auth", jwtKit, crypto, hummingbird, hummingbirdTesting],
                    swiftSettings: swiftSettings),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Rules", "Auth", "Contracts", "ServiceKit", "Postgres", "TestSupport", hummingbird], swiftSettings: swiftSettings),
        .testTarget(name: "MailTests", dependencies: ["Mail"], swiftSettings: swiftSettings),
        .testTarget(name: "TimesheetsTests", dependencies: ["Timesheets", "Rules", "Contracts", "ServiceKit"], swiftSettings: swiftSettings),
        .testTarget(name: "PayoutsTests", dependencies: ["Payouts", "Rules", "Contracts", "ServiceKit"], swiftSettings: swiftSettings),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Rules", "Contracts", "ServiceKit", "Auth"], swiftSettings: swiftSettings),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "Auth", "Rules", jwtKit, crypto, hummingbird],
                    swiftSettings: swiftSettings),
        // The deployment files for users (compose, k8s, Dockerfile) parse and say what they must.
        .testTarget(name: "DeployTests", swiftSettings: swiftSettings),
        .testTarget(name: "ServiceKitTests", dependencies: ["ServiceKit", "TestSupport", "Rules"], swiftSettings: swiftSettings),
        // Integration tests: the real RabbitMQ, PostgreSQL and SMTP sink that deploy/local/test starts.
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["ServiceKit", "TestSupport", "Mail", "AMQP", "CRabbitMQ", "Postgres", "Contracts", "Intake", "RiskValidation", "ApprovalRouting", "Timesheets", "Payouts", "Reporting", "Notifications", "Rules", "Auth",
                           "PlatformClient", "Portal", log, lifecycle, prometheus, hummingbird, hummingbirdTesting, crypto],
            swiftSettings: swiftSettings
        ),
    ]
)
