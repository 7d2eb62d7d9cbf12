/// What the first bytes of a snapshot body say it is. ONVIF does not decode pictures (Pictures
/// does); this only tells a picture from a web page or junk, to give the right sentence.
enum PictureMagic {
    /// JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A).
    static func isPicture(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return true }
        return bytes.count >= 8 && Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    }

    /// An HTML page: a `text/html` content type, or a body that starts (after blanks and a BOM)
    /// with `<!doctype`, `<html`, `<head`, `<body`, `<script` or `<?xml … <html`.
    static func isWebPage(_ bytes: [UInt8], contentType: String?) -> Bool {
        if let t = contentType?.lowercased(), t.contains("text/html") || t.contains("application/xhtml") { return true }
        var head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        head = String(head.drop { $0 == "\u{FEFF}" || $0.isWhitespace })
        guard head.hasPrefix("<") else { return false }
        return ["<!doctype html", "<html", "<head", "<body", "<script", "<meta", "<title"].contains { head.hasPrefix($0) }
            || head.contains("<html")
    }
}
