import Common

/// Why a picture could not be read, scaled, encoded or drawn: one sentence (vi/en).
public struct PictureError: UserFacingError, Equatable {
    public let message: Localized
    public init(_ message: Localized) { self.message = message }
    public init(vi: String, en: String) { self.message = Localized(vi: vi, en: en) }
}
