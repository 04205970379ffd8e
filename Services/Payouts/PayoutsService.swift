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
    /// programme's account the SEPA files pay from; held staff pay waits `payeeChangeWait` after
    /// the person's account changed, and a sweep every `payeeSweepInterval` releases what is due.
    public static func definition(name: String = "payouts", port: Int = 8084, verifier: TokenVerifier,
                                  settings: ProgrammeSettings = .defaults, debtor: ExportDebtor = PayoutsSettings.exampleDebtor,
                                  payeeChangeWait: Duration = .seconds(PayeeChangeWait.defaultSeconds),
                                  payeeSweepInterval: Duration = .seconds(60),
                                  today: @escaping @Sendable () -> CalendarDate? = { CalendarDate.todayUTC() }) -> ServiceDefinition {
        let book = PayoutBook(payeeChangeWait: payeeChangeWait)
        return ServiceDefinition(
            name: name, defaultPort: port, migrations: migrations, handlers: PayoutsProjection(settings: settings, book: book).handlers,
            periodic: [PeriodicWork(name: "staff pay after an account change", interval: payeeSweepInterval) { resources in
                _ = try await StaffPayees(book: book).releaseDue(producer: name, pool: resources.pool)
            }]) { router, resources in
                PayoutsAPI(pool: resources.pool, producer: name, verifier: verifier, settings: settings, debtor: debtor,
                           payeeChangeWait: payeeChangeWait, today: today).register(on: router)
            }
    }

    /// The handlers only (catalogue checks).
    public static var handlers: EventHandlers { PayoutsProjection(settings: .defaults, book: PayoutBook()).handlers }
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

    /// `PUMPURS_PAYOUTS_PAYEE_CHANGE_WAIT_SECONDS` (default 86400, 0–2592000): how long held staff
    /// pay waits after the person's bank account changed before it is released to the new account.
    /// 0 turns the wait off (a local demo only: the wait is what lets the person stop a change
    /// they did not make).
    public static func payeeChangeWait(from environment: [String: String]) throws -> Duration {
        let key = "PUMPURS_PAYOUTS_PAYEE_CHANGE_WAIT_SECONDS"
        guard let text = environment[key] else { return .seconds(PayeeChangeWait.defaultSeconds) }
        guard let seconds = Int(text.trimmingCharacters(in: .whitespaces)), (0...2_592_000).contains(seconds) else {
            throw ConfigurationError(key: key, message: "must be whole seconds from 0 to 2592000 (30 days)")
        }
        return .seconds(seconds)
    }
}
