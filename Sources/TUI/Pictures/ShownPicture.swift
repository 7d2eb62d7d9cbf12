import Foundation
import Pictures
import Synchronization

/// A camera picture as the app holds it: the decoded pixels from an engine event, what is
/// known about them, and the drawings made of them (cells for one size and colour depth,
/// pixel-graphics strings), made once and kept with the picture. The whole grid is drawn every
/// frame; a picture is converted by chafa only when it or its tile size changes.
///
/// A reference type on purpose: the state keeps a picture by reference (the pixels are never
/// copied), two states hold "the same picture" only when they hold the same object, and the
/// drawings go away with the picture.
public final class ShownPicture: Sendable, Equatable, CustomStringConvertible {
    /// The pixels (at most 1280 wide for a snapshot; a live frame as decoded).
    public let picture: Picture
    /// The camera's picture size as taken (before any scaling for the app).
    public let width: Int
    public let height: Int
    /// When it was taken; nil for a live frame.
    public let takenAt: Date?
    /// Where it came from (snapshot URI, key frame, live stream), for the preview's line.
    public let origin: Origin

    /// Where a picture came from.
    public enum Origin: String, Sendable {
        case snapshot, keyFrame, live
    }

    private let drawings = Mutex<Drawings>(Drawings())

    private struct Drawings {
        /// The latest cell drawings by size and depth (a tile and the preview at most).
        var cells: [CellKey: CellImage] = [:]
        var pixels: [PixelKey: String] = [:]
    }

    private struct CellKey: Hashable { var columns: Int; var rows: Int; var depth: ColorDepth }
    private struct PixelKey: Hashable { var mode: GraphicsMode; var columns: Int; var rows: Int; var cellWidth: Int; var cellHeight: Int }

    public init(picture: Picture, width: Int? = nil, height: Int? = nil, takenAt: Date? = nil, origin: Origin = .snapshot) {
        self.picture = picture
        self.width = width ?? picture.width
        self.height = height ?? picture.height
        self.takenAt = takenAt
        self.origin = origin
    }

    /// `1920x1080`.
    public var resolution: String { "\(width)x\(height)" }

    public var description: String { "picture \(resolution) (\(origin.rawValue))" }

    public static func == (a: ShownPicture, b: ShownPicture) -> Bool { a === b }

    /// The picture drawn as `columns` x `rows` cells at `depth` (chafa's symbols through
    /// Pictures' `CellRenderer` for a still, half blocks for a live frame), made on first use and
    /// kept; at most a few sizes are kept.
    public func cells(columns: Int, rows: Int, depth: ColorDepth) -> CellImage {
        let key = CellKey(columns: columns, rows: rows, depth: depth)
        if let done = drawings.withLock({ $0.cells[key] }) { return done }
        // live frames come up to 10 a second: the plain half-block drawing (about 1 ms for the
        // full preview) instead of chafa's symbol search (about 25 ms), which stays for stills
        let made = origin == .live ? CellRenderer.halfBlocks(picture, columns: columns, rows: rows, depth: depth)
                                   : CellRenderer.render(picture, columns: columns, rows: rows, depth: depth)
        drawings.withLock { d in
            if d.cells.count >= 3 { d.cells.removeAll() }
            d.cells[key] = made
        }
        return made
    }

    /// How many cell drawings are kept now (tests check a frame is not converted again).
    public var cachedDrawings: Int { drawings.withLock { $0.cells.count + $0.pixels.count } }

    /// The picture as sixel or kitty graphics over `columns` x `rows` cells of
    /// `cellWidth` x `cellHeight` pixels; made on first use and kept.
    public func pixels(_ mode: GraphicsMode, columns: Int, rows: Int, cellWidth: Int, cellHeight: Int) -> String {
        let key = PixelKey(mode: mode, columns: columns, rows: rows, cellWidth: cellWidth, cellHeight: cellHeight)
        if let done = drawings.withLock({ $0.pixels[key] }) { return done }
        let made: String
        switch mode {
        case .kitty: made = PixelRenderer.kitty(picture, columns: columns, rows: rows, cellWidth: cellWidth, cellHeight: cellHeight)
        case .sixel: made = PixelRenderer.sixel(picture, columns: columns, rows: rows, cellWidth: cellWidth, cellHeight: cellHeight)
        default: made = ""
        }
        drawings.withLock { d in
            if d.pixels.count >= 3 { d.pixels.removeAll() }
            d.pixels[key] = made
        }
        return made
    }
}
