/// An error a user can meet. Its description is one clear, actionable sentence in the
/// current language that names what to check; it never contains a password.
public protocol UserFacingError: Error, CustomStringConvertible, Sendable {
    /// The sentence in both languages.
    var message: Localized { get }
    /// True when the user typed something unusable (a command ends with exit status 64), false
    /// when something outside went wrong (exit status 1). False unless a type says otherwise.
    var isBadInput: Bool { get }
}

extension UserFacingError {
    public var isBadInput: Bool { false }
    public var description: String { message.text() }
    public func text(_ lang: Language) -> String { message.text(lang) }
}

/// A user-facing error with only a message, for places that need no richer type.
public struct PlainError: UserFacingError, Equatable {
    public let message: Localized
    public init(_ message: Localized) { self.message = message }
    public init(vi: String, en: String) { self.message = Localized(vi: vi, en: en) }
}
