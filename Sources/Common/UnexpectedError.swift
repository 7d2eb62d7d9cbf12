import Foundation

extension Localized {
    /// The one sentence for an error that carries no sentence of its own (not a
    /// ``UserFacingError``): what it says, redacted — a URI's `user:password@` never shows.
    ///
    /// Every front and engine uses this one, so no place can forget the redaction.
    public static func unexpected(_ error: any Error) -> Localized {
        let detail = Redact.uri(String(describing: error))
        return Localized(vi: "Lỗi không mong đợi: \(detail). Hãy thử lại, và báo lại câu này nếu lỗi lặp lại.",
                         en: "Unexpected error: \(detail). Try again, and report this sentence if it happens again.")
    }
}
