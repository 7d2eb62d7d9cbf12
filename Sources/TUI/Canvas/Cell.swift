/// One terminal cell: a grapheme and its style.
///
/// A wide glyph (CJK, most emoji) occupies two cells: the first holds the glyph with
/// `isWide` set, the second is a *continuation* cell (`text` empty) that backends skip.
public struct Cell: Sendable, Equatable {
    /// One grapheme (base letter plus combining marks), or `""` for a continuation cell.
    public var text: String
    public var style: Style
    /// The glyph spans this cell and the next.
    public var isWide: Bool

    public init(_ text: String = " ", style: Style = .plain, isWide: Bool = false) {
        self.text = text; self.style = style; self.isWide = isWide
    }

    /// The right half of a wide glyph.
    public var isContinuation: Bool { text.isEmpty }

    public static let blank = Cell()
}
