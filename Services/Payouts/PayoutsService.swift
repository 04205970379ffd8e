import Auth
import Foundation
import Postgres
import Rules
import ServiceKit

/// The payouts service as the host runs it: migrations, the event handlers (plan facts,
/// settling held payouts, staff pay) and the staff and finance API.
public enum PayoutsService {
    /// Everything the service's schema needs (the kit's tables come from the host).
    public static var migrations: [Migration] { DirectoryReplica.migrations + PayoutsMigrations.all }

    /// The definition; `name` is the service (schema, queue, producer) name; `debtor` is the
    /// programme's account the SEPA files pay from.
    public static func definition(name: String = "payouts", port: Int = 8084, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults, debtor: ExportDebtor = PayoutsSettings.exampleDebtor,
                                  today: @escaping @Sendable () -> CalendarDate? = { CalendarDate.todayUTC() }) -> ServiceDefinition {
        ServiceDefinition(name: name, defaultPort: port, migrations: migrations,
                          handlers: PayoutsProjection(settings: settings).handlers) { router, resources in
            PayoutsAPI(pool: resources.pool, producer: name, verifier: verifier, settings: settings, debtor: debtor, today: today)
                .register(on: router)
        }
    }

    /// The handlers only (catalogue checks).
    public static var handlers: EventHandlers { PayoutsProjection(settings: .defaults).handlers }
}

/// The payouts service's own configuration keys.
public enum PayoutsSettings {
    /// A placeholder debtor for development: the IBAN is a well-known example, not an account.
    public static let exampleDebtor = ExportDebtor(name: "Izglitibas kvalitates valsts dienests (piemers)", iban: "LV80BANK0000435195001",
                                                   bic: nil)

    /// `PUMPURS_PAYOUTS_DEBTOR_NAME`, `PUMPURS_PAYOUTS_DEBTOR_IBAN`, `PUMPURS_PAYOUTS_DEBTOR_BIC`
    /// (all optional; without them the example debtor, which no bank would accept).
    public static func debtor(from environment: [String: String]) throws -> ExportDebtor {
        guard let name = environment["PUMPURS_PAYOUTS_DEBTOR_NAME"] ?? environment["PUMPURS_PAYOUTS_DEBTOR_IBAN"].map({ _ in "IKVD" }) else {
            return exampleDebtor
        }
        guard let text = environment["PUMPURS_PAYOUTS_DEBTOR_IBAN"], let iban = IBAN.normalized(text) else {
            throw ConfigurationError(key: "PUMPURS_PAYOUTS_DEBTOR_IBAN", message: "must be a valid IBAN")
        }
        let bic = environment["PUMPURS_PAYOUTS_DEBTOR_BIC"].map { $0.uppercased() }
        if let bic, !IBAN.isValidBIC(bic) {
            throw ConfigurationError(key: "PUMPURS_PAYOUTS_DEBTOR_BIC", message: "must be a BIC of 8 or 11 characters")
        }
        return ExportDebtor(name: name, iban: iban, bic: bic)
    }
}
