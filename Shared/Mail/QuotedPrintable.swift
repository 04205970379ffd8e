/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies: readable in the raw message, safe
/// for 7-bit transport, lines at most 76 characters, CRLF line breaks.
public enum QuotedPrintable {
    public static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var lines: [String] = []
        let normalized = text.replacingCRLF()
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var out: [UInt8] = []
            var width = 0
            let bytes = Array(line.utf8)
            for (i, byte) in bytes.enumerated() {
                var piece: [UInt8]
                let isLast = i == bytes.count - 1
                if (byte == 0x20 || byte == 0x09) && !isLast {
                    piece = [byte]
                } else if (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=") {
                    piece = [byte]
                } else {
                    piece = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                }
                if width + piece.count > 75 {
                    out += Array("=\r\n".utf8)
                    width = 0
                }
                out += piece
                width += piece.count
            }
            lines.append(String(decoding: out, as: UTF8.self))
        }
        return lines.joined(separator: "\r\n")
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var out = ""
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { previousCR = true; out.append("\n"); continue }
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
