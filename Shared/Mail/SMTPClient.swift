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

    /// Creates a configuration.
    public init(url: String, requireTLS: Bool = false, username: String? = nil, password: String? = nil, timeoutSeconds: Int = 20) {
        self.url = url
        self.requireTLS = requireTLS
        self.username = username
        self.password = password
        self.timeoutSeconds = timeoutSeconds
    }
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
        let recipients = recipientAddresses.map(\.value)
        let configuration = self.configuration
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .utility).async {
                do {
                    try Self.perform(bytes, from: envelopeFrom.value, to: recipients, configuration: configuration)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// The upload's state, read by curl's read callback.
    private final class Upload {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    private static func perform(_ bytes: [UInt8], from: String, to recipients: [String], configuration: SMTPConfiguration) throws(SMTPError) {
        guard let handle = curl_easy_init() else { throw SMTPError(replyCode: 0, message: "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
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
        if configuration.requireTLS { pumpurs_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
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
