import Foundation

extension PostgresConfiguration {
    /// Parses `postgres://user:pass@host:port/db?sslmode=…&application_name=…&connect_timeout=…`
    /// (also `postgresql://`), percent-decoding every part.
    ///
    /// Errors name the missing or malformed part but never repeat the URL, which holds the password.
    public init(url: String, schema: String? = nil, poolSize: Int = 4) throws(PostgresError) {
        let parts = try URLParts(url)
        var connectTimeout = Duration.seconds(10)
        var sslMode: String?
        var applicationName: String?
        for (key, value) in parts.query {
            switch key {
            case "sslmode": sslMode = value
            case "application_name": applicationName = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw Self.invalidURL("connect_timeout must be a positive number of seconds")
                }
                connectTimeout = .seconds(seconds)
            default:
                throw Self.invalidURL("unsupported query parameter '\(key)'")
            }
        }
        try self.init(
            host: parts.host, port: parts.port, user: parts.user, password: parts.password,
            database: parts.database, sslMode: sslMode, applicationName: applicationName, schema: schema,
            poolSize: poolSize, connectTimeout: connectTimeout)
    }

    /// `host` as a URL's host part: a unix-socket directory is percent-encoded (`%2Fpath`), as
    /// ``init(url:schema:poolSize:)`` and libpq read it back.
    public var urlHost: String { Self.urlHost(host) }

    /// `host` (a name, an address or a unix-socket directory) as a URL's host part.
    public static func urlHost(_ host: String) -> String {
        guard host.contains("/") || host.contains("%") else { return host }
        return host.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }

    fileprivate static func invalidURL(_ reason: String) -> PostgresError {
        PostgresError(code: .invalidConfiguration, message: "invalid PostgreSQL URL: \(reason)")
    }
}

/// The pieces of a PostgreSQL URL, percent-decoded.
private struct URLParts {
    var user = ""
    var password: String?
    var host = ""
    var port = 5432
    var database = ""
    var query: [(String, String)] = []

    init(_ url: String) throws(PostgresError) {
        var rest = Substring(url)
        guard let scheme = ["postgres://", "postgresql://"].first(where: { rest.lowercased().hasPrefix($0) }) else {
            throw PostgresConfiguration.invalidURL("the scheme must be postgres:// or postgresql://")
        }
        rest = rest.dropFirst(scheme.count)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var queryText: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        var authority = rest
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[rest.index(after: slash)...]
        }
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decode(userInfo[..<colon], part: "user")
                password = try Self.decode(userInfo[userInfo.index(after: colon)...], part: "password")
            } else {
                user = try Self.decode(userInfo, part: "user")
            }
        }
        try parseHostPort(hostPort)
        guard !user.isEmpty else { throw PostgresConfiguration.invalidURL("the user is missing") }
        database = try Self.decode(path, part: "database")
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresConfiguration.invalidURL("the database name is missing or malformed")
        }
        for pair in queryText.split(separator: "&", omittingEmptySubsequences: true) {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard keyValue.count == 2 else {
                throw PostgresConfiguration.invalidURL("query parameters must be key=value")
            }
            query.append((try Self.decode(keyValue[0], part: "query key"), try Self.decode(keyValue[1], part: "query value")))
        }
    }

    private mutating func parseHostPort(_ text: Substring) throws(PostgresError) {
        var hostText = text
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw PostgresConfiguration.invalidURL("an IPv6 host needs a closing ]")
            }
            hostText = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw PostgresConfiguration.invalidURL("unexpected text after the IPv6 host")
            }
        } else if let colon = text.lastIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        host = try Self.decode(hostText, part: "host")
        guard !host.isEmpty else { throw PostgresConfiguration.invalidURL("the host is missing") }
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw PostgresConfiguration.invalidURL("the port must be a number 1...65535")
            }
            port = value
        }
    }

    private static func decode(_ text: Substring, part: String) throws(PostgresError) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw PostgresConfiguration.invalidURL("the \(part) has a malformed percent-encoding")
        }
        return decoded
    }
}
