import Auth
import Postgres

/// The SQL condition that limits institutions to a principal's scope. Works on any table with
/// the directory's institution columns (`municipality_id`, `region`) aliased `i` — intake's own
/// directory or a service's `replica_institutions`. Fixed text only; values are parameters.
public enum ScopeSQL {
    /// The condition and its parameters, numbered after `parameterOffset`; `institutionColumn`
    /// names the institution id the query filters on.
    public static func condition(_ principal: Principal, institutionColumn: String,
                                 parameterOffset: Int) -> (String, [any PostgresBindable]) {
        let next = "$\(parameterOffset + 1)"
        switch principal.scope {
        case .national: return ("TRUE", [])
        case .region(let name): return ("i.region = \(next)", [name])
        case .municipality(let id): return ("i.municipality_id = \(next)", [id])
        case .institution(let id):
            if principal.role == .vpiiCoordinator {
                // A VPII coordinator's grant covers the institution only while it is a VPII.
                return ("\(institutionColumn) = \(next) AND i.municipality_id IS NULL", [id])
            }
            return ("\(institutionColumn) = \(next)", [id])
        }
    }
}
