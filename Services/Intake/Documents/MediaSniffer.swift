import Foundation

/// Recognises the document types the programme accepts by their content, not by what the
/// client claims: PDF (`%PDF-`), PNG (the 8-byte signature) and JPEG (`FF D8 FF`).
enum MediaSniffer {
    /// The accepted media types.
    static let accepted: Set<String> = ["application/pdf", "image/jpeg", "image/png"]

    /// The media type the bytes really are, or `nil` when they are none of the accepted ones.
    static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.count > 3, bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// The media type named by a `Content-Type` header, without parameters, lower-cased.
    static func declared(_ header: String?) -> String? {
        header.map { $0.split(separator: ";").first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
