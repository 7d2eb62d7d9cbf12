import ArgumentParser
import Foundation

/// A duration typed as `90s`, `10m`, `5m`, `24h`, `7d` or plain seconds (`600`).
struct DurationArgument: ExpressibleByArgument, Sendable, Equatable {
    let seconds: Double
    let text: String

    init(seconds: Double) {
        self.seconds = seconds
        text = "\(Int(seconds))s"
    }

    init?(argument: String) {
        let t = argument.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = t.last else { return nil }
        let factor: Double
        var number = String(t.dropLast())
        switch unit {
        case "s": factor = 1
        case "m": factor = 60
        case "h": factor = 3600
        case "d": factor = 86_400
        default:
            factor = 1
            number = t
        }
        guard let n = Double(number), n.isFinite, n >= 0 else { return nil }
        seconds = n * factor
        text = argument
    }
}

/// A size typed as `500M`, `10G`, `2T`, plain bytes, or a percentage of the disk (`10%`).
enum SizeArgument: ExpressibleByArgument, Sendable, Equatable {
    case bytes(Int64)
    case fraction(Double)

    init?(argument: String) {
        let t = argument.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "IB", with: "").replacingOccurrences(of: "B", with: "")
        if t.hasSuffix("%") {
            guard let p = Double(t.dropLast()), p.isFinite, p >= 0, p < 100 else { return nil }
            self = .fraction(p / 100)
            return
        }
        let units: [Character: Double] = ["K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12]
        var factor = 1.0
        var number = t
        if let u = t.last, let f = units[u] {
            factor = f
            number = String(t.dropLast())
        }
        guard let n = Double(number), n.isFinite, n >= 0, n * factor < 9e18 else { return nil }
        self = .bytes(Int64(n * factor))
    }
}
