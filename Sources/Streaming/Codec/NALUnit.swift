/// NAL unit helpers shared by both codecs.
public enum NALUnit {
    /// The RBSP of a NAL unit: emulation prevention bytes (00 00 03) removed.
    public static func rbsp(_ nal: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(nal.count)
        var zeros = 0
        for b in nal {
            if zeros >= 2 && b == 3 { zeros = 0; continue }
            out.append(b)
            zeros = b == 0 ? zeros + 1 : 0
        }
        return out
    }

    /// Splits an Annex B byte stream (NAL units after 00 00 01 or 00 00 00 01 start codes).
    /// Bytes without any start code are returned as one NAL unit (tolerant SDP parsing).
    public static func splitAnnexB(_ bytes: [UInt8]) -> [[UInt8]] {
        var starts: [(Int, Int)] = []  // (start code position, payload start)
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0, bytes[i + 1] == 0, bytes[i + 2] == 1 {
                let sc = i > 0 && bytes[i - 1] == 0 ? i - 1 : i
                starts.append((sc, i + 3))
                i += 3
            } else {
                i += 1
            }
        }
        if starts.isEmpty { return bytes.isEmpty ? [] : [bytes] }
        var out: [[UInt8]] = []
        if starts[0].0 > 0 { out.append(Array(bytes[0..<starts[0].0])) }
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].0 : bytes.count
            if end > s.1 { out.append(Array(bytes[s.1..<end])) }
        }
        return out
    }
}
