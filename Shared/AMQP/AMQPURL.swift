import Foundation

/// Where and how to reach a RabbitMQ broker: `amqp://user:pass@host:port/vhost`.
///
/// The vhost is the percent-decoded path (`/pumpurs`, or `%2F` for `/`); an empty path means `/`.
/// The password is kept out of `description` so a URL can be logged safely.
public struct AMQPURL: Sendable, Hashable, CustomStringConvertible {
    /// Broker host name or address.
    public var host: String
    /// Broker port (5672 by default).
    public var port: Int
    /// Login user.
    public var user: String
    /// Login password (secret: never printed).
    public var password: String
    /// Virtual host.
    public var vhost: String
    /// Heartbeat interval negotiated at login, in seconds (0 = off).
    public var heartbeatSeconds: Int

    /// Creates a URL from its parts.
    public init(host: String, port: Int = 5672, user: String = "guest", password: String = "guest",
                vhost: String = "/", heartbeatSeconds: Int = 30) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.vhost = vhost
        self.heartbeatSeconds = heartbeatSeconds
    }

    /// Parses `amqp://user:pass@host:port/vhost?heartbeat=30`.
    public init(parsing text: String) throws(AMQPError) {
        guard let schemeEnd = text.range(of: "://"), text[..<schemeEnd.lowerBound] == "amqp" else {
            throw AMQPError(.invalidURL, "URL must start with amqp:// (amqps is not supported)")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user = "guest", password = "guest"
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = try Self.decode(parts[0])
            password = parts.count > 1 ? try Self.decode(parts[1]) : ""
        }
        var host = rest, port = 5672
        var portText: Substring?
        if rest.first == "[" {
            // An IPv6 literal: its colons are not the port separator, and the brackets are URL
            // syntax only (the socket layer wants the bare address).
            guard let close = rest.firstIndex(of: "]") else {
                throw AMQPError(.invalidURL, "IPv6 address is missing its closing ]")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let afterHost = rest[rest.index(after: close)...]
            if let colon = afterHost.first {
                guard colon == ":" else { throw AMQPError(.invalidURL, "only :port may follow an IPv6 address") }
                portText = afterHost.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        }
        if let portText {
            guard let p = Int(portText), (1...65535).contains(p) else {
                throw AMQPError(.invalidURL, "port must be a number from 1 to 65535")
            }
            port = p
        }
        guard !host.isEmpty else { throw AMQPError(.invalidURL, "host is missing") }
        var heartbeat = 30
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == "heartbeat" {
                guard let h = Int(kv[1]), h >= 0 else { throw AMQPError(.invalidURL, "heartbeat must be seconds ≥ 0") }
                heartbeat = h
            }
        }
        self.init(host: String(host), port: port, user: user, password: password,
                  vhost: path.isEmpty ? "/" : try Self.decode(path), heartbeatSeconds: heartbeat)
    }

    /// The URL with the password masked (an IPv6 host back in brackets).
    public var description: String {
        let authority = host.contains(":") ? "[\(host)]" : host
        return "amqp://\(user):***@\(authority):\(port)/\(vhost == "/" ? "%2F" : vhost)"
    }

    private static func decode(_ part: Substring) throws(AMQPError) -> String {
        guard let decoded = String(part).removingPercentEncodingStrict() else {
            throw AMQPError(.invalidURL, "malformed percent-encoding")
        }
        return decoded
    }
}

extension String {
    /// Percent-decoding without Foundation: nil when a `%` is not followed by two hex digits.
    func removingPercentEncodingStrict() -> String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let hi = iterator.next().flatMap(Self.hexValue), let lo = iterator.next().flatMap(Self.hexValue) else {
                    return nil
                }
                bytes.append(hi << 4 | lo)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
