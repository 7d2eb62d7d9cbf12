import Foundation

/// Turns camera and source names into safe folder names.
///
/// A safe name has no `/`, `\`, NUL, control or bidirectional-override characters, none of
/// `<>:"|?*` (so the folders survive a copy to Windows or an SMB share), no leading or trailing
/// dots or spaces, is not `.`/`..` or a Windows device name (`CON`, `NUL`, `COM1`, …), is NFC,
/// and is at most ``maxBytes`` bytes of UTF-8, cut only between letters (a Vietnamese letter with
/// its marks is never split). ``assign(_:)`` also makes the names of one folder distinct, even
/// on file systems that ignore case or Unicode normalization.
public enum FolderName {
    /// Upper bound in bytes. The downloader names files `<folder>_<start>_<end>.mp4` (+ `.part`),
    /// 43 more bytes, and file systems allow 255.
    public static let maxBytes = 120

    /// The safe form of one name; `fallback` when nothing usable is left.
    public static func sanitize(_ name: String, fallback: String = "camera", maxBytes: Int = FolderName.maxBytes) -> String {
        var s = ""
        var lastWasReplacement = false
        for u in name.precomposedStringWithCanonicalMapping.unicodeScalars {
            if isForbidden(u) {
                if !lastWasReplacement { s.unicodeScalars.append("_") }
                lastWasReplacement = true
            } else {
                s.unicodeScalars.append(u)
                lastWasReplacement = false
            }
        }
        s = trimDotsAndSpaces(s)
        if s.isEmpty || s == "." || s == ".." || s.allSatisfy({ $0 == "_" }) && !name.contains("_") {
            s = fallback
        }
        s = truncate(s, maxBytes: maxBytes)
        if isWindowsReserved(s) {
            s = truncate(s, maxBytes: maxBytes - 1)
            if let dot = s.firstIndex(of: ".") { s.insert("_", at: dot) } else { s += "_" }
        }
        return s.isEmpty ? fallback : s
    }

    /// Safe, distinct folder names for names that share one parent folder, in the same order.
    /// A later name that collides with an earlier one (after sanitizing, case folding and
    /// Unicode normalization) gets ` (2)`, ` (3)`, … within the byte bound.
    /// - Parameter reserved: names already in use in that folder (compared the same way).
    public static func assign(_ names: [String], reserved: [String] = [], fallback: String = "camera",
                              maxBytes: Int = FolderName.maxBytes) -> [String] {
        var taken = Set(reserved.map(foldKey))
        var out: [String] = []
        for name in names {
            let base = sanitize(name, fallback: fallback, maxBytes: maxBytes)
            var candidate = base
            var n = 2
            while taken.contains(foldKey(candidate)) {
                let suffix = " (\(n))"
                candidate = trimDotsAndSpaces(truncate(base, maxBytes: maxBytes - suffix.utf8.count)) + suffix
                n += 1
            }
            taken.insert(foldKey(candidate))
            out.append(candidate)
        }
        return out
    }

    /// The form two names are compared in: NFC, then case-folded and width-folded.
    public static func foldKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
    }

    /// Whether `name` is already a safe folder name (what ``sanitize(_:fallback:maxBytes:)`` keeps as is).
    public static func isSafe(_ name: String) -> Bool {
        sanitize(name, fallback: "") == name && !name.isEmpty
    }

    // MARK: - Rules

    static func isForbidden(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "/", "\\", "<", ">", ":", "\"", "|", "?", "*": return true
        case "\u{200E}", "\u{200F}", "\u{202A}" ... "\u{202E}", "\u{2066}" ... "\u{2069}", "\u{FEFF}": return true
        default: break
        }
        switch u.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: return true
        default: return false
        }
    }

    static func trimDotsAndSpaces(_ s: String) -> String {
        var scalars = Substring(s)
        while let f = scalars.first, f == "." || f.isWhitespace { scalars = scalars.dropFirst() }
        while let l = scalars.last, l == "." || l.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// Cuts at a letter (grapheme) boundary so the UTF-8 form fits `maxBytes`; trims again after.
    static func truncate(_ s: String, maxBytes: Int) -> String {
        guard s.utf8.count > maxBytes else { return s }
        var out = ""
        var bytes = 0
        for ch in s {
            let n = String(ch).utf8.count
            if bytes + n > maxBytes { break }
            out.append(ch)
            bytes += n
        }
        return trimDotsAndSpaces(out)
    }

    static let reservedDeviceNames: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
        for i in 0 ... 9 {
            names.insert("COM\(i)"); names.insert("LPT\(i)")
        }
        for sup in ["¹", "²", "³"] {
            names.insert("COM\(sup)"); names.insert("LPT\(sup)")
        }
        return names
    }()

    /// `CON`, `con.txt`, `Nul ` … : Windows refuses these whatever the extension.
    static func isWindowsReserved(_ s: String) -> Bool {
        let stem = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? s
        return reservedDeviceNames.contains(stem.trimmingCharacters(in: .whitespaces).uppercased())
    }
}
