/// One terminal cell of a picture drawn with symbols: a glyph with a foreground and a
/// background colour (24-bit; a backend maps them to what the terminal has). With
/// `ColorDepth.none` both colours are nil and the glyph is an ASCII shade.
public struct PictureCell: Sendable, Equatable, Hashable {
    public var text: String
    public var fg: RGB?
    public var bg: RGB?
    public init(text: String, fg: RGB?, bg: RGB?) { self.text = text; self.fg = fg; self.bg = bg }

    /// A blank cell: a space with no colours (the terminal's own background).
    public static let blank = PictureCell(text: " ", fg: nil, bg: nil)
}
