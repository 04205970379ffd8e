import AMQP
import Testing

@Suite("AMQPURL parsing")
struct AMQPURLTests {
    @Test("a bare host gets every default")
    func defaults() throws {
        let url = try AMQPURL(parsing: "amqp://broker.local")
        #expect(url == AMQPURL(host: "broker.local"))
        #expect(url.port == 5672)
        #expect(url.user == "guest")
        #expect(url.password == "guest")
        #expect(url.vhost == "/")
        #expect(url.heartbeatSeconds == 30)
    }

    @Test("every part given")
    func allParts() throws {
        let url = try AMQPURL(parsing: "amqp://pumpurs:s3cret@10.0.0.5:5673/pumpurs?heartbeat=10")
        #expect(url == AMQPURL(host: "10.0.0.5", port: 5673, user: "pumpurs", password: "s3cret",
                               vhost: "pumpurs", heartbeatSeconds: 10))
    }

    // The path after the authority's slash is the vhost name, percent-decoded (RabbitMQ's URI spec):
    // `/pumpurs` names the vhost "pumpurs" (what deploy/local creates), `%2F` the default vhost "/".
    @Test("vhost from the path", arguments: [
        ("amqp://h/pumpurs", "pumpurs"),
        ("amqp://h/%2F", "/"),
        ("amqp://h/%2f", "/"),
        ("amqp://h/%2Fpumpurs", "/pumpurs"),
        ("amqp://h/", "/"),
        ("amqp://h", "/"),
        ("amqp://h:5672/dev%20box", "dev box"),
    ])
    func vhost(text: String, expected: String) throws {
        #expect(try AMQPURL(parsing: text).vhost == expected)
    }

    @Test("user and password are percent-decoded", arguments: [
        ("amqp://u:p%40ss@h", "u", "p@ss"),
        ("amqp://u:p%3Ass%2F%3F@h", "u", "p:ss/?"),
        ("amqp://us%65r:x@h", "user", "x"),
        ("amqp://u:a:b@h", "u", "a:b"),          // only the first colon separates user from password
        ("amqp://u:p@ss@h", "u", "p@ss"),       // the last @ ends the credentials
        ("amqp://u@h", "u", ""),                 // a user without a password means an empty password
        ("amqp://u:@h", "u", ""),
        ("amqp://u:%C4%81%C5%BE@h", "u", "āž"),   // UTF-8
    ])
    func credentials(text: String, user: String, password: String) throws {
        let url = try AMQPURL(parsing: text)
        #expect(url.user == user)
        #expect(url.password == password)
        #expect(url.host == "h")
    }

    @Test("heartbeat from the query; other parameters ignored", arguments: [
        ("amqp://h?heartbeat=10", 10),
        ("amqp://h/?heartbeat=0", 0),
        ("amqp://h/pumpurs?channel_max=5&heartbeat=60", 60),
        ("amqp://h/pumpurs?frame_max=131072", 30),
    ])
    func heartbeat(text: String, expected: Int) throws {
        #expect(try AMQPURL(parsing: text).heartbeatSeconds == expected)
    }

    @Test("ports in range are accepted", arguments: [("amqp://h:1", 1), ("amqp://h:65535", 65535), ("amqp://u:p@h:5671/", 5671)])
    func goodPorts(text: String, port: Int) throws {
        #expect(try AMQPURL(parsing: text).port == port)
    }

    @Test("refused URLs", arguments: [
        "amqp://h:0", "amqp://h:65536", "amqp://h:", "amqp://h:abc", "amqp://h:-1", "amqp://h:99999999999999999999",  // port
        "amqp://", "amqp://u:p@", "amqp://:5672", "amqp:///pumpurs", "amqp://u:p@:5672/x",                          // host
        "amqps://h", "http://h", "h:5672", "", "amqp:/h", "AMQPS://h",                                              // scheme
        "amqp://u:p%4@h", "amqp://u:p%zz@h", "amqp://h/%", "amqp://%FF:p@h",                                        // percent-encoding
        "amqp://h?heartbeat=-1", "amqp://h?heartbeat=soon",                                                         // heartbeat
    ])
    func refused(text: String) {
        let error = #expect(throws: AMQPError.self) { try AMQPURL(parsing: text) }
        #expect(error?.code == .invalidURL)
    }

    @Test("amqps is refused with a message saying so")
    func amqpsMessage() {
        let error = #expect(throws: AMQPError.self) { try AMQPURL(parsing: "amqps://u:p@h:5671/") }
        #expect(error?.code == .invalidURL)
        #expect(error?.message.contains("amqps") == true)
    }

    @Test("description masks the password", arguments: [
        "amqp://pumpurs:Sup3r-Secr3t@127.0.0.1:5672/pumpurs",
        "amqp://admin:p%40ssw0rd!@broker:5673/%2F",
        "amqp://u:Zq9xWv7@h",
    ])
    func descriptionHidesPassword(text: String) throws {
        let url = try AMQPURL(parsing: text)
        #expect(!url.password.isEmpty)
        #expect(!url.description.contains(url.password))
        #expect(!String(describing: url).contains(url.password))
        #expect(!"\(url)".contains(url.password))
        #expect(url.description.contains("***"))
        #expect(url.description.contains(url.host))
        #expect(url.description.contains(":\(url.port)/"))
    }

    @Test("description spells the default vhost as %2F and names others as they are")
    func descriptionVhost() throws {
        #expect(try AMQPURL(parsing: "amqp://u:x@h/%2F").description == "amqp://u:***@h:5672/%2F")
        #expect(try AMQPURL(parsing: "amqp://u:x@h:5673/pumpurs").description == "amqp://u:***@h:5673/pumpurs")
    }

    @Test("an IPv6 literal with a port")
    func ipv6WithPort() throws {
        let url = try AMQPURL(parsing: "amqp://u:p@[::1]:5673/pumpurs")
        #expect(url.port == 5673)
        #expect(url.vhost == "pumpurs")
        // The brackets are URL syntax: getaddrinfo (rabbitmq-c's socket open) wants the bare address.
        #expect(url.host == "::1")
    }

    // The colons inside the brackets are not the port separator.
    @Test("an IPv6 literal without a port")
    func ipv6WithoutPort() throws {
        let url = try AMQPURL(parsing: "amqp://u:p@[::1]/pumpurs")
        #expect(url.host == "::1")
        #expect(url.port == 5672)
    }

    @Test("IPv6 literals: host without brackets, default port, and the brackets back in description", arguments: [
        ("amqp://[::1]/x", "::1", 5672, "amqp://guest:***@[::1]:5672/x"),
        ("amqp://user:pw@[::1]:5673/v", "::1", 5673, "amqp://user:***@[::1]:5673/v"),
        ("amqp://[fe80::1%25eth0]", "fe80::1%25eth0", 5672, "amqp://guest:***@[fe80::1%25eth0]:5672/%2F"),
        ("amqp://[2001:db8::42]:5671?heartbeat=5", "2001:db8::42", 5671, "amqp://guest:***@[2001:db8::42]:5671/%2F"),
    ])
    func ipv6(text: String, host: String, port: Int, description: String) throws {
        let url = try AMQPURL(parsing: text)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.description == description)
    }

    @Test("malformed IPv6 literals are refused", arguments: [
        "amqp://[::1", "amqp://[]:5672", "amqp://[]", "amqp://[::1]x", "amqp://[::1]:", "amqp://[::1]:0", "amqp://[::1]:port",
    ])
    func ipv6Refused(text: String) {
        let error = #expect(throws: AMQPError.self) { try AMQPURL(parsing: text) }
        #expect(error?.code == .invalidURL)
    }
}
