import CCurl
import Foundation

/// Where and how to send: `smtp://host:port` (optionally STARTTLS) or `smtps://host:port`
/// (implicit TLS), with optional credentials.
public struct SMTPConfiguration: Sendable {
    /// Server URL.
    public var url: String
    /// Require STARTTLS on an `smtp://` URL (refuse to send in the clear).
    public var requireTLS: Bool
    /// User name (secret store), if the server wants AUTH.
    public var username: String?
    /// Password, if the server wants AUTH.
    public var password: String?
    /// Seconds for connect and for the whole transaction.
    public var timeoutSeconds: Int
    /// Send credentials over a connection without TLS (an operator's explicit choice, e.g. a
    /// relay on the same host); otherwise credentials need `smtps://` or STARTTLS required.
    public var allowPlaintextAuth: Bool

    /// Creates a configuration.
    public init(url: String, requireTLS: Bool = false, username: String? = nil, password: String? = nil, timeoutSeconds: Int = 20,
                allowPlaintextAuth: Bool = false) {
        self.url = url
        self.requireTLS = requireTLS
        self.username = username
        self.password = password
        self.timeoutSeconds = timeoutSeconds
        self.allowPlaintextAuth = allowPlaintextAuth
    }

    /// Whether a user name or password is configured (either makes libcurl try SMTP AUTH).
    public var hasCredentials: Bool { !(username ?? "").isEmpty || !(password ?? "").isEmpty }

    /// Whether the URL asks for TLS from the first byte.
    public var isImplicitTLS: Bool { url.lowercased().hasPrefix("smtps://") }

    /// Why these settings would send credentials in the clear, or nil when they do not: with
    /// credentials, the connection must be `smtps://` or require STARTTLS, unless
    /// `allowPlaintextAuth`. Never mentions the credentials themselves.
    public var credentialsRefusal: String? {
        guard hasCredentials, !isImplicitTLS, !requireTLS, !allowPlaintextAuth else { return nil }
        return "SMTP credentials would be sent over a plaintext connection: use an smtps:// URL or PUMPURS_SMTP_STARTTLS=require, "
            + "or set PUMPURS_SMTP_ALLOW_PLAINTEXT_AUTH=1 to allow it explicitly"
    }

    /// Whether the client insists on TLS (libcurl `CURLUSESSL_ALL`): when asked to, and whenever
    /// credentials would otherwise travel in the clear, so a configuration that skipped the
    /// start-up check still never sends AUTH without TLS.
    public var forcesTLS: Bool { requireTLS || (hasCredentials && !isImplicitTLS && !allowPlaintextAuth) }
}

/// A send that failed: the SMTP reply code when there was one, and what curl and the server said.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// SMTP reply code (0 when the server was not reached).
    public var replyCode: Int
    /// Curl's message and the server's reply text.
    public var message: String
    /// Whether trying again later may succeed (no connection, 4xx); 5xx replies are permanent.
    public var isTransient: Bool { !(500...599).contains(replyCode) }
    public var description: String { "SMTP \(replyCode == 0 ? "not reached" : String(replyCode)): \(message)" }
}

/// One mail for a session: the rendered message and its SMTP envelope.
public struct SMTPEnvelope: Sendable {
    /// The rendered message (`MailMessage.rendered()`).
    public var bytes: [UInt8]
    /// MAIL FROM.
    public var from: EmailAddress
    /// RCPT TO, exactly these.
    public var to: [EmailAddress]

    /// Creates an envelope.
    public init(bytes: [UInt8], from: EmailAddress, to: [EmailAddress]) {
        self.bytes = bytes
        self.from = from
        self.to = to
    }
}

/// What a session did: one outcome per envelope tried, in order, and how many connections it
/// opened (1 when every mail went over the same connection). A session stops at the first mail
/// that could not reach the server, so `outcomes` may be shorter than the envelopes: the rest
/// were not tried.
public struct SMTPSessionReport: Sendable {
    /// Per envelope tried: sent, or the server's refusal / the transport failure.
    public var outcomes: [Result<Void, SMTPError>]
    /// New connections made (libcurl's CURLINFO_NUM_CONNECTS summed over the transfers).
    public var connectionsOpened: Int
}

/// Sends mail with libcurl. Each send runs on a dispatch thread (curl blocks), never on Swift's
/// cooperative pool. libcurl performs the SMTP transparency procedure (RFC 5321 §4.5.2 dot-stuffing)
/// on the data it uploads.
public struct SMTPClient: Sendable {
    let configuration: SMTPConfiguration

    /// Creates a client.
    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
        _ = Self.globalInit
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Sends `message` from `envelopeFrom` to exactly `message.to`.
    public func send(_ message: MailMessage, envelopeFrom: EmailAddress) async throws {
        try await send(raw: try message.rendered(), envelopeFrom: envelopeFrom, to: message.to.map(\.address))
    }

    /// Sends an already rendered message to exactly `recipients` (the SMTP envelope).
    public func send(raw bytes: [UInt8], envelopeFrom: EmailAddress, to recipientAddresses: [EmailAddress]) async throws {
        let report = await send(session: [SMTPEnvelope(bytes: bytes, from: envelopeFrom, to: recipientAddresses)])
        try report.outcomes[0].get()
    }

    /// Sends several mails one after another over one connection: libcurl keeps the connection
    /// of a handle between its transfers (a new MAIL FROM on the same session), so a batch pays for
    /// one connect, greeting (and TLS handshake) instead of one per mail. A mail the server
    /// refuses does not stop the others; a mail that cannot reach the server (refused, timed out,
    /// dropped) ends the session, so an unreachable or hanging server costs one timeout, not one
    /// per mail.
    public func send(session envelopes: [SMTPEnvelope]) async -> SMTPSessionReport {
        guard !envelopes.isEmpty else { return SMTPSessionReport(outcomes: [], connectionsOpened: 0) }
        let configuration = self.configuration
        return await withCheckedContinuation { (continuation: CheckedContinuation<SMTPSessionReport, Never>) in
            DispatchQueue.global(qos: .utility).async {
                guard let handle = curl_easy_init() else {
                    let failure = SMTPError(replyCode: 0, message: "curl_easy_init failed")
                    continuation.resume(returning: SMTPSessionReport(outcomes: envelopes.map { _ in .failure(failure) }, connectionsOpened: 0))
                    return
                }
                defer { curl_easy_cleanup(handle) }
                var outcomes: [Result<Void, SMTPError>] = []
                var opened = 0
                for envelope in envelopes {
                    var connects = 0
                    do throws(SMTPError) {
                        try Self.perform(on: handle, envelope.bytes, from: envelope.from.value, to: envelope.to.map(\.value),
                                         configuration: configuration)
                        outcomes.append(.success(()))
                    } catch {
                        outcomes.append(.failure(error))
                    }
                    pumpurs_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
                    opened += connects
                    if case .failure(let error) = outcomes.last, error.replyCode == 0 { break }
                }
                continuation.resume(returning: SMTPSessionReport(outcomes: outcomes, connectionsOpened: opened))
            }
        }
    }

    /// The upload's state, read by curl's read callback.
    private final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// One transfer on `handle`. `curl_easy_reset` clears the previous transfer's options but
    /// keeps the handle's live connection, which is what lets a session reuse it.
    private static func perform(on handle: UnsafeMutableRawPointer, _ bytes: [UInt8], from: String, to recipients: [String],
                                configuration: SMTPConfiguration) throws(SMTPError) {
        curl_easy_reset(handle)
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        let upload = Upload(bytes)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        let read: pumpurs_curl_io_callback = { buffer, size, count, user in
            guard let buffer, let user else { return 0 }
            let upload = Unmanaged<Upload>.fromOpaque(user).takeUnretainedValue()
            let n = min(size * count, upload.bytes.count - upload.offset)
            guard n > 0 else { return 0 }
            upload.bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + upload.offset, byteCount: n)
            }
            upload.offset += n
            return n
        }
        let unmanaged = Unmanaged.passRetained(upload)
        defer { unmanaged.release() }
        pumpurs_curl_setopt_string(handle, CURLOPT_URL, configuration.url)
        pumpurs_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>")
        pumpurs_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list)
        pumpurs_curl_setopt_long(handle, CURLOPT_UPLOAD, 1)
        pumpurs_curl_setopt_callback(handle, CURLOPT_READFUNCTION, read)
        pumpurs_curl_setopt_pointer(handle, CURLOPT_READDATA, unmanaged.toOpaque())
        pumpurs_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, configuration.timeoutSeconds)
        pumpurs_curl_setopt_long(handle, CURLOPT_TIMEOUT, configuration.timeoutSeconds * 3)
        pumpurs_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        pumpurs_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        if configuration.forcesTLS { pumpurs_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
        if let username = configuration.username { pumpurs_curl_setopt_string(handle, CURLOPT_USERNAME, username) }
        if let password = configuration.password { pumpurs_curl_setopt_string(handle, CURLOPT_PASSWORD, password) }
        let result = curl_easy_perform(handle)
        guard result != CURLE_OK else { return }
        var code = 0
        pumpurs_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        let detail = String(cString: errorBuffer)
        let summary = String(cString: curl_easy_strerror(result))
        throw SMTPError(replyCode: code, message: detail.isEmpty ? summary : "\(summary): \(detail)")
    }
}
