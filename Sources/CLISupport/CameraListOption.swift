import Foundation

/// `--cameras A,B` (`recordings`, `download`): camera names separated by commas, each trimmed.
public enum CameraListOption {
    /// The names; nil when the option was not given; empty when it was given with no name in it
    /// (`--cameras ""`, `--cameras ,`), which the commands refuse as bad usage (never "the saved
    /// selection").
    public static func names(_ option: String?) -> [String]? {
        guard let option else { return nil }
        return option.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
