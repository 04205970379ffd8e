import Foundation
import HTTPTypes

/// Recognises the document types the programme accepts by their content, not by what the
/// client claims: PDF (`%PDF-`), PNG (the 8-byte signature) and JPEG (`FF D8 FF`). Intake's
/// evidence and consent documents and payouts' receipts share it.
public enum MediaSniffer {
    /// The accepted media types.
    public static let accepted: Set<String> = ["application/pdf", "image/jpeg", "image/png"]

    /// The media type the bytes really are, or `nil` when they are none of the accepted ones.
    public static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.count > 3, bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return nil
    }

    /// The media type named by a `Content-Type` header, without parameters, lower-cased.
    public static func declared(_ header: String?) -> String? {
        header.map { $0.split(separator: ";").first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The accepted media type of `bytes`, or a 415 problem (not PDF/JPEG/PNG) or a 400 naming
    /// `declaredField` when the client declared another type than the content is.
    public static func require(_ bytes: [UInt8], declared declaredType: String?, field: String = "(body)",
                               declaredField: String = "Content-Type") throws -> String {
        guard let actual = mediaType(of: bytes) else {
            throw ProblemDetails(status: .unsupportedMediaType, type: "urn:pumpurs:problem:unsupported-document",
                                 title: "Neatbalstīts dokuments / Unsupported document",
                                 detail: "Pieņem tikai PDF, JPEG vai PNG. / Only PDF, JPEG or PNG are accepted.",
                                 errors: [.init(field: field, rule: "document.content_type",
                                                message: "Saturs nav PDF, JPEG vai PNG.", messageEn: "The content is not PDF, JPEG or PNG.")])
        }
        if let declaredType, declaredType != "application/octet-stream", declaredType != actual {
            throw CommonProblems.invalidField(declaredField, "document.content_type_mismatch",
                                              lv: "\(declaredField) neatbilst faila saturam (\(actual)).",
                                              en: "\(declaredField) does not match the file's content (\(actual)).")
        }
        return actual
    }
}
