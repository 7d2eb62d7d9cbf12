import ArgumentParser
import Common
import Foundation

/// The one check of every numeric option: a finite number within a sane range, else one
/// sentence (vi/en) on standard error and exit status 64. Call it in `run()` after
/// `global.apply()`, so the sentence is in the chosen language.
///
/// argument-parser reads `nan`, `inf` and `1e308` as valid `Double`s; converted to whole
/// milliseconds they trap ("Double value cannot be converted to Int"), and 0 or a negative
/// timeout means "wait forever" to libcurl and poll(): so none of them gets past this check.
public enum NumberOption {
    /// Request and stall timeouts: 0.1 s to 10 minutes.
    public static let timeoutSeconds: ClosedRange<Double> = 0.1...600
    /// A recording's length: 0.1 s to a week.
    public static let durationSeconds: ClosedRange<Double> = 0.1...604_800

    /// `value` when it is finite and in `range`; otherwise refuses the command.
    @discardableResult
    public static func seconds(_ value: Double, option: String, in range: ClosedRange<Double> = timeoutSeconds) throws -> Double {
        if let refusal = refusal(seconds: value, option: option, in: range) { Usage.refuse(refusal) }
        return value
    }

    /// The sentence that refuses `value` for `option`, or nil when it is finite and in `range`.
    public static func refusal(seconds value: Double, option: String, in range: ClosedRange<Double> = timeoutSeconds) -> Localized? {
        guard value.isFinite, range.contains(value) else {
            return Localized(vi: "\(option) phải là số giây từ \(text(range.lowerBound)) đến \(text(range.upperBound)), không phải \(text(value)).",
                             en: "\(option) must be a number of seconds from \(text(range.lowerBound)) to \(text(range.upperBound)), not \(text(value)).")
        }
        return nil
    }

    /// `value` when it is in `range`; otherwise refuses the command.
    @discardableResult
    public static func count(_ value: Int, option: String, in range: ClosedRange<Int>) throws -> Int {
        if let refusal = refusal(count: value, option: option, in: range) { Usage.refuse(refusal) }
        return value
    }

    /// The sentence that refuses `value` for `option`, or nil when it is in `range`.
    public static func refusal(count value: Int, option: String, in range: ClosedRange<Int>) -> Localized? {
        guard range.contains(value) else {
            return Localized(vi: "\(option) phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound), không phải \(value).",
                             en: "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(value).")
        }
        return nil
    }

    /// `0.1`, `600`, `nan`, `inf`, `1e+308`: short and exact enough for a sentence.
    static func text(_ v: Double) -> String { String(format: "%g", v) }
}

/// Bad usage of a command, refused before anything is touched.
public enum Usage {
    /// Prints `vtrack: <sentence>` on standard error and exits 64 (bad usage).
    public static func refuse(_ message: Localized) -> Never {
        FileHandle.standardError.write(Data("vtrack: \(message.text())\n".utf8))
        exit(64)
    }
}
