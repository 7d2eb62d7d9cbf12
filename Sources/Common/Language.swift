import Foundation
import Synchronization

/// The two languages every user-facing sentence exists in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// `vi` when LC_ALL / LC_MESSAGES / LANG starts with `vi`, otherwise `en`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty {
                return v.lowercased().hasPrefix("vi") ? .vi : .en
            }
        }
        return .en
    }

    private static let setting = Mutex<Language>(Language.fromEnvironment())

    /// The process-wide language used by `description` of user-facing errors.
    public static var current: Language {
        get { setting.withLock { $0 } }
        set { setting.withLock { $0 = newValue } }
    }
}

/// One sentence in Vietnamese and English.
public struct Localized: Sendable, Hashable, Codable, CustomStringConvertible {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ lang: Language = Language.current) -> String {
        lang == .vi ? vi : en
    }

    public var description: String { text() }
}
