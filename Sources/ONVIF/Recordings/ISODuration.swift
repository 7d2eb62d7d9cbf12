import Foundation

/// xs:duration values as ONVIF uses them (`PT5S`, `PT1M30S`, `P1DT2H`, `PT0.5S`).
public enum ISODuration {
    /// Seconds of a duration; nil when unreadable. Months count 30 days and years 365.
    public static func seconds(_ text: String) -> Double? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        var sign = 1.0
        if s.hasPrefix("-") { sign = -1; s = s.dropFirst() }
        guard s.hasPrefix("P") else { return nil }
        s = s.dropFirst()
        var total = 0.0, number = "", inTime = false, any = false
        for c in s {
            if c.isNumber || c == "." || c == "," { number.append(c == "," ? "." : c); continue }
            if c == "T" { inTime = true; continue }
            guard let v = Double(number) else { return nil }
            number = ""
            any = true
            switch (c, inTime) {
            case ("Y", false): total += v * 365 * 86_400
            case ("M", false): total += v * 30 * 86_400
            case ("W", false): total += v * 7 * 86_400
            case ("D", false): total += v * 86_400
            case ("H", true): total += v * 3600
            case ("M", true): total += v * 60
            case ("S", true): total += v
            default: return nil
            }
        }
        return any && number.isEmpty ? sign * total : nil
    }

    /// `PT5S`, `PT0.500S`: whole or fractional seconds.
    public static func text(seconds: Double) -> String {
        let s = max(0, seconds)
        if s == s.rounded() { return "PT\(Int(s))S" }
        return "PT" + String(format: "%.3f", s) + "S"
    }
}
