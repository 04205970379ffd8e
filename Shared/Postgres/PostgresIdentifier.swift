/// Validation of names that end up as SQL identifiers (schemas, roles, channels).
///
/// DDL and `LISTEN` cannot take parameters, so such names are quoted server-side with
/// `format('%I', $1)`; this check is a second line of defence that also keeps names portable.
public enum PostgresIdentifier {
    /// Whether `name` matches `^[a-z][a-z0-9_]{0,30}$`, the pattern for service names and roles.
    public static func isValidServiceName(_ name: String) -> Bool {
        matches(name, maxLength: 31, allowLeadingUnderscore: false)
    }

    /// Whether `name` is a plain lowercase identifier `^[a-z_][a-z0-9_]{0,62}$` (schemas, channels).
    public static func isValidPlainIdentifier(_ name: String) -> Bool {
        matches(name, maxLength: 63, allowLeadingUnderscore: true)
    }

    /// Throws `invalidIdentifier` naming the `role` of the value unless it is a valid service name.
    public static func requireServiceName(_ name: String, role: String) throws(PostgresError) {
        guard isValidServiceName(name) else {
            throw PostgresError(
                code: .invalidIdentifier,
                message: "\(role) must match ^[a-z][a-z0-9_]{0,30}$")
        }
    }

    /// Throws `invalidIdentifier` naming the `role` of the value unless it is a plain identifier.
    public static func requirePlainIdentifier(_ name: String, role: String) throws(PostgresError) {
        guard isValidPlainIdentifier(name) else {
            throw PostgresError(
                code: .invalidIdentifier,
                message: "\(role) must match ^[a-z_][a-z0-9_]{0,62}$")
        }
    }

    private static func matches(_ name: String, maxLength: Int, allowLeadingUnderscore: Bool) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= maxLength else { return false }
        let isLower = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let underscore = UInt8(ascii: "_")
        guard isLower(first) || (allowLeadingUnderscore && first == underscore) else { return false }
        return bytes.dropFirst().allSatisfy { isLower($0) || isDigit($0) || $0 == underscore }
    }
}
