/// A picture drawn with terminal pixel graphics (sixel or kitty) over a rectangle of cells.
/// The cell buffer keeps blank cells there; the backend writes the picture after the cells,
/// only when a placement is new or has moved, and clears what is no longer placed.
public struct PicturePlacement: Sendable, Equatable {
    public var rect: Rect
    public var picture: ShownPicture

    public init(rect: Rect, picture: ShownPicture) { self.rect = rect; self.picture = picture }
}
