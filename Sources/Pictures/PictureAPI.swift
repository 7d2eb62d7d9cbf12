// The Pictures API the other targets build against (issue 13). Bodies marked
// "TODO(pictures)" are placeholders until the implementation lands; the signatures are the
// contract.
import Common

/// What an encoded picture is, from its first bytes.
public enum ImageKind: String, Sendable {
    case jpeg, png

    /// JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A); nil for anything else (an HTML login
    /// page answered with 200, an empty body, …).
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageKind? {
        let head = Array(bytes.prefix(8))
        if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF { return .jpeg }
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        return nil
    }
}

/// Decodes one still picture (a snapshot: JPEG or PNG) with libavcodec.
public enum ImageDecoder {
    /// Throws `PictureError` (one sentence) for a body that is not a picture or is damaged.
    public static func decode(_ bytes: [UInt8]) throws -> Picture {
        throw PictureError(vi: "Chưa hỗ trợ giải mã ảnh.", en: "Picture decoding is not built yet.") // TODO(pictures)
    }
}

/// The video codecs a key frame can be decoded from.
public enum VideoCodecKind: String, Sendable {
    case h264, h265
}

/// Decodes H.264/H.265 access units (Annex-B: start codes, parameter sets before the first key
/// frame) into pictures. Keeps decoder state between calls (live view); not thread-safe: one
/// owner at a time.
public final class VideoFrameDecoder {
    public let codec: VideoCodecKind

    public init(codec: VideoCodecKind) throws {
        self.codec = codec
        // TODO(pictures)
    }

    /// Feeds one access unit; returns the picture it completes, or nil when the decoder needs
    /// more (e.g. before the first key frame). Throws on a damaged stream it cannot go on with.
    public func decode(accessUnit annexB: [UInt8]) throws -> Picture? {
        throw PictureError(vi: "Chưa hỗ trợ giải mã video.", en: "Video decoding is not built yet.") // TODO(pictures)
    }

    /// One key frame (with its parameter sets) to one picture.
    public static func decodeKeyFrame(_ annexB: [UInt8], codec: VideoCodecKind) throws -> Picture {
        let d = try VideoFrameDecoder(codec: codec)
        if let p = try d.decode(accessUnit: annexB) { return p }
        throw PictureError(vi: "Khung hình khóa không giải mã được.", en: "The key frame could not be decoded.")
    }
}

/// Scales pictures with libswscale.
public enum PictureScaler {
    /// `picture` resized to exactly `width` x `height` (area/bilinear filtering).
    public static func scale(_ picture: Picture, width: Int, height: Int) throws -> Picture {
        throw PictureError(vi: "Chưa hỗ trợ đổi cỡ ảnh.", en: "Scaling is not built yet.") // TODO(pictures)
    }

    /// `picture` made to fit inside `maxWidth` x `maxHeight`, aspect kept; unchanged when it fits.
    public static func fit(_ picture: Picture, maxWidth: Int, maxHeight: Int) throws -> Picture {
        throw PictureError(vi: "Chưa hỗ trợ đổi cỡ ảnh.", en: "Scaling is not built yet.") // TODO(pictures)
    }
}

/// Encodes pictures as baseline JPEG with libavcodec's MJPEG encoder (what `vtrack snapshot`
/// saves when a picture came from a video key frame, and what the simulator serves).
public enum JPEGEncoder {
    /// `quality` 1…100.
    public static func encode(_ picture: Picture, quality: Int = 85) throws -> [UInt8] {
        throw PictureError(vi: "Chưa hỗ trợ mã hóa JPEG.", en: "JPEG encoding is not built yet.") // TODO(pictures)
    }
}

/// How many colours a terminal draws picture cells with.
public enum ColorDepth: String, Sendable, CaseIterable {
    /// 24-bit colour (COLORTERM=truecolor/24bit).
    case trueColor = "truecolor"
    /// xterm's 256 colours.
    case indexed256 = "256"
    /// The 16 ANSI colours.
    case indexed16 = "16"
    /// No colour (NO_COLOR, monochrome theme): ASCII shades.
    case none
}

/// One terminal cell of a picture drawn with symbols: a glyph with a foreground and a
/// background colour (24-bit; a backend maps them to what the terminal has). With
/// `ColorDepth.none` both colours are nil and the glyph is an ASCII shade.
public struct PictureCell: Sendable, Equatable, Hashable {
    public var text: String
    public var fg: RGB?
    public var bg: RGB?
    public init(text: String, fg: RGB?, bg: RGB?) { self.text = text; self.fg = fg; self.bg = bg }
}

/// A 24-bit colour.
public struct RGB: Sendable, Equatable, Hashable {
    public var r, g, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
}

/// A picture drawn as `columns` x `rows` cells, row-major.
public struct CellImage: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public var cells: [PictureCell]
    public init(columns: Int, rows: Int, cells: [PictureCell]) {
        self.columns = columns; self.rows = rows; self.cells = cells
    }
    public subscript(x: Int, y: Int) -> PictureCell { cells[y * columns + x] }
}

/// Draws pictures as terminal cells with chafa's symbols (half blocks, quadrants, sextants):
/// the mode that always works (SSH, tmux, any terminal with UTF-8).
public enum CellRenderer {
    /// `picture` drawn into exactly `columns` x `rows` cells; the picture is fitted with its
    /// aspect kept (cells are about twice as tall as wide) and centred, the margin filled with
    /// blank cells (space, no colours). `.none` gives ASCII shades (" .:-=+*#%@") with no colours.
    public static func render(_ picture: Picture, columns: Int, rows: Int, depth: ColorDepth) -> CellImage {
        // TODO(pictures)
        CellImage(columns: max(0, columns), rows: max(0, rows),
                  cells: Array(repeating: PictureCell(text: " ", fg: nil, bg: nil), count: max(0, columns) * max(0, rows)))
    }
}

/// Terminal pixel graphics: a string to write at the cursor that shows the picture over
/// `columns` x `rows` cells.
public enum PixelRenderer {
    /// Sixel (DEC) data for the picture fitted into `columns` x `rows` cells of
    /// `cellWidth` x `cellHeight` pixels.
    public static func sixel(_ picture: Picture, columns: Int, rows: Int, cellWidth: Int = 10, cellHeight: Int = 20) -> String {
        "" // TODO(pictures)
    }

    /// Kitty graphics protocol (APC G) data for the same.
    public static func kitty(_ picture: Picture, columns: Int, rows: Int, cellWidth: Int = 10, cellHeight: Int = 20) -> String {
        "" // TODO(pictures)
    }
}

/// How pictures reach the terminal (`--graphics auto|cells|sixel|kitty|none`).
public enum GraphicsMode: String, Sendable, CaseIterable {
    case auto, cells, sixel, kitty, none

    /// What `auto` means for this environment: kitty when the terminal is kitty (KITTY_WINDOW_ID,
    /// TERM=xterm-kitty, TERM_PROGRAM=WezTerm/ghostty), sixel when TERM names a sixel terminal
    /// (mlterm, foot, contour, yaft, "sixel") or `answeredSixel` (the terminal's DA1 answer
    /// listed 4), cells otherwise — and always cells inside tmux/screen (TMUX, STY, TERM=tmux*/
    /// screen*), whose passthrough is off by default. `none` stays none.
    public static func resolve(_ requested: GraphicsMode, environment: [String: String], answeredSixel: Bool = false) -> GraphicsMode {
        requested == .auto ? .cells : requested // TODO(pictures)
    }
}

extension ColorDepth {
    /// From the environment: none with NO_COLOR set (any value), truecolor with
    /// COLORTERM=truecolor|24bit, else 256 when TERM contains 256color (or `terminalColors` ≥ 256),
    /// else 16.
    public static func detect(environment: [String: String], terminalColors: Int? = nil) -> ColorDepth {
        if environment["NO_COLOR"] != nil { return .none }
        if let c = environment["COLORTERM"]?.lowercased(), c == "truecolor" || c == "24bit" { return .trueColor }
        if (environment["TERM"] ?? "").contains("256color") || (terminalColors ?? 0) >= 256 { return .indexed256 }
        return .indexed16
    }
}
