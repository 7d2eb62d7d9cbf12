/// The body of the `oversized` snapshot fault: a real JPEG made about 12 MB long with comment
/// (COM) segments between its start marker and the rest, so it starts like a picture, is one,
/// and is far over any sane size cap (clients cap at about 8 MB). Streamed, never built whole.
enum OversizedSnapshot {
    /// Bytes of padding at least.
    static let paddingBytes = 12 * 1024 * 1024

    /// One COM segment: FF FE, the length 65535 (it counts itself), then 65533 bytes of text.
    static let segment: [UInt8] = {
        let text = Array("VTrack simulator: an oversized snapshot. ".utf8)
        var s: [UInt8] = [0xFF, 0xFE, 0xFF, 0xFF]
        s.reserveCapacity(65537)
        while s.count < 65537 { s.append(text[(s.count - 4) % text.count]) }
        return s
    }()

    /// `jpeg` (which starts with FF D8) padded past `paddingBytes`.
    static func stream(jpeg: [UInt8]) -> SimHTTPBodyStream {
        let segments = (paddingBytes + segment.count - 1) / segment.count
        let rest = Array(jpeg.dropFirst(2))
        return SimHTTPBodyStream(length: 2 + segments * segment.count + rest.count) { index in
            switch index {
            case 0: return [0xFF, 0xD8]
            case 1...segments: return segment
            case segments + 1: return rest
            default: return nil
            }
        }
    }
}
